import type { TypedDocumentNode } from '@apollo/client';
import type { Session } from './domain-types';
import type * as SessionOperations from './session-operations';

/** Refresh this long before the access token expires, so requests never carry a stale one. */
const REFRESH_AHEAD_MS = 60_000;
/** When the API could not be asked (it or its database is away), ask again this much later. */
const REFRESH_RETRY_MS = 5_000;

function lifetimeMs(session: Session): number {
  try {
    const claims = JSON.parse(atob(session.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      iat: number;
      exp: number;
    };
    return (claims.exp - claims.iat) * 1000;
  } catch {
    return Date.parse(session.expiresAt) - Date.now();
  }
}

export type SignInProblem = 'WRONG_CREDENTIALS' | 'THROTTLED' | 'UNAVAILABLE';

/**
 * The access token lives in memory only; the refresh token is an HttpOnly cookie the page never
 * sees. Sign-in, refresh and sign-out go straight to /graphql, outside Apollo's cache.
 */
export class SessionStore {
  private session: Session | null = null;
  private refreshDue = 0;
  private signOuts = 0;
  private refreshing: Promise<boolean> | null = null;
  private refreshRetry: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(session: Session | null) => void>();

  constructor(private readonly graphqlUrl = '/graphql') {
    // Fetched while the page renders, so the first refresh need not wait for it; a failure here
    // shows in the call that needs it.
    import('./session-operations').catch(() => undefined);
  }

  get current(): Session | null {
    return this.session;
  }

  /**
   * When to fetch the next access token, on this browser's clock: a minute before the token's
   * lifetime (from its own iat and exp claims) runs out. Going by the lifetime rather than the
   * expiry time keeps a browser whose clock is off from refreshing too late or in a loop.
   */
  get refreshDueAt(): number {
    return this.refreshDue;
  }

  get accessToken(): string | null {
    return this.session?.accessToken ?? null;
  }

  subscribe(listener: (session: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(email: string, password: string): Promise<SignInProblem | null> {
    const result = await this.call((operations) => operations.SignInDocument, { email, password });
    if ('problem' in result) return result.problem;
    this.set(result.data.login);
    return null;
  }

  /** Restores or extends the session from the refresh cookie; false when there is none. */
  refresh(): Promise<boolean> {
    // One refresh at a time: the refresh token rotates, and sending the same one twice would look
    // like a stolen token to the API, which then ends the whole session.
    this.refreshing ??= this.refreshOnce().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refreshOnce(): Promise<boolean> {
    const signOuts = this.signOuts;
    clearTimeout(this.refreshRetry);
    const result = await this.call((operations) => operations.RefreshSessionDocument, {});
    // A refresh that was under way when the user signed out must not sign them back in.
    if (signOuts !== this.signOuts) return this.session !== null;
    if ('problem' in result && result.problem === 'UNAVAILABLE') {
      // Nothing is known about the session: keep what there is (the token may well still be
      // good) and ask again soon, rather than signing the user out because the API was away.
      this.refreshRetry = setTimeout(() => void this.refresh(), REFRESH_RETRY_MS);
      if (!this.session) this.set(null);
      return this.session !== null;
    }
    this.set('problem' in result ? null : result.data.refreshSession);
    return this.session !== null;
  }

  async signOut(): Promise<void> {
    this.signOuts += 1;
    clearTimeout(this.refreshRetry);
    await this.call((operations) => operations.SignOutDocument, {}).catch(() => undefined);
    this.set(null);
  }

  private set(session: Session | null): void {
    this.session = session;
    if (session) this.refreshDue = Date.now() + lifetimeMs(session) - REFRESH_AHEAD_MS;
    this.listeners.forEach((listener) => listener(session));
  }

  private async call<T, V>(
    pick: (operations: typeof SessionOperations) => TypedDocumentNode<T, V>,
    variables: V,
  ): Promise<{ data: T } | { problem: SignInProblem }> {
    try {
      const operations = await import('./session-operations');
      const response = await fetch(this.graphqlUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: operations.print(pick(operations)), variables }),
      });
      const body = (await response.json()) as {
        data?: T;
        errors?: { extensions?: { code?: string; reason?: string } }[];
      };
      if (body.data && !body.errors) return { data: body.data };
      const problem = body.errors?.[0]?.extensions;
      if (problem?.code === 'SERVICE_UNAVAILABLE') return { problem: 'UNAVAILABLE' };
      return { problem: problem?.reason === 'THROTTLED' ? 'THROTTLED' : 'WRONG_CREDENTIALS' };
    } catch {
      return { problem: 'UNAVAILABLE' };
    }
  }
}
