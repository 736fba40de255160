import type { ProgrammeChangeListsFragment } from './generated/operations';

/**
 * The kinds of change between two snapshots, in the order a reader needs them: what got worse
 * first. Health changes split by direction, so that "worse" never hides among "better".
 */
export const CHANGE_KINDS = [
  'healthWorse',
  'newRisks',
  'statusChanges',
  'milestonesSlipped',
  'milestonesCompleted',
  'healthBetter',
  'newActions',
  'cancelledActions',
  'indicatorValues',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

type Changes = Omit<ProgrammeChangeListsFragment, 'from' | 'to' | 'fromTakenAt' | 'toTakenAt' | 'count'>;

/** How many entries of one kind. */
export function countOf(changes: Changes, kind: ChangeKind): number {
  switch (kind) {
    case 'healthWorse':
      return changes.healthChanges.filter((change) => change.direction === 'WORSE').length;
    case 'healthBetter':
      return changes.healthChanges.filter((change) => change.direction === 'BETTER').length;
    case 'indicatorValues':
      return changes.indicatorValuesAdded.length;
    case 'newRisks':
    case 'statusChanges':
    case 'milestonesSlipped':
    case 'milestonesCompleted':
    case 'newActions':
    case 'cancelledActions':
      return changes[kind].length;
  }
}

/** How many entries of each kind, leaving out the kinds with none. */
export function changeCounts(changes: Changes): { kind: ChangeKind; count: number }[] {
  return CHANGE_KINDS.map((kind) => ({ kind, count: countOf(changes, kind) })).filter(({ count }) => count > 0);
}
