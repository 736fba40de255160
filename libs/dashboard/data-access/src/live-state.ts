import { createContext, useContext } from 'react';
import type { LiveState } from './live-connection';

// Apart from LiveProvider, so that the page frame can show the live state without loading the
// live connection, Apollo and the operations before anyone has signed in.
export const LiveStateContext = createContext<LiveState>('connecting');
export const CaughtUpContext = createContext<{ missed: number | null } | null>(null);
/** `back` for a short while after the waiting ended, so that a screen reader hears it did. */
export type DatabaseState = 'serving' | 'waiting' | 'back';
export const DatabaseStateContext = createContext<DatabaseState>('serving');

/** Whether live updates are flowing: the UI shows a notice when offline. */
export function useLiveState(): LiveState {
  return useContext(LiveStateContext);
}

/** Just after a reconnection has caught up: how many changes were missed (null: unknown, all refetched). */
export function useCaughtUp(): { missed: number | null } | null {
  return useContext(CaughtUpContext);
}

/** Whether the API can reach its database: the page says it is waiting while it cannot. */
export function useDatabaseState(): DatabaseState {
  return useContext(DatabaseStateContext);
}
