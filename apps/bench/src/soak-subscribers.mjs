// The soak's subscribers, in a process of their own so that receipt times are not delayed by the
// writers. Each follows the dashboard's live connection (libs/dashboard/data-access/src/live-connection.ts):
// it reconnects for ever and, once connected or after the API ended its subscription with an error,
// subscribes again from the last sequence number it saw. After a disconnect it tries the other
// instance first. It records every receipt as the API sent it, before any de-duplication, so a
// duplicate or a gap in what the API sent is counted.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { phaseOf, summarise } from './soak-stats.mjs';
import { setTimeout as sleep } from 'node:timers/promises';

// The dashboard's document without `action { … }`: each subscriber that reconnected has its own `since`,
// so its own execution, and would read the action for every change (see docs/benchmarks.md).
const SUBSCRIPTION = `subscription SoakChanges($since: String) {
  programmeChanged(since: $since) { seq reset caughtUp entity entityId actionId operation occurredAt }
}`;

/** After an error, the dashboard subscribes again after 0.5 s, then twice as long each time, up to 8 s. */
const RESUBSCRIBE_FIRST_MS = 500;
const RESUBSCRIBE_MAX_MS = 8_000;
let tokens = {};
const subscribers = [];
/** Every receipt's commit time and delay, in milliseconds, for the latency figures. */
const committedAt = [];
const delays = [];

class SoakSubscriber {
  constructor(index, role, home, urls) {
    this.index = index;
    this.role = role;
    this.home = home;
    this.next = home;
    this.startSeq = null;
    this.lastSeq = null;
    this.receipts = new Map();
    this.highest = 0;
    this.outOfOrder = 0;
    this.resets = 0;
    this.errors = [];
    this.errorCount = 0;
    this.resubscribe = undefined;
    this.resubscribeDelay = RESUBSCRIBE_FIRST_MS;
    this.online = false;
    this.connections = 0;
    this.closeCodes = {};
    this.gaveUp = null;
    this.unsubscribe = null;
    this.client = createClient({
      url: () => urls[this.next],
      webSocketImpl: WebSocket,
      lazy: false,
      connectionParams: () => ({ authorization: `Bearer ${tokens[role]}` }),
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      // The dashboard's waits: 0.5 s, 1 s, 2 s … at most 8 s, with jitter.
      retryWait: (retries) =>
        new Promise((resolve) => setTimeout(resolve, Math.min(8_000, 500 * 2 ** retries) * (0.75 + Math.random() / 2))),
      // graphql-ws stops for good on some close codes (4500 among them), as the dashboard's would.
      onNonLazyError: (error) => (this.gaveUp = String(error?.code ?? error)),
      on: {
        connected: () => {
          this.connections++;
          this.online = true;
          this.subscribe();
        },
        closed: (event) => {
          // Why an open connection ended (1006: dropped, for example by the API's keep-alive or a kill).
          if (this.online) this.closeCodes[event?.code] = (this.closeCodes[event?.code] ?? 0) + 1;
          this.online = false;
          clearTimeout(this.resubscribe);
          this.unsubscribe?.();
          this.unsubscribe = null;
          this.next = 1 - this.next;
        },
      },
    });
  }

  subscribe() {
    clearTimeout(this.resubscribe);
    this.unsubscribe?.();
    this.unsubscribe = this.client.subscribe(
      { query: SUBSCRIPTION, variables: { since: this.lastSeq === null ? null : String(this.lastSeq) } },
      {
        next: ({ data, errors }) => {
          if (errors) return this.failed(errors.map((e) => e.message).join('; '));
          this.resubscribeDelay = RESUBSCRIBE_FIRST_MS;
          const change = data?.programmeChanged;
          if (change) this.receive(change);
        },
        error: (error) => this.failed(Array.isArray(error) ? error.map((e) => e.message).join('; ') : String(error)),
        complete: () => undefined,
      },
    );
  }

  /**
   * The API ended the subscription with an error (a catch-up it could not read while its database
   * was away), or sent a change it could not complete: as the dashboard does, that change is not
   * taken, and the subscription starts again from the last change taken, after a short wait.
   */
  failed(message) {
    this.errorCount++;
    if (this.errors.length < 3) this.errors.push(message);
    this.unsubscribe?.();
    this.unsubscribe = null;
    clearTimeout(this.resubscribe);
    const delay = this.resubscribeDelay;
    this.resubscribeDelay = Math.min(delay * 2, RESUBSCRIBE_MAX_MS);
    this.resubscribe = setTimeout(() => this.online && this.subscribe(), delay);
  }

  receive(change) {
    const seq = Number(change.seq);
    if (change.caughtUp) {
      if (this.lastSeq === null || seq > this.lastSeq) this.lastSeq = seq;
      return;
    }
    if (change.reset) {
      this.resets++;
      return;
    }
    const now = Date.now();
    const count = this.receipts.get(seq) ?? 0;
    this.receipts.set(seq, count + 1);
    if (count === 0 && seq < this.highest) this.outOfOrder++;
    this.highest = Math.max(this.highest, seq);
    const at = Date.parse(change.occurredAt);
    committedAt.push(at);
    delays.push(now - at);
    if (this.lastSeq === null || seq > this.lastSeq) this.lastSeq = seq;
  }

  begin() {
    this.startSeq = this.lastSeq;
    this.receipts.clear();
    this.highest = 0;
    this.outOfOrder = 0;
    this.resets = 0;
    this.errors = [];
    this.errorCount = 0;
  }

  /** Lost, duplicated and unexpected receipts against the events this subscriber may see. */
  tally(events) {
    const may = (event) => event.seq > this.startSeq && (event.entity !== 'user' || this.role === 'admin');
    const expected = events.filter(may);
    const expectedSeqs = new Set(expected.map((event) => event.seq));
    let lost = 0;
    let duplicated = 0;
    let unexpected = 0;
    for (const event of expected) if (!this.receipts.has(event.seq)) lost++;
    for (const [seq, count] of this.receipts) {
      duplicated += count - 1;
      if (!expectedSeqs.has(seq)) unexpected++;
    }
    return {
      index: this.index,
      role: this.role,
      home: this.home,
      expected: expected.length,
      lost,
      firstLost: expected.find((event) => !this.receipts.has(event.seq))?.seq ?? null,
      duplicated,
      unexpected,
      outOfOrder: this.outOfOrder,
      resets: this.resets,
      connections: this.connections,
      closeCodes: this.closeCodes,
      errors: this.errors,
      errorCount: this.errorCount,
      gaveUp: this.gaveUp,
    };
  }
}

process.on('message', async (message) => {
  switch (message.type) {
    case 'start': {
      tokens = message.tokens;
      for (const [index, { role, home }] of message.subscribers.entries()) {
        subscribers.push(new SoakSubscriber(index, role, home, message.urls));
      }
      while (subscribers.some((subscriber) => subscriber.connections === 0)) await sleep(50);
      process.send({ type: 'connected' });
      break;
    }
    case 'begin':
      // Every subscriber has seen the newest change: from here on, each must receive all it may see.
      committedAt.length = 0;
      delays.length = 0;
      subscribers.forEach((subscriber) => subscriber.begin());
      process.send({ type: 'begun' });
      break;
    case 'tokens':
      tokens = message.tokens;
      break;
    case 'behind': {
      // How many subscribers have not yet reached the newest event they may see.
      const behind = subscribers.filter(
        (s) => (s.lastSeq ?? 0) < message.newest[s.role === 'admin' ? 'all' : 'programme'],
      );
      process.send({ type: 'behind', count: behind.length });
      break;
    }
    case 'report': {
      const events = message.events.map(([seq, entity]) => ({ seq, entity }));
      const phases = { before: [], during: [], after: [] };
      committedAt.forEach((at, i) => phases[phaseOf(at, message.marks)].push(delays[i]));
      process.send({
        type: 'report',
        subscribers: subscribers.map((subscriber) => subscriber.tally(events)),
        latency: Object.fromEntries(Object.entries(phases).map(([phase, values]) => [phase, summarise(values)])),
      });
      break;
    }
    case 'close':
      await Promise.all(subscribers.map((subscriber) => subscriber.client.dispose()));
      process.exit(0);
  }
});
console.log('subscribers ready');
