import { useApolloClient } from '@apollo/client/react';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Session } from './domain-types';
import type { SessionStore, SignInProblem } from './session-store';

type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; session: Session };

interface SessionApi {
  state: SessionState;
  store: SessionStore;
  signIn(email: string, password: string): Promise<SignInProblem | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Refresh this long before the access token expires, so requests never carry a stale one. */
const REFRESH_AHEAD_MS = 60_000;

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const client = useApolloClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const unsubscribe = store.subscribe((session) =>
      setState(session ? { status: 'signed-in', session } : { status: 'signed-out' }),
    );
    void store.refresh();
    return () => {
      unsubscribe();
    };
  }, [store]);

  const expiresAt = state.status === 'signed-in' ? state.session.expiresAt : null;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(
      () => void store.refresh(),
      Math.max(0, Date.parse(expiresAt) - Date.now() - REFRESH_AHEAD_MS),
    );
    return () => clearTimeout(timer);
  }, [expiresAt, store]);

  const signIn = useCallback((email: string, password: string) => store.signIn(email, password), [store]);
  const signOut = useCallback(async () => {
    await store.signOut();
    await client.clearStore();
  }, [client, store]);

  const api = useMemo(() => ({ state, store, signIn, signOut }), [state, store, signIn, signOut]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider> above it');
  return session;
}
