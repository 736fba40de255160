import type { IncomingMessage } from 'node:http';

/** Express's compiled `trust proxy` setting: whether the hop at `index` may speak for the client. */
type TrustProxy = (address: string, index: number) => boolean;

/**
 * The client's address on a request express did not handle (a WebSocket upgrade), worked out as
 * express's `req.ip` does it: from the socket, then back through `X-Forwarded-For` for as long as
 * each hop is a trusted proxy. So every transport counts a client under the same address.
 */
export function clientAddress(request: IncomingMessage, app: { get(setting: string): unknown }): string {
  const trust = app.get('trust proxy fn') as TrustProxy | undefined;
  const forwarded = request.headers['x-forwarded-for'];
  const hops = [
    request.socket.remoteAddress ?? '',
    ...(typeof forwarded === 'string'
      ? forwarded
          .split(',')
          .map((hop) => hop.trim())
          .reverse()
      : []),
  ];
  let index = 0;
  while (index < hops.length - 1 && trust?.(hops[index] ?? '', index)) index += 1;
  return hops[index] ?? '';
}

/**
 * The key an address is counted under. IPv4 as is (also when written IPv4-mapped); IPv6 by its
 * /64, since one household or server is handed a whole /64 and could otherwise step around the
 * limit by changing the last bits.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
