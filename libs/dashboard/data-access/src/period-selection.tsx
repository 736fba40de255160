import { ApolloLink } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { PERIOD_HEADER } from '@tiltak/domain';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';

/**
 * Which programme period the dashboard reads: the current one (null), or an earlier one chosen in
 * the period switcher. Kept for the signed-in session only; every request says it to the API.
 */
export class PeriodSelection {
  private chosen: string | null = null;
  private readonly listeners = new Set<() => void>();

  get programmeId(): string | null {
    return this.chosen;
  }

  choose(programmeId: string | null): void {
    this.chosen = programmeId;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Adds the `Tiltak-Period` header to every request while an earlier period is chosen. */
  link(): ApolloLink {
    return new ApolloLink((operation, forward) => {
      const programmeId = this.chosen;
      if (programmeId) {
        operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
          headers: { ...headers, [PERIOD_HEADER]: programmeId },
        }));
      }
      return forward(operation);
    });
  }
}

interface PeriodChoice {
  /** The earlier period being read; null while reading the current one. */
  programmeId: string | null;
  /** Reads another period: everything on the page is fetched again from it. */
  choose(programmeId: string | null): Promise<void>;
}

const PeriodContext = createContext<PeriodSelection | null>(null);

export function PeriodProvider({ selection, children }: { selection: PeriodSelection; children: ReactNode }) {
  return <PeriodContext.Provider value={selection}>{children}</PeriodContext.Provider>;
}

export function usePeriodChoice(): PeriodChoice {
  const selection = useContext(PeriodContext);
  const client = useApolloClient();
  const programmeId = useSyncExternalStore(
    selection?.subscribe ?? (() => () => undefined),
    () => selection?.programmeId ?? null,
  );
  const choose = useCallback(
    async (next: string | null) => {
      if (!selection || next === selection.programmeId) return;
      selection.choose(next);
      // Nothing read from one period may show as another's: start from an empty cache.
      await client.resetStore();
    },
    [selection, client],
  );
  return useMemo(() => ({ programmeId, choose }), [programmeId, choose]);
}
