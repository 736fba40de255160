import type { ProgressCell } from '@tiltak/dashboard-data-access';
import type { Translate } from '@tiltak/dashboard-i18n';
import type { Health } from '@tiltak/domain';

/** Points behind the expected progress (negative when ahead), or null when either is unknown. */
export function gapOf(progress: number | null, expected: number | null): number | null {
  return progress === null || expected === null ? null : Math.round((expected - progress) * 10) / 10;
}

/**
 * The cell that needs attention most: the most actions off track, then the most at risk, then the
 * furthest behind expected. Null when no cell has an action at risk or off track.
 */
export function worstCell(cells: readonly ProgressCell[]): ProgressCell | null {
  const candidates = cells.filter((cell) => cell.byHealth.offTrack + cell.byHealth.atRisk > 0);
  const gap = (cell: ProgressCell) => gapOf(cell.progress, cell.expectedProgress) ?? -Infinity;
  return (
    [...candidates].sort(
      (a, b) => b.byHealth.offTrack - a.byHealth.offTrack || b.byHealth.atRisk - a.byHealth.atRisk || gap(b) - gap(a),
    )[0] ?? null
  );
}

const HEALTH_KEYS: [Health, keyof ProgressCell['byHealth']][] = [
  ['OFF_TRACK', 'offTrack'],
  ['AT_RISK', 'atRisk'],
  ['ON_TRACK', 'onTrack'],
];

/** What changed in a cell, each as "old → new": its progress, then its counts by health and stale actions. */
export function cellChanges(
  before: ProgressCell,
  after: ProgressCell,
  t: Translate,
  percent: (value: number | null) => string,
): string[] {
  const change = (from: string, to: string) => t('overview.change', { before: from, after: to });
  const parts: string[] = [];
  if (before.progress !== after.progress) parts.push(change(percent(before.progress), percent(after.progress)));
  // Counts read "2 → 1 i risiko": the words once, in the form the new count takes, so the change stays short.
  for (const [health, key] of HEALTH_KEYS) {
    if (before.byHealth[key] !== after.byHealth[key]) {
      parts.push(t(`overview.healthChange.${health}`, { before: before.byHealth[key], after: after.byHealth[key] }));
    }
  }
  if (before.stale !== after.stale) {
    parts.push(t('overview.staleChange', { before: before.stale, after: after.stale }));
  }
  if (before.overdueMilestones !== after.overdueMilestones) {
    parts.push(t('overview.overdueChange', { before: before.overdueMilestones, after: after.overdueMilestones }));
  }
  return parts;
}

/** A cell's figures that the page shows, to tell whether it changed. */
export const cellFingerprint = (cell: ProgressCell) =>
  JSON.stringify([cell.progress, cell.byHealth, cell.stale, cell.overdueMilestones, cell.actionCount]);
