import { createServer, type Server } from 'node:net';
import { type DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, SilencingProxy, type TestDatabase } from '../testing';
import { DatabaseTimeoutError } from './connection-watch';
import { createDataSource } from './data-source';
import { type ConnectionSettings, DatabaseConnections } from './database-connections';

const SETTINGS: ConnectionSettings = {
  poolSize: 3,
  connectTimeoutMs: 1_000,
  statementTimeoutMs: 400,
  idleInTransactionTimeoutMs: 1_500,
};

/** The app's pool, as DatabaseModule makes it, on `url`. */
async function appPool(url: string): Promise<DataSource> {
  const dataSource = createDataSource(url, new DatabaseConnections(url, SETTINGS));
  await dataSource.initialize();
  return dataSource;
}

/** The error a failed statement carries beneath TypeORM's. */
async function failureOf(statement: Promise<unknown>): Promise<{ error: Error & { code?: string }; ms: number }> {
  const started = Date.now();
  const error = await statement.then(
    () => new Error('the statement succeeded'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(QueryFailedError);
  return { error: (error as QueryFailedError).driverError as Error & { code?: string }, ms: Date.now() - started };
}

describe('the database connections', () => {
  let db: TestDatabase;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await db?.drop();
  });

  it('opens at most the pool size, each connection with the statement and idle-in-transaction timeouts', async () => {
    const pool = await appPool(db.url);
    cleanups.push(() => pool.destroy());

    const sessions: { pid: number; statement: string; idle: string }[] = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const [row] = await pool.query(
          `SELECT pg_backend_pid() AS pid, current_setting('statement_timeout') AS statement,
                  current_setting('idle_in_transaction_session_timeout') AS idle, pg_sleep(0.1)`,
        );
        return row;
      }),
    );

    expect(new Set(sessions.map((s) => s.pid)).size).toBe(SETTINGS.poolSize);
    expect(new Set(sessions.map((s) => `${s.statement} ${s.idle}`))).toEqual(new Set(['400ms 1500ms']));
    const [shown] = await pool.query('SHOW statement_timeout');
    expect(shown).toEqual({ statement_timeout: '400ms' });
  });

  it('cancels a statement over the limit with a typed error, and the connection serves on', async () => {
    const pool = await appPool(db.url);
    cleanups.push(() => pool.destroy());

    const { error, ms } = await failureOf(pool.query('SELECT pg_sleep(5)'));

    expect(error.code).toBe('57014'); // query_canceled: statement timeout
    expect(ms).toBeLessThan(3_000);
    await expect(pool.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('gives up on connections that stopped answering, and the next statement gets a fresh one', async () => {
    const proxy = await SilencingProxy.start(db.url);
    const pool = await appPool(proxy.url);
    cleanups.push(async () => {
      await proxy.close();
      await pool.destroy();
    });
    // Two connections open and back in the pool.
    await Promise.all([pool.query('SELECT pg_sleep(0.05)'), pool.query('SELECT pg_sleep(0.05)')]);

    expect(proxy.silence()).toBe(2);
    const { error, ms } = await failureOf(pool.query('SELECT 1'));

    expect(error).toBeInstanceOf(DatabaseTimeoutError);
    expect(error.code).toBe('ETIMEDOUT');
    // The deadline is the statement timeout plus the connect timeout.
    expect(ms).toBeGreaterThanOrEqual(1_300);
    expect(ms).toBeLessThan(4_000);
    // The other silent connection was closed with it: the next statement does not wait again.
    const started = Date.now();
    await expect(pool.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('gives up opening a connection to a server that does not answer', async () => {
    // Takes connections and reads what comes, but never says a word.
    const mute: Server = createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => mute.close(() => resolve())));
    const url = new URL(db.url);
    url.hostname = '127.0.0.1';
    url.port = String((mute.address() as { port: number }).port);

    const started = Date.now();
    await expect(appPool(url.toString())).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
