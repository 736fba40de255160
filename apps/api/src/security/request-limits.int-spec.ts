import { QUERY_LIMITS } from '@tiltak/api-core';
import type { PresenceClientEvents, PresenceServerEvents } from '@tiltak/domain';
import { createClient } from 'graphql-ws';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { type GraphqlError, startTestApi, type TestApi } from '../testing/test-api';

interface Answer {
  status: number;
  retryAfter: string | null;
  data?: unknown;
  errors?: GraphqlError[];
}

const PRODUCTION = { NODE_ENV: 'production', DEMO_DATA: 'always' };
const wsUrl = (api: TestApi) => `${api.url.replace(/^http/, 'ws')}/graphql`;

async function overHttp(api: TestApi, token: string, query: string, variables?: unknown): Promise<Answer> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: GraphqlError[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
}

/** One operation over graphql-ws: its first result, or the errors it was refused with. */
async function overWs(api: TestApi, token: string, query: string): Promise<{ data?: unknown; errors?: unknown }> {
  const client = createClient({
    url: wsUrl(api),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve, reject) => {
      client.subscribe(
        { query },
        {
          next: (result) => resolve(result as { data?: unknown; errors?: unknown }),
          error: (errors) => (Array.isArray(errors) ? resolve({ errors }) : reject(errors as Error)),
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const TEN_LEVELS_DEEP =
  '{ parties { actions { involvements { party { actions { involvements { party { actions { involvements { party { id } } } } } } } } } } }';

/** The attacks from the hardening trial, against the API in production mode with its demo data. */
describe('request limits, in production', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi(PRODUCTION);
    admin = await api.tokenFor('admin@tiltak.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses 300 aliases of progressMatrix before running any of them', async () => {
    api.statements.length = 0;

    // Six tokens each: within the token limit, so the alias limit is what refuses it.
    const answer = await overHttp(api, admin, aliases(300, 'progressMatrix { progress }'));

    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toContainEqual(
      expect.objectContaining({
        extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'ALIASES', limit: QUERY_LIMITS.aliases },
      }),
    );
    expect(api.statements.filter((sql) => /progress|action/i.test(sql))).toEqual([]);
  });

  it('refuses 1,000 aliases while parsing, on the token limit', async () => {
    const answer = await overHttp(api, admin, aliases(1_000, 'progressMatrix { progress }'));

    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([
      {
        message: `The query has more than ${QUERY_LIMITS.tokens} tokens.`,
        locations: [expect.objectContaining({ line: 1 })],
        extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'TOKENS', limit: QUERY_LIMITS.tokens },
      },
    ]);
  });

  it('refuses a query nested ten levels deep through parties, actions and involvements', async () => {
    const answer = await overHttp(api, admin, TEN_LEVELS_DEEP);

    expect(answer.status).toBe(400);
    expect(answer.errors?.map((error) => error.extensions)).toContainEqual({
      code: 'QUERY_TOO_COMPLEX',
      reason: 'DEPTH',
      limit: QUERY_LIMITS.depth,
    });
  });

  it('counts list sizes in the cost: a shallow query over 100 actions with nested lists is refused', async () => {
    const query = `query($first: Int) { actions(first: $first) { edges { node {
      involvements { party { actions { id code title } } } } } } }`;

    const small = await overHttp(api, admin, query, { first: 1 });
    const large = await overHttp(api, admin, query, { first: 100 });

    expect(small.errors).toBeUndefined();
    expect(large.status).toBe(400);
    expect(large.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      reason: 'COST',
      limit: QUERY_LIMITS.cost,
    });
    expect(large.errors?.[0]?.message).toMatch(/^The query would cost \d+, over the limit of 25000\.$/);
  });

  it('refuses introspection over HTTP and over the WebSocket alike', async () => {
    const query = '{ __schema { queryType { name } } }';

    const http = await overHttp(api, admin, query);
    const ws = await overWs(api, admin, query);

    expect(http.status).toBe(400);
    expect(http.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(http.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    expect(ws).toEqual({ errors: http.errors });
  });

  it('names no fields in its refusal of a misspelt one, on either transport', async () => {
    const query = '{ focusAreas { nam } }';

    const http = await overHttp(api, admin, query);
    const ws = await overWs(api, admin, query);

    expect(http.errors?.[0]?.message).toBe('Cannot query field "nam" on type "FocusArea".');
    expect(ws).toEqual({ errors: http.errors });
  });

  it('answers a limit breach with the same error over HTTP and over the WebSocket', async () => {
    const http = await overHttp(api, admin, TEN_LEVELS_DEEP);
    const ws = await overWs(api, admin, TEN_LEVELS_DEEP);

    expect(http.errors?.length).toBeGreaterThan(0);
    expect(ws).toEqual({ errors: http.errors });
  });

  it('closes a WebSocket whose connection_init is 4 MiB, without reading it as an init', async () => {
    const socket = new WebSocket(wsUrl(api), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    const acknowledged = new Promise<boolean>((resolve) => {
      socket.once('message', () => resolve(true));
      socket.once('close', () => resolve(false));
    });

    socket.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${admin}`, padding: 'x'.repeat(4 * 1024 * 1024) },
      }),
    );

    await expect(acknowledged).resolves.toBe(false);
    await expect(closed).resolves.toBe(1009);
  });

  it('refuses one operation over the cap on a connection and keeps the others running', async () => {
    const client = createClient({
      url: wsUrl(api),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${admin}` },
      retryAttempts: 0,
    });
    const errors: unknown[][] = [];
    const stops: (() => void)[] = [];
    try {
      const refused = new Promise<unknown>((resolve) => {
        for (let i = 0; i <= QUERY_LIMITS.operationsPerConnection; i += 1) {
          errors.push([]);
          stops.push(
            client.subscribe(
              { query: 'subscription { programmeChanged { seq } }' },
              {
                next: () => undefined,
                error: (error) => {
                  errors[i]!.push(error);
                  resolve(error);
                },
                complete: () => undefined,
              },
            ),
          );
        }
      });

      await expect(refused).resolves.toEqual([
        {
          message: `At most ${QUERY_LIMITS.operationsPerConnection} operations may run at once on a connection.`,
          extensions: { code: 'TOO_MANY_OPERATIONS', limit: QUERY_LIMITS.operationsPerConnection },
        },
      ]);
      expect(errors.filter((received) => received.length > 0)).toHaveLength(1);
      expect(errors.at(-1)).toHaveLength(1);
    } finally {
      stops.forEach((stop) => stop());
      await client.dispose();
    }
  });

  it('answers a body over 100 kB with 413 and REQUEST_TOO_LARGE', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: `{ me { id } }${' '.repeat(200 * 1024)}` }),
    });

    expect(response.status).toBe(413);
    await expect(response.json()).resolves.toEqual({
      errors: [
        { message: 'The request is larger than 100 kB.', extensions: { code: 'REQUEST_TOO_LARGE', limit: 102_400 } },
      ],
    });
  });
});

describe('rate limits, in production', () => {
  let api: TestApi;
  let council: string;
  let lead: string;
  let presence: Socket<PresenceServerEvents, PresenceClientEvents> | undefined;

  beforeAll(async () => {
    // Lowered so the test runs quickly; the defaults are many times these.
    api = await startTestApi({
      ...PRODUCTION,
      RATE_LIMIT_QUERIES_PER_USER: '5',
      RATE_LIMIT_SIGN_INS_PER_ADDRESS: '3',
      RATE_LIMIT_PRESENCE_PER_USER: '2',
    });
    // With the admin's sign-in as the test API started, these use up this address's sign-ins.
    council = await api.tokenFor('rad@tiltak.test');
    lead = await api.tokenFor('leder@tiltak.test');
  });

  afterAll(async () => {
    presence?.disconnect();
    await api?.close();
  });

  it('refuses a user’s queries over the limit with 429, Retry-After and RATE_LIMITED, over HTTP and WebSocket', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await overHttp(api, council, '{ focusAreas { id } }'));
    const overWebSocket = await overWs(api, council, 'subscription { programmeChanged { seq } }');
    // Another user at the same address is not held back by the first one's count.
    const otherUser = await overHttp(api, lead, '{ focusAreas { id } }');

    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const refused = answers[5]!;
    expect(refused.status).toBe(429);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toHaveLength(1);
    const extensions = refused.errors![0]!.extensions as { retryAfterSeconds: number };
    expect(extensions).toEqual({
      code: 'RATE_LIMITED',
      reason: 'QUERIES',
      limit: 5,
      retryAfterSeconds: expect.any(Number),
    });
    expect(extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.retryAfter).toBe(String(extensions.retryAfterSeconds));
    expect(overWebSocket.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many requests: at most 5 a minute\. Try again in \d+ s\.$/),
        extensions: { ...extensions, retryAfterSeconds: expect.any(Number) },
      },
    ]);
    expect(otherUser.status).toBe(200);
  });

  it('bounds sign-in requests per address, whatever the password', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { login(email: "rad@tiltak.test", password: "tiltak-demo") { accessToken } }',
      }),
    });

    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as { errors: GraphqlError[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'SIGN_INS', limit: 3 });
  });

  it('refuses presence events over the limit with an answer that says so', async () => {
    const [{ id: actionId }] = (await api.db.dataSource.query('SELECT id FROM action LIMIT 1')) as { id: string }[];
    const socket: Socket<PresenceServerEvents, PresenceClientEvents> = io(api.url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: lead },
      reconnection: false,
    });
    presence = socket;
    const view = () => new Promise<unknown>((resolve) => socket.emit('view', actionId!, resolve));

    const answers = [await view(), await view(), await view()];

    expect(answers.slice(0, 2)).toEqual([{ ok: true }, { ok: true }]);
    expect(answers[2]).toEqual({ ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });
});
