import { Logger } from '@nestjs/common';
import type { ChangeEventRecord } from '@tiltak/domain';
import type { ChangeFeed } from './change-feed';

/** A change, or a marker: `reset` (too much was missed to replay), `caughtUp` (the replay is over). */
export type StreamItem = ChangeEventRecord | { reset: true; seq: string } | { caughtUp: true; seq: string };

/**
 * The most items one stream holds for its reader. Past it, live events are not kept: they are in
 * the log, and the stream reads them from there once the reader has taken what waits.
 */
export const STREAM_BUFFER_LIMIT = 1_000;
/** A read of the log that failed is tried again after this, doubling up to RETRY_MAX_MS. */
const RETRY_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * One subscriber's changes: with `since`, first what it missed (read from the log, in order), then
 * live events, with no gap and no duplicate. Once everything missed has been sent, a `caughtUp`
 * marker carries the position the subscriber is now at: a returning one can say what it caught up
 * on, and a new one, having seen no change yet, still knows where to come back from.
 *
 * What it holds is bounded. The log is read one batch at a time, as the reader takes what came
 * before; a reader that falls more than STREAM_BUFFER_LIMIT items behind stops being handed live
 * events and reads them from the log instead, when it gets there. Live events that arrive while it
 * reads the log are left to the log too; it goes live again once it has read up to the feed's
 * position. Closing the iterator stops it at once, whether or not an event is pending.
 */
export class ChangeStream implements AsyncIterableIterator<StreamItem> {
  private static readonly logger = new Logger('ChangeStream');
  private readonly buffer: StreamItem[] = [];
  private waiting: ((result: IteratorResult<StreamItem>) => void) | null = null;
  /** The newest sequence number taken in: every event up to it was sent, skipped as not visible, or waits. */
  private last: bigint;
  /** The position a returning subscriber gave, until it is checked against the oldest event kept. */
  private since: bigint | null;
  /** Reading from the log rather than taking live events. */
  private replaying = true;
  private reading = false;
  private caughtUpSent = false;
  private retryDelay = RETRY_MS;
  private retry?: NodeJS.Timeout;
  private closed = false;
  private readonly unlisten: () => void;

  constructor(
    private readonly feed: ChangeFeed,
    since: bigint | null,
    private readonly visible: (event: ChangeEventRecord) => boolean,
  ) {
    // Listen first, then read the position: every later event reaches the listener.
    this.unlisten = feed.listen((event) => this.live(event));
    this.since = since;
    this.last = since ?? feed.position;
    this.readLog();
  }

  /** The items waiting for the reader; never much more than STREAM_BUFFER_LIMIT. */
  get backlog(): number {
    return this.buffer.length;
  }

  next(): Promise<IteratorResult<StreamItem>> {
    const item = this.buffer.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    const result = new Promise<IteratorResult<StreamItem>>((resolve) => (this.waiting = resolve));
    this.readLog();
    return result;
  }

  return(): Promise<IteratorResult<StreamItem>> {
    this.closed = true;
    this.unlisten();
    clearTimeout(this.retry);
    this.buffer.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StreamItem> {
    return this;
  }

  private live(event: ChangeEventRecord): void {
    if (this.replaying || this.closed) return;
    if (this.buffer.length >= STREAM_BUFFER_LIMIT) {
      // Not taken in: `last` stays where it is, and the log is read from there.
      this.replaying = true;
      return;
    }
    this.take(event);
  }

  private take(event: ChangeEventRecord): void {
    const seq = BigInt(event.seq);
    if (seq <= this.last) return;
    this.last = seq;
    if (this.visible(event)) this.push(event);
  }

  private push(item: StreamItem): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
    } else {
      this.buffer.push(item);
    }
  }

  /** Reads the next batch of the log, if replaying, nothing is waiting and no read is under way. */
  private readLog(): void {
    if (!this.replaying || this.reading || this.closed || this.buffer.length > 0 || this.retry) return;
    this.reading = true;
    this.readBatch().then(
      () => {
        this.reading = false;
        this.retryDelay = RETRY_MS;
        // A read that found only changes this subscriber may not see has sent nothing yet.
        if (this.waiting) this.readLog();
      },
      (error: unknown) => {
        this.reading = false;
        ChangeStream.logger.warn(`Could not read missed changes, trying again: ${String(error)}`);
        this.retry = setTimeout(() => {
          this.retry = undefined;
          this.readLog();
        }, this.retryDelay);
        this.retry.unref();
        this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
      },
    );
  }

  private async readBatch(): Promise<void> {
    if (this.since !== null) {
      if (this.since + 1n < (await this.feed.oldestKept())) {
        this.push({ reset: true, seq: this.feed.position.toString() });
      }
      this.since = null;
    }
    const upTo = this.feed.position;
    if (this.last < upTo) {
      const batch = await this.feed.eventsAfter(this.last, upTo);
      if (this.closed) return;
      // Nothing left up to the position the feed had delivered: the rest of that range was never committed.
      if (batch.length === 0) this.last = upTo;
      batch.forEach((event) => this.take(event));
    }
    // Checked and switched in one step: an event the feed hands out after this is taken live.
    if (this.last >= this.feed.position) this.goLive();
  }

  private goLive(): void {
    this.replaying = false;
    if (this.caughtUpSent) return;
    this.caughtUpSent = true;
    this.push({ caughtUp: true, seq: this.last.toString() });
  }
}
