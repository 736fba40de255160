import { isDatabaseUnavailable, serviceUnavailable } from '@tiltak/api-core';
import type { ChangeEventRecord } from '@tiltak/domain';
import type { ChangeFeed } from './change-feed';

/** A change, or a marker: `reset` (too much was missed to replay), `caughtUp` (the replay is over). */
export type StreamItem = ChangeEventRecord | { reset: true; seq: string } | { caughtUp: true; seq: string };

/**
 * One subscriber's changes: with `since`, first what it missed (read from the log, in order), then
 * live events, with no gap and no duplicate. Live events that arrive during the catch-up wait
 * behind it; anything at or below the last sequence number sent is dropped. Closing the iterator
 * stops it at once, whether or not an event is pending. Once everything missed has been sent, a
 * `caughtUp` marker carries the position the subscriber is now at: a returning one can say what it
 * caught up on, and a new one, having seen no change yet, still knows where to come back from.
 *
 * A catch-up read that fails (the database is away) ends the stream with that error, after what
 * was already read: graphql-ws sends it as a typed error (SERVICE_UNAVAILABLE), and the client
 * subscribes again with `since` once the database is back, missing nothing.
 */
export class ChangeStream implements AsyncIterableIterator<StreamItem> {
  private readonly buffer: StreamItem[] = [];
  private waiting: { resolve(result: IteratorResult<StreamItem>): void; reject(error: unknown): void } | null = null;
  /** Why the stream ended early; given to the reader once the items before it are read. */
  private failure: { error: unknown } | null = null;
  private pending: ChangeEventRecord[] | null = [];
  private last = 0n;
  private closed = false;
  private readonly unlisten: () => void;

  constructor(
    private readonly feed: ChangeFeed,
    since: bigint | null,
    private readonly visible: (event: ChangeEventRecord) => boolean,
  ) {
    // Listen first, then read the position: every later event reaches the listener.
    this.unlisten = feed.listen((event) => (this.pending ? this.pending.push(event) : this.offer(event)));
    this.catchUp(since).catch((error: unknown) =>
      this.fail(isDatabaseUnavailable(error) ? serviceUnavailable() : error),
    );
  }

  private async catchUp(since: bigint | null): Promise<void> {
    const upTo = this.feed.position;
    this.last = since ?? upTo;
    if (since !== null && since < upTo) {
      if (since + 1n < (await this.feed.oldestKept())) this.push({ reset: true, seq: upTo.toString() });
      while (this.last < upTo && !this.closed) {
        const batch = await this.feed.eventsAfter(this.last, upTo);
        if (batch.length === 0) break;
        batch.forEach((event) => this.offer(event));
      }
    }
    const held = this.pending ?? [];
    this.pending = null;
    held.forEach((event) => this.offer(event));
    this.push({ caughtUp: true, seq: this.last.toString() });
  }

  private offer(event: ChangeEventRecord): void {
    const seq = BigInt(event.seq);
    if (seq <= this.last) return;
    this.last = seq;
    if (this.visible(event)) this.push(event);
  }

  private push(item: StreamItem): void {
    if (this.closed) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
    } else {
      this.buffer.push(item);
    }
  }

  /** Stops listening; the reader gets what is buffered, then the error. */
  private fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.unlisten();
    this.pending = null;
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting.reject(error);
    else this.failure = { error };
  }

  next(): Promise<IteratorResult<StreamItem>> {
    const item = this.buffer.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      return Promise.reject(error);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<StreamItem>> {
    this.closed = true;
    this.unlisten();
    this.buffer.length = 0;
    this.failure = null;
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StreamItem> {
    return this;
  }
}
