import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  CHANGE_CHANNEL,
  DatabaseConnections,
  SESSIONS_ENDED_CHANNEL,
  type SessionsEnded,
} from '@tiltak/api-data-access';
import type { ChangeEventRecord } from '@tiltak/domain';
import type pg from 'pg';
import { DataSource } from 'typeorm';

const BATCH = 500;
/**
 * A wake-up that never came (a dropped notification) is caught by this slow check. It is also the
 * listener's heartbeat: a read at least this often, each of which must be answered in time.
 */
const SAFETY_POLL_MS = 5_000;
/**
 * The listener's reads are small and indexed. One unanswered for this long means the connection
 * has gone silent (no FIN, no RST: packets just stopped), which TCP would take many minutes to
 * report: it is closed and replaced, within SAFETY_POLL_MS + LISTENER_REPLY_MS of going silent.
 */
const LISTENER_REPLY_MS = 5_000;
const RECONNECT_MAX_MS = 5_000;

type Listener = (event: ChangeEventRecord) => void;
type SessionsListener = (ended: SessionsEnded) => void;
type ConnectionListener = (connected: boolean) => void;

interface ChangeEventRow {
  seq: string;
  programme_id: string;
  occurred_at: Date;
  actor_name: string;
  actor_user_id: string | null;
  entity: string;
  entity_id: string;
  operation: ChangeEventRecord['operation'];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function toRecord(row: ChangeEventRow): ChangeEventRecord {
  return {
    seq: row.seq,
    programmeId: row.programme_id,
    occurredAt: row.occurred_at.toISOString(),
    actorName: row.actor_name,
    actorUserId: row.actor_user_id,
    entity: row.entity,
    entityId: row.entity_id,
    operation: row.operation,
    before: row.before,
    after: row.after,
  };
}

/**
 * This instance's view of the change log. One dedicated connection LISTENs for commits; on every
 * notification (and on a slow timer, in case one was lost) it reads the new rows in sequence order
 * and hands each to the listeners, exactly once. After the database restarts, or the connection
 * goes silent (TCP keepalive, and a deadline on every read), it reconnects by itself and catches
 * up from the last sequence number it delivered. The same connection hears of sessions that ended
 * on any instance, so that their live connections close everywhere.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ChangeFeed');
  private readonly listeners = new Set<Listener>();
  private readonly sessionsListeners = new Set<SessionsListener>();
  private readonly connectionListeners = new Set<ConnectionListener>();
  private client: pg.Client | null = null;
  private lastSeq = 0n;
  /**
   * Whether the starting point has been read. Its own flag, not `lastSeq === 0n`: on an empty log
   * the position stays 0 until the first event, and a reconnection that took 0 for "not started"
   * would start again from the newest event and skip those committed while it was away.
   */
  private started = false;
  private reading: Promise<void> = Promise.resolve();
  private poll?: NodeJS.Timeout;
  private reconnect?: NodeJS.Timeout;
  /** A connection being made: shutdown waits for it, so that one made just then is closed too. */
  private connecting: Promise<void> = Promise.resolve();
  private stopped = false;
  private reconnectDelay = 250;

  constructor(
    private readonly connections: DatabaseConnections,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
    this.poll = setInterval(() => this.wake(), SAFETY_POLL_MS);
    this.poll.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.reconnect);
    await this.connecting;
    await this.client?.end().catch(() => undefined);
  }

  /** The newest sequence number this instance has delivered. */
  get position(): bigint {
    return this.lastSeq;
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears of every session that ends, or every user whose sessions end, on any instance. */
  onSessionsEnded(listener: SessionsListener): () => void {
    this.sessionsListeners.add(listener);
    return () => this.sessionsListeners.delete(listener);
  }

  /** Hears when the listening connection is lost (false) and when it is back (true). */
  onConnection(listener: ConnectionListener): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** Events after `since` up to `until`, oldest first, read straight from the log (for catch-up). */
  async eventsAfter(since: bigint, until: bigint, limit = BATCH): Promise<ChangeEventRecord[]> {
    const rows: ChangeEventRow[] = await this.dataSource.query(
      'SELECT * FROM change_event WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3',
      [since.toString(), until.toString(), limit],
    );
    return rows.map(toRecord);
  }

  /** The oldest sequence number still in the log; a client that saw less than this must refetch. */
  async oldestKept(): Promise<bigint> {
    const [row]: { seq: string | null }[] = await this.dataSource.query('SELECT min(seq) AS seq FROM change_event');
    return BigInt(row.seq ?? 0);
  }

  private connect(): Promise<void> {
    this.reconnect = undefined;
    this.connecting = this.stopped ? Promise.resolve() : this.makeConnection();
    return this.connecting;
  }

  private async makeConnection(): Promise<void> {
    const client = this.connections.client('tiltak-change-feed', LISTENER_REPLY_MS);
    client.on('notification', (message) =>
      message.channel === SESSIONS_ENDED_CHANNEL ? this.sessionsEnded(message.payload) : this.wake(),
    );
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      await client.query(`LISTEN ${SESSIONS_ENDED_CHANNEL}`);
      if (!this.started) {
        const { rows } = await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM change_event');
        this.lastSeq = BigInt(rows[0].seq ?? 0);
        this.started = true;
      }
      this.client = client;
      this.reconnectDelay = 250;
      this.wake();
      this.connectionListeners.forEach((listener) => listener(true));
    } catch (error) {
      await client.end().catch(() => undefined);
      this.lost(client, error);
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    // A failing connection reports both `error` and `end`: one reconnection is enough.
    if (this.stopped || this.reconnect || (this.client !== client && this.client !== null)) return;
    this.client = null;
    this.logger.warn(`Lost the database connection (${String(error)}); reconnecting`);
    this.connectionListeners.forEach((listener) => listener(false));
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    // connect() handles its own failures; this only reports a fault in that handling.
    this.reconnect = setTimeout(() => {
      this.connect().catch((failure: unknown) => this.logger.error(`Could not reconnect: ${String(failure)}`));
    }, delay);
    this.reconnect.unref();
  }

  private sessionsEnded(payload: string | undefined): void {
    try {
      const ended = JSON.parse(payload ?? '') as SessionsEnded;
      for (const listener of this.sessionsListeners) listener(ended);
    } catch (error) {
      this.logger.warn(`Could not read an ended session: ${String(error)}`);
    }
  }

  /** Reads what is new; reads are queued so that each row is delivered once, in order. */
  private wake(): void {
    this.reading = this.reading
      .then(() => this.readNew())
      .catch((error: unknown) => {
        this.logger.warn(`Could not read new changes: ${String(error)}`);
      });
  }

  private async readNew(): Promise<void> {
    const client = this.client;
    if (!client) return;
    for (;;) {
      const { rows } = await client.query<ChangeEventRow>(
        'SELECT * FROM change_event WHERE seq > $1 ORDER BY seq LIMIT $2',
        [this.lastSeq.toString(), BATCH],
      );
      for (const row of rows) {
        this.lastSeq = BigInt(row.seq);
        const event = toRecord(row);
        for (const listener of this.listeners) listener(event);
      }
      if (rows.length < BATCH) return;
    }
  }
}
