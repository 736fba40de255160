import { type ExecutionArgs, type ExecutionResult, print, subscribe as executeSubscription } from 'graphql';
import type { AuthenticatedRequest } from '../auth/viewer';

type Results = AsyncGenerator<ExecutionResult> | AsyncIterableIterator<ExecutionResult>;

/**
 * How many results a shared execution keeps for subscribers who join it late. Within them a late
 * joiner sees exactly what a first one saw (the replay of what was missed and the position marker);
 * past them the execution takes no one new, and the next asker starts an execution of their own.
 */
const REPLAYABLE_RESULTS = 256;

/** How a shared execution ended: done, or failed with an error that each subscriber gets. */
type Ending = { error: unknown } | { error?: undefined };

/**
 * Results one subscriber may have waiting to be sent. One further behind is reading too slowly
 * to keep up: rather than hold more for it, its connection is closed (`fellBehind` in the
 * operation's context), and it catches up from the log when it comes back.
 */
export const SUBSCRIBER_BACKLOG_LIMIT = 1_000;

/** One execution of a subscription, whose results go to every subscriber that asked the same thing. */
class SharedExecution {
  private readonly members = new Set<Member>();
  private source: Results | null = null;
  private ending: Ending | null = null;
  /** Everything sent so far, while late joiners may still come; null once the execution is closed to them. */
  private history: ExecutionResult[] | null = [];
  /** The subscription's start: null once it runs, or the plain result (an error) when it could not start. */
  started: Promise<ExecutionResult | null> = Promise.resolve(null);

  constructor(
    private readonly key: string,
    private readonly registry: Map<string, SharedExecution>,
    private readonly report: (error: unknown) => void,
  ) {}

  /** Starts the one execution; call once the execution is in the registry. */
  start(args: ExecutionArgs): void {
    this.started = this.run(args);
  }

  private async run(args: ExecutionArgs): Promise<ExecutionResult | null> {
    try {
      const result = await executeSubscription(args);
      if (!(Symbol.asyncIterator in result)) {
        this.registry.delete(this.key);
        return result;
      }
      this.source = result;
      // pump() settles every member itself; a fault in that is all that could reach here.
      this.pump(result).catch(this.report);
      return null;
    } catch (error) {
      this.registry.delete(this.key);
      throw error;
    }
  }

  join(fellBehind: () => void): Member {
    const member = new Member(() => this.leave(member), fellBehind, this.history ?? []);
    // Joined after the source ended (it failed between start and join): end as the others did.
    if (this.ending) member.end(this.ending.error);
    else this.members.add(member);
    return member;
  }

  private leave(member: Member): void {
    this.members.delete(member);
    if (this.members.size === 0 && !this.ending) {
      this.closeToNewcomers();
      this.source?.return?.(undefined).catch(this.report);
    }
  }

  private closeToNewcomers(): void {
    if (this.registry.get(this.key) === this) this.registry.delete(this.key);
    this.history = null;
  }

  /**
   * Hands each result to every member. When the source fails (a catch-up read that met a database
   * that is away), each member's stream ends with that error, which graphql-ws sends as a typed
   * `error` message; the client subscribes again from the last change it saw.
   */
  private async pump(source: Results): Promise<void> {
    let ending: Ending = {};
    try {
      for await (const result of source) {
        this.history?.push(result);
        if (this.history && this.history.length > REPLAYABLE_RESULTS) this.closeToNewcomers();
        this.members.forEach((member) => member.push(result));
      }
    } catch (error) {
      ending = { error };
    } finally {
      this.ending = ending;
      this.closeToNewcomers();
      this.members.forEach((member) => member.end(ending.error));
    }
  }
}

/** One subscriber's view of a shared execution. */
class Member implements AsyncIterableIterator<ExecutionResult> {
  private readonly buffer: ExecutionResult[];
  private waiting: { resolve(result: IteratorResult<ExecutionResult>): void; reject(error: unknown): void } | null =
    null;
  private done = false;
  /** Set when the shared source failed: given to this subscriber once what came before is read. */
  private failure: { error: unknown } | null = null;

  /** `replay`: what the execution sent before this subscriber joined, sent to it first. */
  constructor(
    private readonly onLeave: () => void,
    private readonly fellBehind: () => void,
    replay: readonly ExecutionResult[],
  ) {
    this.buffer = [...replay];
  }

  push(result: ExecutionResult): void {
    if (this.done) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: result, done: false });
    } else if (this.buffer.length >= SUBSCRIBER_BACKLOG_LIMIT) {
      this.buffer.length = 0;
      this.end();
      this.onLeave();
      this.fellBehind();
    } else {
      this.buffer.push(result);
    }
  }

  end(error?: unknown): void {
    if (this.done) return;
    this.done = true;
    if (error !== undefined) this.failure = { error };
    const waiting = this.waiting;
    this.waiting = null;
    if (!waiting) return;
    if (this.failure) {
      this.failure = null;
      waiting.reject(error);
    } else {
      waiting.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const result = this.buffer.shift();
    if (result) return Promise.resolve({ value: result, done: false });
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.buffer.length = 0;
    this.failure = null;
    if (!this.done) {
      this.end();
      this.onLeave();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}

/**
 * What makes two subscribers see exactly the same results: the viewer's role and assignments, and
 * for a project lead the user too, since being named on an action is personal (`Action.viewerCan`).
 */
function permissionScope(contextValue: unknown): string {
  const viewer = (contextValue as { req?: AuthenticatedRequest } | undefined)?.req?.viewer;
  if (!viewer) return 'signed-out';
  const named = viewer.role === 'PROJECT_LEAD' ? `:${viewer.userId}` : '';
  return `${viewer.role}:${viewer.municipalityId ?? ''}:${viewer.partyId ?? ''}${named}`;
}

/**
 * graphql-ws's `subscribe`, executing each distinct (document, variables, permission scope) once
 * and sending the same results to every subscriber that shares it, instead of running the
 * document again for each of them. Results depend only on those three, never on who else listens.
 * `report` hears of a failure that has no subscriber left to tell (a source that would not stop).
 */
export function sharedSubscriptions(
  report: (error: unknown) => void,
): (args: ExecutionArgs) => Promise<Results | ExecutionResult> {
  const registry = new Map<string, SharedExecution>();
  return async (args) => {
    const key = `${permissionScope(args.contextValue)}\n${JSON.stringify(args.variableValues ?? {})}\n${print(args.document)}`;
    let shared = registry.get(key);
    if (!shared) {
      shared = new SharedExecution(key, registry, report);
      registry.set(key, shared);
      shared.start(args);
    }
    // Whoever joins while it starts gets the same outcome: the stream, or the refusal.
    const failure = await shared.started;
    return (
      failure ??
      shared.join((args.contextValue as { fellBehind?: () => void } | undefined)?.fellBehind ?? (() => undefined))
    );
  };
}
