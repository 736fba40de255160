import { useApolloClient } from '@apollo/client/react';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { type LiveChange, LiveConnection, type LiveState } from './live-connection';
import type { SessionStore } from './session-store';

const LiveStateContext = createContext<LiveState>('connecting');
const CaughtUpContext = createContext<{ missed: number | null } | null>(null);
const RecentChangesContext = createContext<LiveChange[]>([]);

/** How many changes the activity feed keeps. */
const RECENT = 15;
/** Changes arriving closer together than this (a replay, a busy meeting) share one refetch. */
const REFETCH_BATCH_MS = 200;
/** How long "caught up" stays on screen. */
const CAUGHT_UP_SHOWN_MS = 10_000;

function liveUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * Keeps the live connection open while someone is signed in and feeds its changes into Apollo's
 * cache: a changed action is written where every list and page shows it; roll-ups are refetched.
 */
export function LiveProvider({ session, children }: { session: SessionStore; children: ReactNode }) {
  const client = useApolloClient();
  const [state, setState] = useState<LiveState>('connecting');
  const [recent, setRecent] = useState<LiveChange[]>([]);
  const [caughtUp, setCaughtUp] = useState<{ missed: number | null } | null>(null);

  useEffect(() => {
    let refetch: ReturnType<typeof setTimeout> | undefined;
    let hideCaughtUp: ReturnType<typeof setTimeout> | undefined;
    const refetchSoon = () => {
      refetch ??= setTimeout(() => {
        refetch = undefined;
        void client.refetchQueries({ include: 'active' });
      }, REFETCH_BATCH_MS);
    };
    const apply = (change: LiveChange) => {
      if (change.reset) {
        refetchSoon();
        return;
      }
      setRecent((changes) => [change, ...changes].slice(0, RECENT));
      if (change.action) {
        client.cache.modify({
          id: client.cache.identify(change.action),
          fields: {
            progress: () => change.action?.progress,
            status: () => change.action?.status,
            health: () => change.action?.health,
            version: () => change.action?.version,
          },
        });
      }
      refetchSoon();
    };
    const connection = new LiveConnection({
      url: liveUrl(),
      session,
      onChange: apply,
      onCaughtUp: (missed) => {
        if (missed === null) refetchSoon();
        setCaughtUp({ missed });
        clearTimeout(hideCaughtUp);
        hideCaughtUp = setTimeout(() => setCaughtUp(null), CAUGHT_UP_SHOWN_MS);
      },
    });
    const stopState = connection.onState((next) => {
      setState(next);
      if (next === 'offline') setCaughtUp(null);
    });
    let started = false;
    const follow = (signedIn: boolean) => {
      if (signedIn && !started) {
        started = true;
        connection.start();
      } else if (!signedIn && started) {
        started = false;
        void connection.stop();
      }
    };
    follow(session.current !== null);
    const stopSession = session.subscribe((current) => follow(current !== null));
    return () => {
      clearTimeout(refetch);
      clearTimeout(hideCaughtUp);
      stopState();
      stopSession();
      void connection.stop();
    };
  }, [client, session]);

  return (
    <LiveStateContext.Provider value={state}>
      <CaughtUpContext.Provider value={caughtUp}>
        <RecentChangesContext.Provider value={recent}>{children}</RecentChangesContext.Provider>
      </CaughtUpContext.Provider>
    </LiveStateContext.Provider>
  );
}

/** Whether live updates are flowing: the UI shows a notice when offline. */
export function useLiveState(): LiveState {
  return useContext(LiveStateContext);
}

/** Just after a reconnection has caught up: how many changes were missed (null: unknown, all refetched). */
export function useCaughtUp(): { missed: number | null } | null {
  return useContext(CaughtUpContext);
}

/** The latest changes this page has seen arrive, newest first. */
export function useRecentChanges(): LiveChange[] {
  return useContext(RecentChangesContext);
}
