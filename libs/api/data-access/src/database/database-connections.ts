import pg from 'pg';
import { ConnectionWatch } from './connection-watch';

/** How Tiltak's connections wait, and how many the pool opens (from the configuration). */
export interface ConnectionSettings {
  poolSize: number;
  /** To open a connection, or to get a free one from a full pool. */
  connectTimeoutMs: number;
  /** PostgreSQL's `statement_timeout`; 0 leaves the server's own (none, unless an operator set one). */
  statementTimeoutMs: number;
  /** PostgreSQL's `idle_in_transaction_session_timeout`. */
  idleInTransactionTimeoutMs: number;
}

/**
 * How long an idle connection stays quiet before TCP keepalive starts probing (Node then probes
 * every second, ten times): a server that went away is noticed within about 20 s even when
 * nothing is being asked of it.
 */
const KEEPALIVE_IDLE_MS = 10_000;

/**
 * How this instance connects to its database: the settings every connection shares, set on the
 * server when the connection opens, and one watch over them all (see ConnectionWatch). The pool
 * and the parts that hold a connection of their own (the change feed, presence) open theirs here.
 */
export class DatabaseConnections {
  readonly watch = new ConnectionWatch();

  constructor(
    readonly url: string,
    readonly settings: ConnectionSettings,
  ) {}

  /**
   * How long a pooled connection may keep a statement unanswered: PostgreSQL cancels the statement
   * at `statement_timeout` and says so at once, so a reply that has not come by then and the time
   * it takes to open a connection will not come. Without a statement timeout there is no telling a
   * long statement from a lost server.
   */
  get replyDeadlineMs(): number | null {
    const { statementTimeoutMs, connectTimeoutMs } = this.settings;
    return statementTimeoutMs > 0 ? statementTimeoutMs + connectTimeoutMs : null;
  }

  /** The options of the pg pool behind TypeORM (its `extra`), or of any other pool. */
  poolOptions(max = this.settings.poolSize): pg.PoolConfig {
    return { ...this.clientOptions(), max, Client: this.watch.clientClass(this.replyDeadlineMs) };
  }

  /**
   * A connection of its own, for a part that holds one open. `replyDeadlineMs` is its own: a
   * listener asks only small questions and should hear back quickly.
   */
  client(applicationName: string, replyDeadlineMs: number | null): pg.Client {
    const Client = this.watch.clientClass(replyDeadlineMs);
    return new Client({ connectionString: this.url, ...this.clientOptions(), application_name: applicationName });
  }

  private clientOptions(): pg.ClientConfig {
    const { connectTimeoutMs, statementTimeoutMs, idleInTransactionTimeoutMs } = this.settings;
    return {
      connectionTimeoutMillis: connectTimeoutMs,
      statement_timeout: statementTimeoutMs || undefined,
      idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS,
    };
  }
}
