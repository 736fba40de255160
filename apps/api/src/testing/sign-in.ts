import type { PresenceClientEvents, PresenceServerEvents } from '@tiltak/domain';
import { io, type Socket } from 'socket.io-client';

export const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken expiresAt user { id email role } } }';

export interface PostResult {
  body: {
    data?: Record<string, { accessToken?: string; expiresAt?: string } | null>;
    errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
  };
  /** `tiltak_refresh=…` when the API set the refresh cookie. */
  cookie: string | undefined;
  setCookie: string;
}

/** Sends GraphQL with explicit headers and returns the body with any refresh cookie the API set. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<PostResult> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('tiltak_refresh='))
    ?.split(';')[0];
  return {
    body: (await response.json()) as PostResult['body'],
    cookie,
    setCookie: response.headers.getSetCookie().join('\n'),
  };
}

/** Signs in with a password and returns the access token and the refresh cookie. */
export async function signIn(
  url: string,
  email: string,
  password = 'tiltak-demo',
  headers: Record<string, string> = {},
) {
  const { body, cookie } = await post(url, LOGIN, { e: email, p: password }, headers);
  const login = body.data?.['login'] as { accessToken: string; user: { id: string } } | undefined;
  if (!login || !cookie) throw new Error(`Could not sign in as ${email}: ${JSON.stringify(body.errors)}`);
  return { accessToken: login.accessToken, userId: login.user.id, cookie };
}

/** The session (token family) an access token names. */
export function sessionOf(accessToken: string): string {
  return (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
}

/** Waits until `check` holds, or fails after `timeoutMs`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export type PresenceSocket = Socket<PresenceServerEvents, PresenceClientEvents>;

/** A presence socket, connected (the promise waits for the API to accept it). */
export async function presenceSocket(url: string, token: string): Promise<PresenceSocket & { closed: boolean }> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
  }) as PresenceSocket & { closed: boolean };
  socket.closed = false;
  socket.on('disconnect', () => (socket.closed = true));
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', resolve);
    socket.on('connect_error', reject);
  });
  return socket;
}
