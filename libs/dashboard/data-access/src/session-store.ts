/** What the dashboard knows about the signed-in user. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'COUNCIL' | 'COORDINATOR' | 'PROJECT_LEAD';
  municipalityId: string | null;
  partyId: string | null;
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
}

export type SignInProblem = 'WRONG_CREDENTIALS' | 'THROTTLED' | 'UNAVAILABLE';

const SESSION_FIELDS = 'accessToken expiresAt user { id email name role municipalityId partyId }';

/**
 * The access token lives in memory only; the refresh token is an HttpOnly cookie the page never
 * sees. Sign-in, refresh and sign-out go straight to /graphql, outside Apollo's cache.
 */
export class SessionStore {
  private session: Session | null = null;
  private readonly listeners = new Set<(session: Session | null) => void>();

  constructor(private readonly graphqlUrl = '/graphql') {}

  get current(): Session | null {
    return this.session;
  }

  get accessToken(): string | null {
    return this.session?.accessToken ?? null;
  }

  subscribe(listener: (session: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(email: string, password: string): Promise<SignInProblem | null> {
    const result = await this.call<{ login: Session }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${SESSION_FIELDS} } }`,
      { e: email, p: password },
    );
    if ('problem' in result) return result.problem;
    this.set(result.data.login);
    return null;
  }

  /** Restores or extends the session from the refresh cookie; false when there is none. */
  async refresh(): Promise<boolean> {
    const result = await this.call<{ refreshSession: Session }>(`mutation { refreshSession { ${SESSION_FIELDS} } }`);
    this.set('problem' in result ? null : result.data.refreshSession);
    return this.session !== null;
  }

  async signOut(): Promise<void> {
    await this.call('mutation { logout }').catch(() => undefined);
    this.set(null);
  }

  private set(session: Session | null): void {
    this.session = session;
    this.listeners.forEach((listener) => listener(session));
  }

  private async call<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data: T } | { problem: SignInProblem }> {
    try {
      const response = await fetch(this.graphqlUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { extensions?: { reason?: string } }[] };
      if (body.data && !body.errors) return { data: body.data };
      return { problem: body.errors?.[0]?.extensions?.reason === 'THROTTLED' ? 'THROTTLED' : 'WRONG_CREDENTIALS' };
    } catch {
      return { problem: 'UNAVAILABLE' };
    }
  }
}
