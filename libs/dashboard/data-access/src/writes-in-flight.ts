import { type ApolloClient, ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { finalize } from 'rxjs';

/**
 * Counts this page's own writes while they are on their way. A live change can arrive before the
 * answer to the write that caused it; waiting for the answer first lets the live layer see that the
 * cache already holds the change (the echo of one's own write) and fetch nothing for it.
 */
export class WritesInFlight {
  private count = 0;
  private waiting: (() => void)[] = [];

  readonly link = new ApolloLink((operation, forward) => {
    if (operation.operationType !== OperationTypeNode.MUTATION) return forward(operation);
    this.count += 1;
    return forward(operation).pipe(finalize(() => this.done()));
  });

  /** Resolves once no write is in flight (at once when none is). */
  settled(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private done(): void {
    this.count -= 1;
    if (this.count > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    // After the answer's own cache write, which runs as the answer passes through.
    setTimeout(() => waiting.forEach((resolve) => resolve()), 0);
  }
}

const trackers = new WeakMap<ApolloClient, WritesInFlight>();

export function trackWrites(client: ApolloClient, writes: WritesInFlight): ApolloClient {
  trackers.set(client, writes);
  return client;
}

/** Resolves once the client's own writes have been answered and written to its cache. */
export function writesSettled(client: ApolloClient): Promise<void> {
  return trackers.get(client)?.settled() ?? Promise.resolve();
}
