import { useEffect, useRef, useState } from 'react';

/** How long a changed figure shows its old value beside the new one. */
export const MARK_MS = 6_000;

export interface Change<T> {
  before: T;
  after: T;
}

/**
 * The values (by key) whose fingerprint differs from the previous render's, with both versions,
 * held for a few seconds so that the page can show old → new. The first values seen are no change.
 */
export function useChanges<T>(
  values: ReadonlyMap<string, T> | undefined,
  fingerprint: (value: T) => string,
): ReadonlyMap<string, Change<T>> {
  const previous = useRef<ReadonlyMap<string, T> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [changes, setChanges] = useState<ReadonlyMap<string, Change<T>>>(new Map());

  // A later render that changes nothing must not cut the marking short: the timer outlives it.
  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (!values) return;
    const before = previous.current;
    previous.current = values;
    if (!before) return;
    const fresh = new Map<string, Change<T>>();
    for (const [key, after] of values) {
      const old = before.get(key);
      if (old !== undefined && fingerprint(old) !== fingerprint(after)) fresh.set(key, { before: old, after });
    }
    if (fresh.size === 0) return;
    setChanges(fresh);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setChanges(new Map()), MARK_MS);
    // Only new values run this: the fingerprint is a pure function of the value, and callers pass a new one each render.
  }, [values]);

  return changes;
}
