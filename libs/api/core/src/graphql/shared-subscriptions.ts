import { type ExecutionArgs, type ExecutionResult, print, subscribe as executeSubscription } from 'graphql';
import type { AuthenticatedRequest } from '../auth/viewer';

type Results = AsyncGenerator<ExecutionResult> | AsyncIterableIterator<ExecutionResult>;

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

  constructor(
    private readonly key: string,
    private readonly registry: Map<string, SharedExecution>,
  ) {}

  /** Starts the one execution; returns a plain result (an error) when the subscription could not start. */
  async start(args: ExecutionArgs): Promise<ExecutionResult | null> {
    const result = await executeSubscription(args);
    if (!(Symbol.asyncIterator in result)) return result;
    this.source = result;
    void this.pump(result);
    return null;
  }

  join(fellBehind: () => void): Member {
    const member = new Member(() => this.leave(member), fellBehind);
    this.members.add(member);
    return member;
  }

  private leave(member: Member): void {
    this.members.delete(member);
    if (this.members.size === 0) {
      this.registry.delete(this.key);
      void this.source?.return?.(undefined);
    }
  }

  private async pump(source: Results): Promise<void> {
    try {
      for await (const result of source) this.members.forEach((member) => member.push(result));
    } finally {
      this.registry.delete(this.key);
      this.members.forEach((member) => member.end());
    }
  }
}

/** One subscriber's view of a shared execution. */
class Member implements AsyncIterableIterator<ExecutionResult> {
  private readonly buffer: ExecutionResult[] = [];
  private waiting: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  private done = false;

  constructor(
    private readonly onLeave: () => void,
    private readonly fellBehind: () => void,
  ) {}

  push(result: ExecutionResult): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
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

  end(): void {
    this.done = true;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const result = this.buffer.shift();
    if (result) return Promise.resolve({ value: result, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
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
    return shared.join((args.contextValue as { fellBehind?: () => void } | undefined)?.fellBehind ?? (() => undefined));
  };
}
