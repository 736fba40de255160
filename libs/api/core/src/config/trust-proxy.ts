import { isIP } from 'node:net';

/**
 * Which proxies in front of Tiltak may say who the client is (X-Forwarded-For), in the form
 * Express's `trust proxy` takes: false (none, the default), a number of hops, or a list of
 * addresses, CIDR ranges and the names `loopback`, `linklocal` and `uniquelocal`.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** `true` is refused: trusting every sender would let any client choose its own address. */
export function parseTrustProxy(value: string | undefined, problems: string[]): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === 'none') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 10) return hops === 0 ? false : hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isTrustable(entry));
  if (bad.length > 0 || entries.length === 0) {
    problems.push(
      `TRUST_PROXY must be a number of proxy hops (0–10) or a comma-separated list of addresses, CIDR ranges, ` +
        `loopback, linklocal or uniquelocal (not understood: ${bad.map((b) => `"${b}"`).join(', ') || '""'})`,
    );
    return false;
  }
  return entries;
}

function isTrustable(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // A netmask such as 255.255.255.0 as well as a prefix length, as Express allows.
  if (family === 4 && isIP(prefix) === 4) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
