import { type ExecutionArgs, type ExecutionResult, print, subscribe as executeSubscription } from 'graphql';
import type { AuthenticatedRequest } from '../auth/viewer';

type Results = AsyncGenerator<ExecutionResult> | AsyncIterableIterator<ExecutionResult>;

/**
 * How many results a shared execution keeps for subscribers who join it late. Within them a late
 * joiner sees exactly what a first one saw (the replay of what was missed and the position marker);
 * past them the execution takes no one new, and the next asker starts an execution of their own.
 */
const REPLAYABLE_RESULTS = 256;

/** One execution of a subscription, whose results go to every subscriber that asked the same thing. */
class SharedExecution {
  private readonly members = new Set<Member>();
  private source: Results | null = null;
  /** Everything sent so far, while late joiners may still come; null once the execution is closed to them. */
  private history: ExecutionResult[] | null = [];

  constructor(
    private readonly key: string,
    private readonly registry: Map<string, SharedExecution>,
  ) {}

  /** Starts the one execution; returns a plain result (an error) when the subscription could not start. */
  async start(args: ExecutionArgs): Promise<ExecutionResult | null> {
    const result = await executeSubscription(args);
    if (!(Symbol.asyncIterator in result)) return result;
    this.source = result;
    this.pump(result).catch((error: unknown) => this.members.forEach((member) => member.fail(error)));
    return null;
  }

  join(): Member {
    const member = new Member(() => this.leave(member), this.history ?? []);
    this.members.add(member);
    return member;
  }

  private leave(member: Member): void {
    this.members.delete(member);
    if (this.members.size === 0) {
      this.closeToNewcomers();
      Promise.resolve(this.source?.return?.(undefined)).catch(() => undefined);
    }
  }

  private closeToNewcomers(): void {
    if (this.registry.get(this.key) === this) this.registry.delete(this.key);
    this.history = null;
  }

  private async pump(source: Results): Promise<void> {
    try {
      for await (const result of source) {
        this.history?.push(result);
        if (this.history && this.history.length > REPLAYABLE_RESULTS) this.closeToNewcomers();
        this.members.forEach((member) => member.push(result));
      }
    } finally {
      this.closeToNewcomers();
      this.members.forEach((member) => member.end());
    }
  }
}

/** One subscriber's view of a shared execution. */
class Member implements AsyncIterableIterator<ExecutionResult> {
  private readonly buffer: ExecutionResult[];
  private waiting: {
    resolve: (result: IteratorResult<ExecutionResult>) => void;
    reject: (error: unknown) => void;
  } | null = null;
  private done = false;
  private failure: { error: unknown } | null = null;

  /** `replay`: what the execution sent before this subscriber joined, sent to it first. */
  constructor(
    private readonly onLeave: () => void,
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
    } else {
      this.buffer.push(result);
    }
  }

  end(): void {
    this.done = true;
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
  }

  /** The execution failed: the subscriber gets the error (graphql-ws sends it on) after what was buffered. */
  fail(error: unknown): void {
    if (this.done) return;
    this.done = true;
    if (this.waiting) {
      this.waiting.reject(error);
      this.waiting = null;
    } else {
      this.failure = { error };
    }
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const result = this.buffer.shift();
    if (result) return Promise.resolve({ value: result, done: false });
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
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
 */
export function sharedSubscriptions(): (args: ExecutionArgs) => Promise<Results | ExecutionResult> {
  const registry = new Map<string, SharedExecution>();
  return async (args) => {
    const key = `${permissionScope(args.contextValue)}\n${JSON.stringify(args.variableValues ?? {})}\n${print(args.document)}`;
    let shared = registry.get(key);
    if (!shared) {
      shared = new SharedExecution(key, registry);
      registry.set(key, shared);
      const failure = await shared.start(args);
      if (failure) {
        registry.delete(key);
        return failure;
      }
    }
    return shared.join();
  };
}
