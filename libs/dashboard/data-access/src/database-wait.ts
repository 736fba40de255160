/** How often /health is asked while waiting: the page is serving again within this long of the API. */
const PROBE_MS = 2_000;

export type DatabaseWaitState = 'serving' | 'waiting';

/**
 * Whether the API can reach its database, as far as this page knows. Anything that hears
 * SERVICE_UNAVAILABLE (a query, a write, the live connection) calls `away()`; the live connection
 * calls `back()` when the API says so. While waiting, /health is asked every 2 s as well, so the
 * page comes back by itself even if nothing else happens on it (the asking stops at the first
 * answer that it serves, also when the page has been left meanwhile).
 */
export class DatabaseWait {
  private state: DatabaseWaitState = 'serving';
  private probe: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(state: DatabaseWaitState) => void>();

  constructor(private readonly healthUrl = '/health') {}

  get current(): DatabaseWaitState {
    return this.state;
  }

  subscribe(listener: (state: DatabaseWaitState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  away(): void {
    if (this.state === 'waiting') return;
    this.set('waiting');
    this.ask();
  }

  back(): void {
    if (this.state === 'serving') return;
    clearTimeout(this.probe);
    this.probe = undefined;
    this.set('serving');
  }

  private ask(): void {
    this.probe = setTimeout(() => {
      fetch(this.healthUrl, { cache: 'no-store' })
        .then((response) => response.ok)
        .catch(() => false)
        .then((serving) => {
          if (this.state !== 'waiting') return;
          if (serving) this.back();
          else this.ask();
        })
        .catch(() => undefined);
    }, PROBE_MS);
  }

  private set(state: DatabaseWaitState): void {
    this.state = state;
    this.listeners.forEach((listener) => listener(state));
  }
}

/** Whether an answer from the API means its database is away: a typed SERVICE_UNAVAILABLE. */
export function isServiceUnavailable(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): boolean {
  return errors?.some((error) => error.extensions?.['code'] === 'SERVICE_UNAVAILABLE') ?? false;
}
