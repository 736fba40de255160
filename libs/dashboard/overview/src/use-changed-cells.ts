import type { ProgressCell } from '@tiltak/dashboard-data-access';
import { cellKey } from '@tiltak/dashboard-ui';
import { useEffect, useRef, useState } from 'react';

const MARK_MS = 4_000;

const fingerprint = (cell: ProgressCell) =>
  JSON.stringify([cell.progress, cell.actionCount, cell.byStatus, cell.byHealth, cell.overdueMilestones]);

/** Cells whose figures changed since the last render of the matrix, marked for a few seconds. */
export function useChangedCells(cells: ProgressCell[] | undefined): ReadonlySet<string> {
  const previous = useRef<Map<string, string> | null>(null);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (!cells) return;
    const now = new Map(cells.map((cell) => [cellKey(cell.municipalityId, cell.focusAreaId), fingerprint(cell)]));
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const fresh = new Set([...now].filter(([key, value]) => before.get(key) !== value).map(([key]) => key));
    if (fresh.size === 0) return;
    setChanged(fresh);
    const timer = setTimeout(() => setChanged(new Set()), MARK_MS);
    return () => clearTimeout(timer);
  }, [cells]);

  return changed;
}
