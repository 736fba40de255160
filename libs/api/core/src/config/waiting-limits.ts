/**
 * How long Tiltak waits and how much it holds: its database connections, its live subscribers,
 * and how often it clears out what has expired. Read with the rest of the configuration, so a bad
 * value is listed with every other problem.
 */

/** The app's own connections to PostgreSQL (the pool, the change feed's listener, migrations). */
export interface DatabasePoolConfig {
  /** The most connections one instance's pool opens. */
  poolSize: number;
  /** The longest wait for a connection: to open one, or for a free one when the pool is full. */
  connectTimeoutMs: number;
  /** PostgreSQL cancels a statement that runs longer (`statement_timeout`). */
  statementTimeoutMs: number;
  /** PostgreSQL ends a session left this long inside a transaction (`idle_in_transaction_session_timeout`). */
  idleInTransactionTimeoutMs: number;
}

/** Live subscribers over graphql-ws. */
export interface LiveConfig {
  /** A connection that takes nothing of what it is sent (nor answers a ping) for this long is closed. */
  readTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

function wholeNumbers(env: Env, problems: string[]) {
  return (name: string, fallback: number, unit: string, max = 24 * 60 * 60 * 1000): number => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (Number.isInteger(parsed) && parsed > 0 && parsed <= max) return parsed;
    problems.push(`${name} must be a whole number of ${unit} from 1 to ${max} (got "${value}")`);
    return fallback;
  };
}

export function loadDatabasePool(env: Env, problems: string[]): DatabasePoolConfig {
  const number = wholeNumbers(env, problems);
  return {
    // pg's own default. The API's transactions are short (a write is a handful of statements), so
    // ten connections serve hundreds of requests a second; several instances share the server's
    // max_connections (100 by default), and each also holds one listener and two for presence.
    poolSize: number('DATABASE_POOL_SIZE', 10, 'connections', 1_000),
    // Opening a connection takes milliseconds on a working network. Past 5 s the server is away (or
    // the pool is saturated), and the request is better answered with an error than left queueing.
    connectTimeoutMs: number('DATABASE_CONNECT_TIMEOUT_MS', 5_000, 'milliseconds'),
    // Tiltak's statements take milliseconds; the heaviest read (a page of 100 actions with all
    // their parts) well under a second. One still running at 15 s waits on a lock that will not be
    // released, or has gone wrong: the user gets an answer instead of a spinner. It also bounds how
    // long a connection that silently stopped answering can hold a request (see ConnectionWatch).
    statementTimeoutMs: number('DATABASE_STATEMENT_TIMEOUT_MS', 15_000, 'milliseconds'),
    // Inside a transaction Tiltak waits only on its own statements. A transaction idle for 10 s
    // belongs to a process that hung or lost its network, and it holds row locks that every other
    // write to the same action queues behind: PostgreSQL ends it and the locks go.
    idleInTransactionTimeoutMs: number('DATABASE_IDLE_TRANSACTION_TIMEOUT_MS', 10_000, 'milliseconds'),
  };
}

export function loadLive(env: Env, problems: string[]): LiveConfig {
  const number = wholeNumbers(env, problems);
  return {
    // A browser's network stack answers pings and takes what arrives even from a background tab,
    // so a minute without either is a client that has gone or stopped reading; until then its
    // changes wait in memory. It reconnects and catches up from the log.
    readTimeoutMs: number('LIVE_READ_TIMEOUT_MS', 60_000, 'milliseconds'),
  };
}

/** How often expired sessions and sign-in throttle counts are deleted. */
export function loadPruneInterval(env: Env, problems: string[]): number {
  // Sessions end after 12 hours at most and throttle windows after 15 minutes: deleting hourly
  // keeps both tables at about a day's sign-ins, at the cost of one small indexed delete an hour.
  return wholeNumbers(env, problems)('PRUNE_INTERVAL_MS', 60 * 60 * 1000, 'milliseconds');
}
