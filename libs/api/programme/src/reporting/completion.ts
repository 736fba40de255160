import type { CompletionTally } from '@tiltak/api-data-access';
import type { CompletionCountModel, CompletionRowModel, RoundCompletionModel } from './models/completion.model';

const EMPTY: CompletionCountModel = { total: 0, submitted: 0, late: 0, draft: 0, returned: 0, missing: 0 };

/** Adds tallies up: missing is every report not submitted (not started, draft or returned). */
export function countsOf(tallies: readonly CompletionTally[]): CompletionCountModel {
  const counts = { ...EMPTY };
  for (const { state, late, count } of tallies) {
    counts.total += count;
    if (state === 'SUBMITTED') {
      counts.submitted += count;
      if (late) counts.late += count;
    } else {
      counts.missing += count;
      if (state === 'DRAFT') counts.draft += count;
      if (state === 'RETURNED') counts.returned += count;
    }
  }
  return counts;
}

/** One row per key, in the order the keys first come (the repository orders them by name or code). */
export function rowsOf(
  tallies: readonly CompletionTally[],
  place: (key: string) => Pick<CompletionRowModel, 'municipalityId' | 'focusAreaId'>,
): CompletionRowModel[] {
  const groups = new Map<string, CompletionTally[]>();
  for (const tally of tallies) groups.set(tally.key, [...(groups.get(tally.key) ?? []), tally]);
  return [...groups].map(([key, group]) => ({ ...place(key), counts: countsOf(group) }));
}

/** A round's completion: in all, per municipality and per focus area. */
export function completionOf(
  byMunicipality: readonly CompletionTally[],
  byFocusArea: readonly CompletionTally[],
): RoundCompletionModel {
  return {
    // Every report has exactly one focus area: those tallies count each report once.
    counts: countsOf(byFocusArea),
    byMunicipality: rowsOf(byMunicipality, (municipalityId) => ({ municipalityId, focusAreaId: null })),
    byFocusArea: rowsOf(byFocusArea, (focusAreaId) => ({ municipalityId: null, focusAreaId })),
  };
}
