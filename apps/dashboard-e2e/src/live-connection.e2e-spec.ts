import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import { type LiveChange, LiveConnection, SessionStore } from '@tiltak/dashboard-data-access';
import WebSocket from 'ws';
import { type BuiltTiltak, signIn, startBuiltTiltak } from './support/built-tiltak';

/**
 * The dashboard's live client against two built API instances: it keeps retrying while its
 * instance is down and, once back, receives exactly what it missed, in order, and knows when it has.
 */
describe('the dashboard’s live connection', () => {
  let db: TestDatabase;
  let instanceA: BuiltTiltak;
  let instanceB: BuiltTiltak;
  let connection: LiveConnection;
  const env = { AUTH_SECRET: 'e2e-secret-that-is-at-least-thirty-two-characters-long' };

  beforeAll(async () => {
    db = await createTestDatabase();
    instanceA = await startBuiltTiltak({ DATABASE_URL: db.url, ...env });
    instanceB = await startBuiltTiltak({ DATABASE_URL: db.url, ...env });
  });

  afterAll(async () => {
    await connection?.stop();
    await instanceA?.stop();
    await instanceB?.stop();
    await db?.drop();
  });

  it('reconnects by itself after its instance restarts and catches up on what it missed', async () => {
    const session = new SessionStore(`${instanceA.url}/graphql`);
    await expect(session.signIn('rad@tiltak.test', 'tiltak-demo')).resolves.toBeNull();
    const received: LiveChange[] = [];
    const states: string[] = [];
    const caughtUp: (number | null)[] = [];
    connection = new LiveConnection({
      url: `${instanceA.url.replace('http', 'ws')}/graphql`,
      session,
      onChange: (change) => received.push(change),
      onCaughtUp: (missed) => caughtUp.push(missed),
      webSocketImpl: WebSocket,
    });
    connection.onState((state) => states.push(state));
    connection.start();
    const until = async (check: () => boolean, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline)
          throw new Error(`Timed out; states ${states.join(',')}, received ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await until(() => connection.state === 'online');

    const token = await signIn(instanceB.url, 'admin@tiltak.test');
    const createParty = (name: string) =>
      fetch(`${instanceB.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `mutation { createParty(input: { name: "${name}", kind: NETWORK }) { id } }` }),
      });
    await createParty('Nettverk før brudd');
    await until(() => received.length === 1);

    const port = Number(new URL(instanceA.url).port);
    await instanceA.stop('SIGTERM');
    await until(() => connection.state === 'offline');
    for (let n = 1; n <= 5; n++) await createParty(`Nettverk under brudd ${n}`);
    instanceA = await startBuiltTiltak({ DATABASE_URL: db.url, ...env }, 45_000, port);

    await until(() => received.length === 6 && caughtUp.length === 1);
    expect(caughtUp).toEqual([5]);
    expect(connection.state).toBe('online');
    const seqs = received.map((change) => BigInt(change.seq));
    expect(seqs.every((seq, i) => i === 0 || seq === seqs[i - 1] + 1n)).toBe(true);
    expect(received.map((change) => change.entity)).toEqual(Array(6).fill('party'));
    expect(states).toEqual(['online', 'offline', 'online']);
  }, 90_000);
});
