import { loadConfig } from '@tiltak/api-core';
import { StartupProblem } from '@tiltak/api-data-access';
import { createTestDatabase, type TestDatabase, until } from '@tiltak/api-data-access/testing';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freeLoopbackPort } from '@tiltak/api-data-access';
import { graphqlClient, TEST_AUTH_SECRET } from '../testing/test-api';
import { startTiltak } from './start-tiltak';

const config = (env: Record<string, string>) =>
  loadConfig(
    { PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'error', AUTH_SECRET: TEST_AUTH_SECRET, ...env },
    { dashboardDir: '/nonexistent' },
  );

describe('starting Tiltak', () => {
  describe('on a PostgreSQL server', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase();
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('stops with one sentence when its port is taken just before it listens, and leaves nothing open', async () => {
      const port = await freeLoopbackPort();
      let squatter: Server | undefined;

      const start = startTiltak(config({ DATABASE_URL: db.url, PORT: String(port) }), {
        // The app's first statement comes after the port was found free and before the app listens.
        onQuery: () => {
          squatter ??= createServer().listen(port, '127.0.0.1');
        },
      });

      try {
        await expect(start).rejects.toThrow(
          new StartupProblem(
            `Port ${port} on 127.0.0.1 is already in use (perhaps by another Tiltak); stop what uses it, or set ` +
              `PORT to a free port.`,
          ),
        );
      } finally {
        squatter?.close();
      }
      // Nothing of the failed start may still be connected: only this observer is.
      await db.dataSource.destroy();
      const observer = new pg.Client({ connectionString: db.url });
      await observer.connect();
      try {
        await until('the failed start to close its connections', async () => {
          const { rows } = await observer.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          );
          return rows[0].n === 0 ? true : undefined;
        });
      } finally {
        await observer.end();
      }
    });

    it('stops with one sentence when the database does not exist', async () => {
      const url = new URL(db.url);
      url.pathname = '/tiltak_not_made_yet';

      await expect(startTiltak(config({ DATABASE_URL: url.toString() }))).rejects.toThrow(
        `has no database "tiltak_not_made_yet"; create it (createdb tiltak_not_made_yet) or name an existing one in DATABASE_URL.`,
      );
    });
  });

  it('with its embedded PostgreSQL, serves again after that PostgreSQL is killed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tiltak-killed-'));
    await chmod(dataDir, 0o755);
    const lost: string[] = [];
    const tiltak = await startTiltak(config({ TILTAK_DATA_DIR: dataDir }), { onDatabaseLost: (m) => lost.push(m) });
    try {
      const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
      const killed = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
      process.kill(killed, 'SIGKILL');

      // Its backends outlive a killed postmaster for a moment and may still answer: wait for the new one.
      await until('PostgreSQL to be started again', async () =>
        Number((await readFile(pidFile, 'utf8')).split('\n')[0]) !== killed ? true : undefined,
      );
      await until('the health check to pass again', async () =>
        (await fetch(`${tiltak.url}/health`)).status === 200 ? true : undefined,
      );
      const { login } = await graphqlClient(tiltak.url).data<{ login: { accessToken: string } }>(
        'mutation { login(email: "admin@tiltak.test", password: "tiltak-demo") { accessToken } }',
      );
      expect(login.accessToken).toEqual(expect.any(String));
      expect(lost).toEqual([]);
    } finally {
      await tiltak.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
