import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TEST_ENV, withDatabase } from '../testing/test-database-server';
import { until } from '../testing/until';
import { processExists } from './embedded/data-folder-lock';
import { type EmbeddedDatabase, freeLoopbackPort, startEmbeddedDatabase } from './embedded-database';
import { checkDatabaseServer } from './server-check';
import { StartupProblem } from './startup-problem';

const runsAsRoot = process.getuid?.() === 0;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function postmasterPid(database: EmbeddedDatabase): Promise<number> {
  return Number((await readFile(join(database.clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

/** Listens on 127.0.0.1:port as soon as the port is free. */
function occupy(port: number): Promise<Server> {
  return until('the port to be free', () => {
    const server = createServer();
    return new Promise<Server | undefined>((resolve) => {
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  });
}

/** Each test here runs clusters of its own, which it stops, kills or starts twice. */
describe('the embedded PostgreSQL', () => {
  let top: string;

  beforeAll(async () => {
    top = await mkdtemp(join(tmpdir(), 'tiltak-embedded-'));
    // The `postgres` user that runs the clusters under root must enter it, except where a test says not.
    await chmod(top, 0o755);
  });

  afterAll(async () => {
    await rm(top, { recursive: true, force: true });
  });

  it('starts from a data folder only its owner may enter, and keeps the data there between starts', async () => {
    const privateFolder = join(top, 'private');
    await mkdir(privateFolder, { mode: 0o700 });
    await chmod(privateFolder, 0o700);
    const dataDir = join(privateFolder, 'data');
    const sharedHome = join(top, 'shared');
    const start = () => startEmbeddedDatabase({ dataDir, database: 'tiltak', sharedHome });

    let database = await start();
    try {
      await query(database.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$from the first start$$)');
      if (runsAsRoot) {
        // The postgres user cannot enter the folder: the cluster lives where it can, and the data folder says where.
        expect(database.clusterDir).toMatch(new RegExp(`^${sharedHome}/clusters/[0-9a-f]{16}$`));
        expect(database.elsewhereBecause).toBe(`the postgres user that runs it may not enter ${privateFolder}`);
        expect(await readFile(join(dataDir, 'postgres-location.txt'), 'utf8')).toContain(`\n${database.clusterDir}\n`);
      } else {
        expect(database.clusterDir).toBe(join(dataDir, 'postgres'));
      }
      expect(existsSync(join(dataDir, 'postgres.password'))).toBe(true);
      await database.stop();

      database = await start();
      await expect(query(database.url, 'SELECT note FROM kept')).resolves.toEqual([{ note: 'from the first start' }]);
      const firstCluster = database.clusterDir;
      await database.stop();

      // Deleting the data folder is how to start again: the old cluster goes with it.
      await rm(dataDir, { recursive: true });
      database = await start();
      await expect(query(database.url, 'SELECT to_regclass($$kept$$) AS kept')).resolves.toEqual([{ kept: null }]);
      expect(database.clusterDir).toBe(firstCluster);
    } finally {
      await database.stop();
    }
  }, 90_000);

  describe('refusing to start', () => {
    let first: EmbeddedDatabase;
    const firstDir = () => join(top, 'first');

    beforeAll(async () => {
      first = await startEmbeddedDatabase({ dataDir: firstDir(), database: 'tiltak' });
    }, 60_000);

    afterAll(async () => {
      await first?.stop();
    });

    it('on a data folder that another Tiltak uses, and leaves that one running', async () => {
      const second = startEmbeddedDatabase({ dataDir: firstDir(), database: 'tiltak' });

      await expect(second).rejects.toThrow(StartupProblem);
      await expect(second).rejects.toThrow(
        new RegExp(
          `^The data folder ${firstDir()} is in use by another Tiltak \\(process ${process.pid}\\); stop that one ` +
            `first, or set TILTAK_DATA_DIR to another folder`,
        ),
      );
      await expect(query(first.url, 'SELECT 1 AS up')).resolves.toEqual([{ up: 1 }]);
    });

    it('on a port that is taken, before it makes anything', async () => {
      const dataDir = join(top, 'port-taken');

      await expect(startEmbeddedDatabase({ dataDir, port: first.port, database: 'tiltak' })).rejects.toThrow(
        new StartupProblem(
          `Port ${first.port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen there; set ` +
            `EMBEDDED_DATABASE_PORT to a free port, or leave it unset so that Tiltak picks one.`,
        ),
      );
      expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
      // The folder is free again for a start on another port.
      expect(existsSync(join(dataDir, 'tiltak.lock'))).toBe(false);
    });

    it('when the server refuses the password', async () => {
      const wrong = new URL(first.url);
      wrong.password = 'not-the-password';

      await expect(checkDatabaseServer(wrong.toString(), { kind: 'server', url: wrong.toString() })).rejects.toThrow(
        new StartupProblem(
          `PostgreSQL at 127.0.0.1:${first.port} refused the password of user "tiltak"; correct the user or the ` +
            `password in DATABASE_URL.`,
        ),
      );
      const passwordFile = join(firstDir(), 'postgres.password');
      await expect(
        checkDatabaseServer(wrong.toString(), { kind: 'embedded', dataDir: firstDir(), passwordFile }),
      ).rejects.toThrow(`The embedded PostgreSQL refused the password in ${passwordFile};`);
    });
  });

  describe('checking a server before using it', () => {
    const adminUrl = process.env[TEST_ENV.adminUrl] as string;
    const server = (url: string) => ({ kind: 'server', url }) as const;

    it('accepts the test server, which is new enough', async () => {
      await expect(checkDatabaseServer(adminUrl, server(adminUrl))).resolves.toBeUndefined();
    });

    it('names a database that does not exist', async () => {
      const missing = withDatabase(adminUrl, 'tiltak_no_such_database');
      const where = `${new URL(adminUrl).hostname}:${new URL(adminUrl).port || '5432'}`;

      await expect(checkDatabaseServer(missing, server(missing))).rejects.toThrow(
        new StartupProblem(
          `PostgreSQL at ${where} has no database "tiltak_no_such_database"; create it (createdb ` +
            `tiltak_no_such_database) or name an existing one in DATABASE_URL.`,
        ),
      );
    });

    it('says when no server answers', async () => {
      const port = await freeLoopbackPort();
      const nobody = `postgres://tiltak@127.0.0.1:${port}/tiltak`;

      await expect(checkDatabaseServer(nobody, server(nobody))).rejects.toThrow(
        `No PostgreSQL answers at 127.0.0.1:${port} (connection refused); start the server, or correct the host ` +
          `and port in DATABASE_URL.`,
      );
    });
  });

  it('starts PostgreSQL again when it is killed, and gives up with a sentence when it cannot', async () => {
    const warnings: string[] = [];
    const lost: string[] = [];
    const database = await startEmbeddedDatabase({
      dataDir: join(top, 'killed'),
      database: 'tiltak',
      logger: { debug: () => undefined, log: () => undefined, warn: (message) => warnings.push(message) },
      onLost: (message) => lost.push(message),
      restartDelaysMs: [200, 200],
    });
    let squatter: Server | undefined;
    try {
      await query(database.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$before the kill$$)');
      const killed = await postmasterPid(database);
      process.kill(killed, 'SIGKILL');

      const rows = await until('PostgreSQL to be back', () =>
        query<{ note: string }>(database.url, 'SELECT note FROM kept'),
      );
      expect(rows).toEqual([{ note: 'before the kill' }]);
      expect(await postmasterPid(database)).not.toBe(killed);
      expect(warnings[0]).toBe(
        'The embedded PostgreSQL stopped (killed by SIGKILL); starting it again in 200 ms (attempt 1 of 2)',
      );

      // Killed again, and its port taken meanwhile: it cannot come back.
      const again = await postmasterPid(database);
      process.kill(again, 'SIGKILL');
      squatter = await occupy(database.port);
      await until('Tiltak to give up', async () => lost[0]);

      expect(lost).toEqual([
        expect.stringMatching(
          /^The embedded PostgreSQL stopped and did not come back after 2 attempts \(it did not start again: .*Address already in use.*\); see its whole log with LOG_LEVEL=debug, put the cause right and start Tiltak again\.$/,
        ),
      ]);
      expect(processExists(again)).toBe(false);
    } finally {
      squatter?.close();
      await database.stop();
    }
  }, 90_000);
});
