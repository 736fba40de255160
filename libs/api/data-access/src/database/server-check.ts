import pg from 'pg';
import { StartupProblem } from './startup-problem';

/** The oldest PostgreSQL whose features Tiltak's migrations and queries use. */
export const OLDEST_POSTGRESQL = 14;

const CONNECT_TIMEOUT_MS = 10_000;

/** The database Tiltak is about to use, as its operator knows it: a server, or its own embedded one. */
export type DatabaseTarget =
  { kind: 'server'; url: string } | { kind: 'embedded'; dataDir: string; passwordFile: string };

/**
 * Connects once before anything else does and checks the server's version, so that the usual ways a
 * start goes wrong (wrong password, no such database, no server, too old a server) end in one
 * sentence that says what to do instead of a driver's stack trace.
 */
export async function checkDatabaseServer(url: string, target: DatabaseTarget): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: CONNECT_TIMEOUT_MS,
    application_name: 'tiltak-start',
  });
  // A connection that breaks after the check has nothing more to tell.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [row] = (
      await client.query<{ num: string; version: string }>(
        `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`,
      )
    ).rows;
    const tooOld = versionProblem(Number(row.num), row.version, target);
    if (tooOld) throw tooOld;
  } catch (error) {
    throw databaseStartupProblem(error, target) ?? error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The major version in `server_version_num` (for example 150004 → 15). */
export function majorVersion(serverVersionNum: number): number {
  return Math.floor(serverVersionNum / 10_000);
}

export function versionProblem(serverVersionNum: number, version: string, target: DatabaseTarget) {
  if (majorVersion(serverVersionNum) >= OLDEST_POSTGRESQL) return undefined;
  return new StartupProblem(
    `${where(target)} is version ${version}, but Tiltak needs PostgreSQL ${OLDEST_POSTGRESQL} or newer; ` +
      `upgrade the server or point DATABASE_URL at a newer one.`,
  );
}

/** The sentence for an error met while connecting, or undefined when it is not a known start-up problem. */
export function databaseStartupProblem(error: unknown, target: DatabaseTarget): StartupProblem | undefined {
  if (error instanceof StartupProblem) return error;
  const code = errorCode(error);
  const { user, database, host } = parts(target);
  const place = where(target);
  if (target.kind === 'embedded' && code === '28P01') {
    return new StartupProblem(
      `The embedded PostgreSQL refused the password in ${target.passwordFile}; put back the password file that ` +
        `belongs to this data folder, or delete ${target.dataDir} to start again from the demo programme.`,
    );
  }
  switch (code ?? '') {
    case '28P01':
      return new StartupProblem(
        `${place} refused the password of user "${user}"; correct the user or the password in DATABASE_URL.`,
      );
    case '28000':
      return new StartupProblem(
        `${place} does not let user "${user}" connect to database "${database}"; correct the user in ` +
          `DATABASE_URL, or allow it in the server's pg_hba.conf.`,
      );
    case '3D000':
      return new StartupProblem(
        `${place} has no database "${database}"; create it (createdb ${database}) or name an existing one in DATABASE_URL.`,
      );
    case '53300':
      return new StartupProblem(
        `${place} has no connection slots left; stop some of its other clients or raise its max_connections.`,
      );
    case '57P03':
      return new StartupProblem(`${place} is still starting up or shutting down; start Tiltak again when it is up.`);
    case 'ECONNREFUSED':
      return new StartupProblem(
        `No PostgreSQL answers at ${host} (connection refused); start the server, or correct the host and port in DATABASE_URL.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartupProblem(
        `The database host "${new URL(connectionUrl(target)).hostname}" cannot be found; correct the host name in DATABASE_URL.`,
      );
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'TIMEOUT':
      return new StartupProblem(
        `${place} did not answer within ${CONNECT_TIMEOUT_MS / 1000} seconds; check that the server runs and ` +
          `can be reached from here, or correct the host and port in DATABASE_URL.`,
      );
    default:
      return undefined;
  }
}

/** PostgreSQL's SQLSTATE or Node's system error code; a connection attempt that timed out is `TIMEOUT`. */
function errorCode(error: unknown): string | undefined {
  // Read by shape, not class: errors made by Node itself may come from another realm (jest's vm).
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors, message } = error as { code?: unknown; errors?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  // Node tries every address a host name has, and then reports each failure.
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  if (typeof message === 'string' && /timeout/i.test(message)) return 'TIMEOUT';
  return undefined;
}

function where(target: DatabaseTarget): string {
  return target.kind === 'embedded' ? 'The embedded PostgreSQL' : `PostgreSQL at ${parts(target).host}`;
}

function connectionUrl(target: DatabaseTarget): string {
  return target.kind === 'server' ? target.url : 'postgres://tiltak@127.0.0.1/tiltak';
}

function parts(target: DatabaseTarget) {
  const url = new URL(connectionUrl(target));
  return {
    user: decodeURIComponent(url.username) || 'postgres',
    database: decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres',
    host: `${url.hostname}:${url.port || '5432'}`,
  };
}
