import { type Client, createClient } from 'graphql-ws';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { print } from 'graphql';
import { type DatabaseNotice, LIVE_TRY_AGAIN_LATER } from '@tiltak/domain';
import { isServiceUnavailable } from './database-wait';
import { ProgrammeChangedDocument, type ProgrammeChangedSubscription } from './generated/operations';
import type { SessionStore } from './session-store';

export type LiveState = 'connecting' | 'online' | 'offline';

/** One change as the dashboard receives it. */
export type LiveChange = ProgrammeChangedSubscription['programmeChanged'];

/** A subscription that ended with an error is started again after this long, then twice as long, up to 8 s. */
const RESUBSCRIBE_FIRST_MS = 500;
const RESUBSCRIBE_MAX_MS = 8_000;

/** With `__typename` throughout, as Apollo's cache needs to file the action and its parts by id. */
const LIVE_QUERY = print(addTypenameToDocument(ProgrammeChangedDocument));

export interface LiveConnectionOptions {
  url: string;
  session: SessionStore;
  onChange(change: LiveChange): void;
  /**
   * After a reconnection, once the API has replayed what was missed: how many changes that was,
   * or null when this page never learnt its position (it joined a running shared subscription and
   * saw no change), so what it shows must be fetched again whole.
   */
  onCaughtUp?(missed: number | null): void;
  /**
   * Whether the API can reach its database: false when it closes the connection with 1013, sends a
   * `down` notice or ends the subscription with SERVICE_UNAVAILABLE; true when it accepts the
   * connection or sends an `up` notice.
   */
  onDatabase?(reachable: boolean): void;
  /** For Node (tests); browsers have WebSocket built in. */
  webSocketImpl?: unknown;
}

/**
 * The dashboard's live line to the API. It keeps trying to reconnect for as long as the page is
 * open (graphql-ws gives up after five attempts by default), and on every reconnection subscribes
 * again from the last sequence number it saw, so the API replays what was missed, in order. A
 * change at or below that number is never applied twice. A subscription the API ends with an
 * error (a catch-up it could not read while its database was away), or a change it could not
 * complete, is started again from the last change applied, after a short wait.
 */
export class LiveConnection {
  private client: Client | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastSeq: string | null = null;
  /** Changes received since subscribing again with `since`; null when not catching up. */
  private replayed: number | null = null;
  private subscribedBefore = false;
  private resubscribe: ReturnType<typeof setTimeout> | undefined;
  private resubscribeDelay = RESUBSCRIBE_FIRST_MS;
  private currentState: LiveState = 'connecting';
  private readonly listeners = new Set<(state: LiveState) => void>();

  constructor(private readonly options: LiveConnectionOptions) {}

  get state(): LiveState {
    return this.currentState;
  }

  onState(listener: (state: LiveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.client) return;
    this.client = createClient({
      url: this.options.url,
      webSocketImpl: this.options.webSocketImpl,
      lazy: false,
      connectionParams: () => {
        const token = this.options.session.accessToken;
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      // 0.5 s, 1 s, 2 s … at most 8 s between attempts, so a page is live again within about 10 s
      // of the API coming back; with jitter, so a restart is not stampeded.
      retryWait: (retries) =>
        new Promise((resolve) => setTimeout(resolve, Math.min(8_000, 500 * 2 ** retries) * (0.75 + Math.random() / 2))),
      onNonLazyError: () => undefined,
      on: {
        connected: () => {
          this.options.onDatabase?.(true);
          this.subscribe();
          this.setState('online');
        },
        closed: (event) => {
          clearTimeout(this.resubscribe);
          this.unsubscribe?.();
          this.unsubscribe = null;
          if (this.client) this.setState('offline');
          const code = (event as { code?: number } | undefined)?.code;
          if (code === LIVE_TRY_AGAIN_LATER) this.options.onDatabase?.(false);
          // 4403: the API ended this token (a change of role, or the session ended). A refresh
          // brings the new powers before the next attempt, or signs out if the session is over.
          if (code === 4403) void this.options.session.refresh();
        },
        ping: (received, payload) => {
          const notice = payload as Partial<DatabaseNotice> | undefined;
          if (received && notice?.database) this.options.onDatabase?.(notice.database === 'up');
        },
      },
    });
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    clearTimeout(this.resubscribe);
    this.unsubscribe?.();
    await client?.dispose();
  }

  /**
   * Connects again at once, instead of at the next attempt of the back-off (up to 8 s away): for
   * when the page learns by other means that the API serves again. What was missed is replayed.
   */
  async reconnectNow(): Promise<void> {
    if (!this.client || this.currentState === 'online') return;
    await this.stop();
    this.start();
  }

  private subscribe(): void {
    clearTimeout(this.resubscribe);
    this.unsubscribe?.();
    const returning = this.subscribedBefore;
    this.subscribedBefore = true;
    this.replayed = returning && this.lastSeq !== null ? 0 : null;
    if (returning && this.lastSeq === null) this.options.onCaughtUp?.(null);
    this.unsubscribe =
      this.client?.subscribe<{ programmeChanged: LiveChange }>(
        { query: LIVE_QUERY, variables: { since: this.lastSeq } },
        {
          next: ({ data, errors }) => {
            // A change the API could not complete (its database went away half-way) is not applied
            // and not counted as seen: the next subscription replays it whole.
            if (errors) return this.failed(errors);
            this.resubscribeDelay = RESUBSCRIBE_FIRST_MS;
            const change = data?.programmeChanged;
            if (change?.caughtUp) {
              // A first subscription that has seen no change yet learns where to come back from.
              if (this.lastSeq === null || BigInt(change.seq) > BigInt(this.lastSeq)) this.lastSeq = change.seq;
              if (this.replayed !== null) this.options.onCaughtUp?.(this.replayed);
              this.replayed = null;
              return;
            }
            if (!change || (this.lastSeq !== null && BigInt(change.seq) <= BigInt(this.lastSeq))) return;
            this.lastSeq = change.seq;
            if (this.replayed !== null) this.replayed += 1;
            this.options.onChange(change);
          },
          error: (error) =>
            this.failed(Array.isArray(error) ? (error as { extensions?: Record<string, unknown> }[]) : []),
          complete: () => undefined,
        },
      ) ?? null;
  }

  /** The subscription ended with an error, or delivered one: start it again from the last change applied. */
  private failed(errors: readonly { extensions?: Record<string, unknown> }[]): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (isServiceUnavailable(errors)) this.options.onDatabase?.(false);
    clearTimeout(this.resubscribe);
    const delay = this.resubscribeDelay;
    this.resubscribeDelay = Math.min(delay * 2, RESUBSCRIBE_MAX_MS);
    this.resubscribe = setTimeout(() => {
      if (this.client && this.currentState === 'online') this.subscribe();
    }, delay);
  }

  private setState(state: LiveState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.listeners.forEach((listener) => listener(state));
  }
}
