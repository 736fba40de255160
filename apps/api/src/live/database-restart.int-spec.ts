import { loadConfig } from '@tiltak/api-core';
import { freeLoopbackPort, type RunningDatabase, startEmbeddedDatabase } from '@tiltak/api-data-access';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningTiltak, startTiltak } from '../app/start-tiltak';
import { Subscriber } from '../testing/subscriber';
import { graphqlClient, TEST_AUTH_SECRET } from '../testing/test-api';

/** The database restarts under a running API: the change feed reconnects and nothing made after is lost. */
describe('live changes when the database restarts', () => {
  let dir: string;
  let port: number;
  let database: RunningDatabase;
  let tiltak: RunningTiltak;
  let subscriber: Subscriber;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tiltak-restart-'));
    await chmod(dir, 0o755);
    port = await freeLoopbackPort();
    database = await startEmbeddedDatabase({ dataDir: dir, port, database: 'tiltak' });
    tiltak = await startTiltak(
      loadConfig(
        { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'error', AUTH_SECRET: TEST_AUTH_SECRET },
        { dashboardDir: '/nonexistent' },
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await subscriber?.close();
    await tiltak?.close();
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('still delivers changes made after the restart, in order and without duplicates', async () => {
    const anonymous = graphqlClient(tiltak.url);
    const signIn = async () =>
      (
        await anonymous.data<{ login: { accessToken: string } }>(
          'mutation { login(email: "admin@tiltak.test", password: "tiltak-demo") { accessToken } }',
        )
      ).login.accessToken;
    const token = await signIn();
    const admin = graphqlClient(tiltak.url, () => ({ authorization: `Bearer ${token}` }));
    const party = async (name: string) =>
      admin.gql(`mutation { createParty(input: { name: "${name}", kind: NETWORK }) { id } }`);

    subscriber = new Subscriber(tiltak.url, token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await party('Før omstart');
    await subscriber.until((received) => received.length === 1);

    await database.stop();
    database = await startEmbeddedDatabase({ dataDir: dir, port, database: 'tiltak' });
    // The API's pool notices the broken connections on first use; a client retries such a write.
    for (let attempt = 0; attempt < 20; attempt++) {
      if (!(await party('Etter omstart')).errors) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    await subscriber.until((received) => received.length === 2, 15_000);
    expect(subscriber.received.map((r) => r.entity)).toEqual(['party', 'party']);
    expect(BigInt(subscriber.received[1].seq)).toBeGreaterThan(BigInt(subscriber.received[0].seq));
  }, 60_000);
});
