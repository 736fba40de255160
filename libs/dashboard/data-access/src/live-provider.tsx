import { useApolloClient } from '@apollo/client/react';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { type LiveChange, LiveConnection, type LiveState } from './live-connection';
import type { SessionStore } from './session-store';

const LiveStateContext = createContext<LiveState>('connecting');
const RecentChangesContext = createContext<LiveChange[]>([]);

/** How many changes the activity feed keeps. */
const RECENT = 15;

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

  useEffect(() => {
    const apply = (change: LiveChange) => {
      if (!change.reset) setRecent((changes) => [change, ...changes].slice(0, RECENT));
      if (change.reset) {
        void client.refetchQueries({ include: 'active' });
        return;
      }
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
      void client.refetchQueries({ include: 'active' });
    };
    const connection = new LiveConnection({ url: liveUrl(), session, onChange: apply });
    const stopState = connection.onState(setState);
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
      stopState();
      stopSession();
      void connection.stop();
    };
  }, [client, session]);

  return (
    <LiveStateContext.Provider value={state}>
      <RecentChangesContext.Provider value={recent}>{children}</RecentChangesContext.Provider>
    </LiveStateContext.Provider>
  );
}

/** Whether live updates are flowing: the UI shows a notice when offline. */
export function useLiveState(): LiveState {
  return useContext(LiveStateContext);
}

/** The latest changes this page has seen arrive, newest first. */
export function useRecentChanges(): LiveChange[] {
  return useContext(RecentChangesContext);
}
