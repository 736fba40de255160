import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Session } from './domain-types';
import type { SessionStore, SignInProblem } from './session-store';

/** Why the user was signed out without asking: idle too long, or the server ended the session. */
export type SignOutReason = 'idle' | 'expired';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: SignOutReason | null }
  | { status: 'signed-in'; session: Session };

interface SessionApi {
  state: SessionState;
  store: SessionStore;
  signIn(email: string, password: string): Promise<SignInProblem | null>;
  signOut(reason?: SignOutReason): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Never refresh more often than this, whatever the clocks say. */
const MIN_REFRESH_INTERVAL_MS = 5_000;

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // Why the next sign-out happens: the user's choice, idleness, or (when unset) the server.
  const intent = useRef<SignOutReason | 'asked' | null>(null);

  useEffect(() => {
    const unsubscribe = store.subscribe((session) =>
      setState((previous) => {
        if (session) return { status: 'signed-in', session };
        // Already signed out: a later failed refresh does not change why.
        if (previous.status === 'signed-out') return previous;
        const why = intent.current ?? (previous.status === 'signed-in' ? 'expired' : null);
        intent.current = null;
        return { status: 'signed-out', reason: why === 'asked' ? null : why };
      }),
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
      Math.max(MIN_REFRESH_INTERVAL_MS, store.refreshDueAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [expiresAt, store]);

  const signIn = useCallback((email: string, password: string) => store.signIn(email, password), [store]);
  const signOut = useCallback(
    async (why?: SignOutReason) => {
      intent.current = why ?? 'asked';
      // The signed-in part of the page, Apollo's cache with it, goes when the session does.
      await store.signOut();
    },
    [store],
  );

  const api = useMemo(() => ({ state, store, signIn, signOut }), [state, store, signIn, signOut]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider> above it');
  return session;
}
