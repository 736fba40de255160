import { useApolloClient } from '@apollo/client/react';
import { type ReactNode, useEffect, useState } from 'react';
import type { ApolloClient, ObservableQuery } from '@apollo/client';
import { ActionHistoryDocument } from './generated/operations';
import type { DatabaseWait } from './database-wait';
import { FILTERED_ACTIONS, takeLiveChanges } from './live-cache';
import { type LiveChange, LiveConnection, type LiveState } from './live-connection';
import { CaughtUpContext, type DatabaseState, DatabaseStateContext, LiveStateContext } from './live-state';
import { writesSettled } from './writes-in-flight';
import type { SessionStore } from './session-store';

/** Changes arriving closer together than this (a replay, a busy meeting, one write's several events) share one refetch. */
const REFETCH_BATCH_MS = 200;
/** How long "caught up" stays on screen. */
const CAUGHT_UP_SHOWN_MS = 10_000;

function liveUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * Keeps the live connection open while someone is signed in and feeds its changes into Apollo's
 * cache: a changed action is written where every list and page shows it; only the open roll-ups
 * (matrix, progress, lists whose membership may change) and an open history are fetched again.
 * A reset, or a reconnection that cannot say what it missed, refetches everything open.
 *
 * While the API's database is away (`database`), the page says it is waiting; when it is back,
 * everything open is fetched again and the live connection, if it had dropped, connects at once.
 */
export function LiveProvider({
  session,
  database,
  children,
}: {
  session: SessionStore;
  database: DatabaseWait;
  children: ReactNode;
}) {
  const client = useApolloClient();
  const [state, setState] = useState<LiveState>('connecting');
  const [databaseState, setDatabaseState] = useState<DatabaseState>(database.current);
  const [caughtUp, setCaughtUp] = useState<{ missed: number | null } | null>(null);

  useEffect(() => {
    let pending: LiveChange[] = [];
    let refetchAll = false;
    let batch: ReturnType<typeof setTimeout> | undefined;
    let hideCaughtUp: ReturnType<typeof setTimeout> | undefined;
    let hideBack: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const flush = async () => {
      // This page's own writes are answered first, so their echo finds the cache already current.
      await writesSettled(client);
      if (closed) return;
      const changes = pending;
      const everything = refetchAll;
      pending = [];
      refetchAll = false;
      batch = undefined;
      const refetch = takeLiveChanges(client.cache, changes);
      if (everything || refetch.everything) {
        await client.refetchQueries({ include: 'active' });
        return;
      }
      await Promise.all([refetchOpen(client, refetch.operations), fetchHistories(client, refetch.histories)]);
    };
    const soon = () => {
      // A refetch that fails leaves its query showing its own error; nothing more to do here.
      batch ??= setTimeout(() => void flush().catch(() => undefined), REFETCH_BATCH_MS);
    };
    const apply = (change: LiveChange) => {
      pending.push(change);
      soon();
    };
    const connection = new LiveConnection({
      url: liveUrl(),
      session,
      onChange: apply,
      onCaughtUp: (missed) => {
        if (missed === null) {
          refetchAll = true;
          soon();
        }
        setCaughtUp({ missed });
        clearTimeout(hideCaughtUp);
        hideCaughtUp = setTimeout(() => setCaughtUp(null), CAUGHT_UP_SHOWN_MS);
      },
      onDatabase: (reachable) => (reachable ? database.back() : database.away()),
    });
    const stopDatabase = database.subscribe((next) => {
      clearTimeout(hideBack);
      if (next === 'waiting') return setDatabaseState('waiting');
      setDatabaseState('back');
      hideBack = setTimeout(() => setDatabaseState('serving'), CAUGHT_UP_SHOWN_MS);
      // What the page shows may have failed to load, or changed, while the database was away.
      refetchAll = true;
      soon();
      // A connection opened meanwhile was turned away; it need not wait for its next attempt.
      void connection.reconnectNow();
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
      closed = true;
      clearTimeout(batch);
      clearTimeout(hideCaughtUp);
      clearTimeout(hideBack);
      stopDatabase();
      stopState();
      stopSession();
      void connection.stop();
    };
  }, [client, session, database]);

  return (
    <LiveStateContext.Provider value={state}>
      <DatabaseStateContext.Provider value={databaseState}>
        <CaughtUpContext.Provider value={caughtUp}>{children}</CaughtUpContext.Provider>
      </DatabaseStateContext.Provider>
    </LiveStateContext.Provider>
  );
}

/** Whether an open query shows what the named operations cover. */
function wanted(query: ObservableQuery, operations: ReadonlySet<string>): boolean {
  const name = query.queryName ?? '';
  if (operations.has(name)) return true;
  const filter = (query.variables as { filter?: object | null } | undefined)?.filter;
  return name === 'Actions' && operations.has(FILTERED_ACTIONS) && Object.keys(filter ?? {}).length > 0;
}

/** Refetches the open queries of the named operations, and nothing that is not on screen. */
async function refetchOpen(client: ApolloClient, operations: ReadonlySet<string>): Promise<void> {
  if (operations.size === 0) return;
  const open = [...client.getObservableQueries('active')].filter((query) => wanted(query, operations));
  if (open.length === 0) return;
  await client.refetchQueries({
    include: [...new Set(open.map((query) => query.queryName ?? ''))],
    onQueryUpdated: (query) => open.includes(query),
  });
}

/** Fetches the history again of each action whose page is open, into the cache the page reads. */
async function fetchHistories(client: ApolloClient, actionIds: ReadonlySet<string>): Promise<void> {
  const open = [...client.getObservableQueries('active')]
    .filter((query) => query.queryName === 'Action')
    .map((query) => (query.variables as { id?: string }).id);
  await Promise.all(
    [...actionIds]
      .filter((id) => open.includes(id))
      .map((id) => client.query({ query: ActionHistoryDocument, variables: { id }, fetchPolicy: 'network-only' })),
  );
}
