import { loadConfig } from '@tiltak/api-core';
import { freeLoopbackPort, type RunningDatabase, startEmbeddedDatabase } from '@tiltak/api-data-access';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { type RunningTiltak, startTiltak } from '../app/start-tiltak';
import { eventually, presenceSocket, signIn } from '../testing/sign-in';
import { Subscriber } from '../testing/subscriber';
import { TEST_AUTH_SECRET } from '../testing/test-api';

interface Answer {
  status: number;
  retryAfter: string | null;
  setCookie: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  milliseconds: number;
}

/** What a driver or a socket says when the database is away; none of it may reach a client. */
const DRIVER_TEXT = /ECONN|EPIPE|ETIMEDOUT|terminat|connect|postgres|pool|127\.0\.0\.1|5432|sqlstate/i;

/**
 * The database goes away under a running API, then comes back: meanwhile the API answers at once
 * with a typed SERVICE_UNAVAILABLE (HTTP 503) and stays up; afterwards it serves again within 10 s
 * by itself, and a live subscriber from before receives exactly what was committed after. The
 * cluster is this test's own, so that stopping it disturbs no other test.
 */
describe('while the database is away', () => {
  let dir: string;
  let port: number;
  let database: RunningDatabase;
  let tiltak: RunningTiltak;
  let subscriber: Subscriber | undefined;
  let watcher: Client | undefined;
  const rejections: unknown[] = [];
  const noteRejection = (reason: unknown) => rejections.push(reason);

  const start = () => startEmbeddedDatabase({ dataDir: dir, port, database: 'tiltak' });
  const call = async (query: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const started = Date.now();
    const response = await fetch(`${tiltak.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      setCookie: response.headers.getSetCookie().join('\n'),
      body: (await response.json()) as Answer['body'],
      milliseconds: Date.now() - started,
    };
  };
  const health = async () => {
    const started = Date.now();
    const response = await fetch(`${tiltak.url}/health`);
    return { status: response.status, body: (await response.json()) as unknown, milliseconds: Date.now() - started };
  };
  const expectUnavailable = (answer: Answer) => {
    expect(answer.status).toBe(503);
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(answer.body.errors?.[0].message).not.toMatch(DRIVER_TEXT);
    expect(answer.milliseconds).toBeLessThan(3_000);
  };

  beforeAll(async () => {
    process.on('unhandledRejection', noteRejection);
    dir = await mkdtemp(join(tmpdir(), 'tiltak-restart-'));
    await chmod(dir, 0o755);
    port = await freeLoopbackPort();
    database = await start();
    tiltak = await startTiltak(
      loadConfig(
        {
          DATABASE_URL: database.url,
          PORT: '0',
          NODE_ENV: 'test',
          LOG_LEVEL: 'error',
          AUTH_SECRET: TEST_AUTH_SECRET,
          // Signed-out visitors may read, so a query reaches the resolvers without a token check.
          PUBLIC_DASHBOARD: 'true',
        },
        { dashboardDir: '/nonexistent' },
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await subscriber?.close();
    await watcher?.dispose();
    await tiltak?.close();
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
    process.off('unhandledRejection', noteRejection);
  });

  it('answers 503 at once, serves again within 10 s of its return, and loses no live change', async () => {
    const { accessToken, cookie } = await signIn(tiltak.url, 'admin@tiltak.test');
    const bearer = { authorization: `Bearer ${accessToken}` };
    const createParty = (name: string) =>
      call(`mutation { createParty(input: { name: "${name}", kind: NETWORK }) { id } }`, bearer);

    subscriber = new Subscriber(tiltak.url, accessToken);
    // A second open connection hears what the API tells every page about its database.
    const notices: unknown[] = [];
    let watching = false;
    watcher = createClient({
      url: `${tiltak.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: bearer,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
      on: {
        connected: () => (watching = true),
        ping: (received, payload) => received && notices.push(payload),
      },
    });
    await eventually(() => watching, 'the watching connection');
    const viewer = await presenceSocket(tiltak.url, accessToken);
    const { actions } = (await call('{ actions(first: 1) { edges { node { id } } } }', bearer)).body.data as {
      actions: { edges: { node: { id: string } }[] };
    };
    await subscriber.until(() => subscriber!.markers.length === 1);
    expect((await createParty('Før pausen')).status).toBe(200);
    await subscriber.until((received) => received.length === 1);
    const before = subscriber.received[0].seq;

    await database.stop();

    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', database: 'down' });
    expect(down.milliseconds).toBeLessThan(3_000);
    expectUnavailable(await call('{ focusAreas { id } }'));
    expectUnavailable(await call('{ currentProgramme { name } }', bearer));
    expectUnavailable(await createParty('Under pausen'));
    expectUnavailable(
      await call('mutation { login(email: "admin@tiltak.test", password: "tiltak-demo") { accessToken } }'),
    );
    const refresh = await call('mutation { refreshSession { accessToken } }', { cookie });
    expectUnavailable(refresh);
    // The session outlives the outage: the refresh cookie is not cleared.
    expect(refresh.setCookie).not.toContain('tiltak_refresh=;');
    // A live connection opened now is told to come back later, not refused as signed out.
    const late = new Subscriber(tiltak.url, accessToken);
    await eventually(() => late.closedWith !== undefined, 'the new live connection to close').finally(() =>
      late.close(),
    );
    expect(late.closedWith).toBe(1013);
    await expect(presenceSocket(tiltak.url, accessToken)).rejects.toMatchObject({ message: 'SERVICE_UNAVAILABLE' });
    // A presence socket from before stays, and a view it cannot check is answered, not left hanging.
    const view = await new Promise((resolve) => viewer.emit('view', actions.edges[0].node.id, resolve));
    expect(view).toEqual({ ok: false, reason: 'SERVICE_UNAVAILABLE' });
    viewer.disconnect();
    // An open connection stays open and is told; a catch-up it asks for now waits for the database.
    await eventually(() => notices.length === 1, 'the notice that the database is away');
    expect(notices).toEqual([{ database: 'down' }]);
    const caughtUp: { seq: string; caughtUp: boolean }[] = [];
    const catchUpErrors: unknown[] = [];
    watcher.subscribe<{ programmeChanged: { seq: string; caughtUp: boolean } }>(
      { query: `subscription { programmeChanged(since: "${before}") { seq caughtUp } }` },
      {
        next: ({ data }) => data && caughtUp.push(data.programmeChanged),
        error: (error) => catchUpErrors.push(error),
        complete: () => undefined,
      },
    );

    database = await start();
    const back = Date.now();
    // Writes start at once: some commit before the change feed has its connection again.
    const written: string[] = [];
    for (let party = 0; party < 5; party += 1) {
      for (;;) {
        const answer = await createParty(`Etter pausen ${party}`);
        if (answer.status === 200) {
          written.push((answer.body.data?.['createParty'] as { id: string }).id);
          break;
        }
        expect(answer.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(Date.now() - back).toBeLessThan(10_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const served = Date.now() - back;
    expect(served).toBeLessThan(10_000);
    expect((await health()).status).toBe(200);
    expect((await call('{ currentProgramme { name } }', bearer)).body.data?.['currentProgramme']).toBeTruthy();

    // Changes arrive in order: once this last one is in, a lost or repeated one would show.
    const last = ((await createParty('Til slutt')).body.data?.['createParty'] as { id: string }).id;
    await subscriber.until((received) => received.some((change) => change.entityId === last), 15_000);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const committed = await client
      .query<{ seq: string; entity_id: string }>(
        'SELECT seq, entity_id FROM change_event WHERE seq > $1 ORDER BY seq',
        [before],
      )
      .finally(() => client.end());
    expect(committed.rows.map((row) => row.entity_id)).toEqual([...written, last]);
    expect(subscriber.received.slice(1).map((change) => change.seq)).toEqual(committed.rows.map((row) => row.seq));
    expect(subscriber.errors).toEqual([]);
    // The subscription asked for while the database was away: every change since, once, in order.
    const all = committed.rows.map((row) => row.seq);
    await eventually(() => caughtUp.some((change) => change.seq === all.at(-1)), 'the waiting subscription');
    expect(caughtUp.filter((change) => !change.caughtUp).map((change) => change.seq)).toEqual(all);
    expect(caughtUp.filter((change) => change.caughtUp)).toHaveLength(1);
    expect(catchUpErrors).toEqual([]);
    await eventually(() => notices.length === 2, 'the notice that the database is back');
    expect(notices).toEqual([{ database: 'down' }, { database: 'up' }]);
    expect(rejections).toEqual([]);
  }, 90_000);
});
