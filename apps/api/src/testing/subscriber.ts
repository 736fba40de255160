import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface ReceivedChange {
  seq: string;
  reset: boolean;
  caughtUp: boolean;
  entity: string | null;
  entityId: string | null;
  actionId: string | null;
  actor: string | null;
  action: {
    id: string;
    progress: number;
    version: number;
    milestones?: { id: string; completedOn: string | null }[];
  } | null;
}

const SUBSCRIPTION = `subscription($since: String) {
  programmeChanged(since: $since) { seq reset caughtUp entity entityId actionId actor action { id progress version } }
}`;

/** A real graphql-ws subscriber of `programmeChanged`, collecting what it receives. */
export class Subscriber {
  readonly received: ReceivedChange[] = [];
  /** The `caughtUp` markers, kept apart from the changes. */
  readonly markers: ReceivedChange[] = [];
  readonly errors: unknown[] = [];
  private readonly client: Client;
  private stop?: () => void;
  private closeCode?: number;
  /** The API accepted the connection (and registered it under its user and session). */
  connected = false;
  private waiters: (() => void)[] = [];

  /** `query` may ask for more of each change; it must select at least what `ReceivedChange` names. */
  constructor(apiUrl: string, token: string | null, since?: string, query = SUBSCRIPTION) {
    this.client = createClient({
      url: `${apiUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      // Refusals are the point of some tests; the close code is recorded below instead.
      onNonLazyError: () => undefined,
      on: {
        connected: () => (this.connected = true),
        closed: (event) => (this.closeCode = (event as { code?: number }).code),
      },
    });
    this.stop = this.client.subscribe<{ programmeChanged: ReceivedChange }>(
      { query, variables: { since: since ?? null } },
      {
        next: ({ data }) => {
          if (data) (data.programmeChanged.caughtUp ? this.markers : this.received).push(data.programmeChanged);
          this.waiters.forEach((wake) => wake());
        },
        error: (error) => {
          this.errors.push(error);
          this.waiters.forEach((wake) => wake());
        },
        complete: () => undefined,
      },
    );
  }

  /** Waits until `predicate` holds for what was received, or fails after `timeoutMs`. */
  until(predicate: (received: ReceivedChange[]) => boolean, timeoutMs = 5_000): Promise<void> {
    return this.waitFor(
      () => predicate(this.received),
      timeoutMs,
      () => `received ${JSON.stringify(this.received.map((r) => r.seq))}`,
    );
  }

  /** Waits for the API's first `caughtUp` marker: from then on, every change reaches this subscriber. */
  ready(timeoutMs = 5_000): Promise<void> {
    return this.waitFor(
      () => this.markers.length > 0,
      timeoutMs,
      () => 'no caughtUp marker came',
    );
  }

  private async waitFor(done: () => boolean, timeoutMs: number, failure: () => string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out; ${failure()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  get closedWith(): number | undefined {
    return this.closeCode;
  }

  async close(): Promise<void> {
    this.stop?.();
    await this.client.dispose();
  }
}
