import { HEALTHS, type Health } from './enums';
import type { ProgrammeChanges, SnapshotAction, SnapshotDocument } from './snapshot';

/** Action codes as people read them: by focus area prefix, then by number (T-2 before T-10). */
export function compareActionCodes(a: string, b: string): number {
  const [prefixA, numberA] = a.split('-');
  const [prefixB, numberB] = b.split('-');
  if (prefixA !== prefixB) return prefixA < prefixB ? -1 : 1;
  const byNumber = Number(numberA) - Number(numberB);
  return Number.isNaN(byNumber) || byNumber === 0 ? a.localeCompare(b) : byNumber;
}

const byActionThenTitle = (a: { code: string; title?: string }, b: { code: string; title?: string }) =>
  compareActionCodes(a.code, b.code) || (a.title ?? '').localeCompare(b.title ?? '');

const risky = (health: Health) => health !== 'ON_TRACK';
/** ON_TRACK > AT_RISK > OFF_TRACK: a higher index is worse. */
const rank = (health: Health) => HEALTHS.indexOf(health);

/**
 * What changed from one snapshot to a later one (or to the picture now), from the two documents
 * alone, so that it reads the same whenever it is asked. Every list is ordered by action code, then
 * title, so two runs on the same documents give the same text.
 *
 * - Status and health moves of actions in both; health better or worse by ON_TRACK > AT_RISK > OFF_TRACK.
 * - Milestones completed since the earlier one (also on new actions, when completed on or after its date).
 * - Milestones that slipped: still open and its due date moved later (MOVED), or its due date
 *   passed between the two dates without completion (PASSED).
 * - New actions, actions that became cancelled.
 * - New risks: at risk or off track now, and on track before or new, with what the action says.
 * - Indicator values added or changed, with the old value (null when new).
 */
export function compareSnapshots(before: SnapshotDocument, after: SnapshotDocument): ProgrammeChanges {
  const earlier = new Map(before.actions.map((action) => [action.id, action]));
  const changes: ProgrammeChanges = {
    fromTakenAt: before.takenAt,
    toTakenAt: after.takenAt,
    statusChanges: [],
    healthChanges: [],
    milestonesCompleted: [],
    milestonesSlipped: [],
    newActions: [],
    cancelledActions: [],
    newRisks: [],
    indicatorValuesAdded: [],
  };
  const actions = [...after.actions].sort((a, b) => compareActionCodes(a.code, b.code) || a.name.localeCompare(b.name));
  for (const action of actions) {
    const was = earlier.get(action.id);
    const named = { actionId: action.id, code: action.code, name: action.name };
    if (!was) changes.newActions.push(named);
    if (was && was.status !== action.status) {
      changes.statusChanges.push({ ...named, from: was.status, to: action.status });
    }
    if (action.status === 'CANCELLED' && was?.status !== 'CANCELLED') changes.cancelledActions.push(named);
    if (was && was.health !== action.health) {
      const direction = rank(action.health) > rank(was.health) ? 'WORSE' : 'BETTER';
      changes.healthChanges.push({ ...named, from: was.health, to: action.health, direction });
    }
    if (risky(action.health) && (!was || !risky(was.health))) {
      changes.newRisks.push({ ...named, health: action.health, narrative: action.narrative });
    }
    milestoneChanges(changes, before.asOf, after.asOf, action, was);
  }
  changes.milestonesCompleted.sort(byActionThenTitle);
  changes.milestonesSlipped.sort(byActionThenTitle);
  changes.indicatorValuesAdded = indicatorChanges(before, after);
  return changes;
}

function milestoneChanges(
  changes: ProgrammeChanges,
  fromDate: string,
  toDate: string,
  action: SnapshotAction,
  was: SnapshotAction | undefined,
): void {
  const earlier = new Map((was?.milestones ?? []).map((m) => [m.id, m]));
  for (const milestone of action.milestones) {
    const before = earlier.get(milestone.id);
    const named = { actionId: action.id, code: action.code, milestoneId: milestone.id, title: milestone.title };
    if (milestone.completedOn !== null) {
      const newlyDone = before ? before.completedOn === null : milestone.completedOn >= fromDate;
      if (newlyDone) changes.milestonesCompleted.push({ ...named, completedOn: milestone.completedOn });
      continue;
    }
    if (!before) continue;
    if (milestone.dueDate > before.dueDate) {
      changes.milestonesSlipped.push({
        ...named,
        fromDueDate: before.dueDate,
        toDueDate: milestone.dueDate,
        reason: 'MOVED',
      });
    } else if (milestone.dueDate >= fromDate && milestone.dueDate < toDate) {
      changes.milestonesSlipped.push({
        ...named,
        fromDueDate: before.dueDate,
        toDueDate: milestone.dueDate,
        reason: 'PASSED',
      });
    }
  }
}

function indicatorChanges(before: SnapshotDocument, after: SnapshotDocument): ProgrammeChanges['indicatorValuesAdded'] {
  const key = (indicatorId: string, municipalityId: string, year: number) => `${indicatorId}:${municipalityId}:${year}`;
  const earlier = new Map<string, number>();
  for (const indicator of before.indicators) {
    for (const v of indicator.values) earlier.set(key(indicator.id, v.municipalityId, v.year), v.value);
  }
  const found: ProgrammeChanges['indicatorValuesAdded'] = [];
  for (const indicator of after.indicators) {
    for (const v of indicator.values) {
      const old = earlier.get(key(indicator.id, v.municipalityId, v.year));
      if (old === v.value) continue;
      found.push({
        indicatorId: indicator.id,
        name: indicator.name,
        municipalityId: v.municipalityId,
        year: v.year,
        from: old ?? null,
        to: v.value,
      });
    }
  }
  return found.sort(
    (a, b) =>
      a.name.localeCompare(b.name) ||
      a.indicatorId.localeCompare(b.indicatorId) ||
      a.year - b.year ||
      a.municipalityId.localeCompare(b.municipalityId),
  );
}
