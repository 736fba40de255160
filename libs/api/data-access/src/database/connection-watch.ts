import pg from 'pg';

/** The database did not answer a statement in time, so its connection was closed. */
export class DatabaseTimeoutError extends Error {
  /** As Node names a network operation that timed out, for code that sorts errors by `code`. */
  readonly code = 'ETIMEDOUT';

  constructor(waitedMs: number) {
    super(`The database did not answer within ${waitedMs} ms; its connection was closed`);
    this.name = 'DatabaseTimeoutError';
  }
}

/** How long a polite goodbye may take before the connection is simply closed. */
const END_WAIT_MS = 2_000;

type Callback = (...results: unknown[]) => void;
type AnyQuery = (...args: unknown[]) => unknown;
type AnyEnd = (callback?: Callback) => unknown;

/** A client of the watch: whether it is open, how many statements it is waiting for, and how to give it up. */
interface Watched {
  open: boolean;
  waitingFor: number;
  abandon(error: Error): void;
}

/**
 * Watches this instance's connections to PostgreSQL for a server that has stopped answering
 * without closing anything: a dropped NAT or firewall entry, a server failed over to another
 * machine. TCP then retransmits for a quarter of an hour before it gives up, and PostgreSQL sends
 * nothing while a statement runs, so a cut-off connection looks like a slow statement. A client
 * made here gives every statement a reply deadline; at the deadline it closes its connection, the
 * statement fails with `DatabaseTimeoutError`, and the pool opens a fresh connection for the next
 * request. The other connections went the same way to the same server, so those not waiting on a
 * statement are closed as well, rather than each costing a request the same wait.
 *
 * TCP keepalive, which every connection also has, finds a dead peer on an idle connection; the
 * deadline covers the case keepalive cannot see, a peer whose TCP still answers.
 */
export class ConnectionWatch {
  private readonly clients = new Set<Watched>();
  private readonly classes = new Map<number | null, typeof pg.Client>();

  /**
   * A pg client class (for a pool's `Client` option, or to construct) whose statements must be
   * answered within `replyDeadlineMs`; null for no deadline (migrations, which may run for long).
   */
  clientClass(replyDeadlineMs: number | null): typeof pg.Client {
    const made = this.classes.get(replyDeadlineMs) ?? this.watchedClient(replyDeadlineMs);
    this.classes.set(replyDeadlineMs, made);
    return made;
  }

  /** Closes every open connection that is not waiting on a statement; they are opened again when needed. */
  private closeIdle(reason: Error): void {
    for (const client of this.clients) if (client.open && client.waitingFor === 0) client.abandon(reason);
  }

  private silent(client: Watched, waitedMs: number): void {
    const error = new DatabaseTimeoutError(waitedMs);
    client.abandon(error);
    this.closeIdle(error);
  }

  private watchedClient(replyDeadlineMs: number | null): typeof pg.Client {
    const clients = this.clients;
    const silent = (client: Watched) => this.silent(client, replyDeadlineMs ?? 0);
    return class WatchedClient extends pg.Client implements Watched {
      /** Connected; one still connecting may well be on a path that works, and has its own timeout. */
      open = false;
      waitingFor = 0;

      constructor(config?: string | pg.ClientConfig) {
        super(config);
        const query = this.query.bind(this) as AnyQuery;
        this.query = ((...args: unknown[]) => this.watched(query, args)) as typeof this.query;
        const end = this.end.bind(this) as AnyEnd;
        this.end = ((callback?: Callback) => this.endWithin(end, callback)) as typeof this.end;
        clients.add(this);
        this.once('connect', () => (this.open = true));
        this.once('end', () => clients.delete(this));
      }

      abandon(error: Error): void {
        this.connection.stream.destroy(error);
      }

      /** Runs a query of any of pg's forms (promise, callback, submittable), counting it until it settles. */
      private watched(query: AnyQuery, args: unknown[]): unknown {
        this.waitingFor += 1;
        const deadline = replyDeadlineMs === null ? undefined : setTimeout(() => silent(this), replyDeadlineMs);
        let settled = false;
        const done = () => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          this.waitingFor -= 1;
        };
        const last = args.length - 1;
        const callback = args[last];
        if (typeof callback === 'function') {
          args[last] = (...results: unknown[]) => {
            done();
            (callback as Callback)(...results);
          };
        }
        let result: unknown;
        try {
          result = query(...args);
        } catch (error) {
          done();
          throw error;
        }
        if (typeof callback === 'function') return result;
        if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
          (result as PromiseLike<unknown>).then(done, done);
        } else if (typeof (result as pg.Query | undefined)?.once === 'function') {
          (result as pg.Query).once('end', done).once('error', done);
        } else {
          done();
        }
        return result;
      }

      /**
       * pg ends a connection politely, and waits for the server to close its side: over a connection
       * that lost its server that wait never ends, and neither would a shutdown.
       */
      private endWithin(end: AnyEnd, callback?: Callback): unknown {
        const timer = setTimeout(() => this.connection.stream.destroy(), END_WAIT_MS);
        timer.unref();
        this.once('end', () => clearTimeout(timer));
        return end(callback);
      }
    };
  }
}
