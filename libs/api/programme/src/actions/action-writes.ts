import {
  ActionEntity,
  type ActionRepository,
  InvolvementEntity,
  MilestoneEntity,
  ParticipationEntity,
  ProjectLeadEntity,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { type ActionScope, actionProgress, isIsoDate } from '@tiltak/domain';
import { toActionModel } from '../models/action.model';
import { ActionErrorReason, actionError, staleVersion } from './actions.errors';

/** Shared steps of the action writes: loading for update, permissions, date rules, progress upkeep. */

/** Where an action applies and who leads it, as the permission rules need to know. */
export async function actionScope(tx: WriteTransaction, actionId: string): Promise<ActionScope> {
  const [municipalities, lead, projectLeads] = await Promise.all([
    tx.manager.findBy(ParticipationEntity, { actionId }),
    tx.manager.findOneBy(InvolvementEntity, { actionId, role: 'LEAD' }),
    tx.manager.findBy(ProjectLeadEntity, { actionId }),
  ]);
  return {
    municipalityIds: municipalities.map((p) => p.municipalityId),
    leadPartyId: lead?.partyId ?? null,
    projectLeadUserIds: projectLeads.map((p) => p.userId),
  };
}

export async function actionForUpdate(actions: ActionRepository, tx: WriteTransaction, actionId: string) {
  const action = await actions.actionById(actionId, tx.manager);
  if (!action || action.programmeId !== tx.programmeId) {
    throw actionError(ActionErrorReason.ACTION_NOT_FOUND, `Action ${actionId} does not exist`, { field: 'actionId' });
  }
  return action;
}

export function checkDates(startDate: string, dueDate: string): void {
  for (const [field, value] of [
    ['startDate', startDate],
    ['dueDate', dueDate],
  ] as const) {
    if (!isIsoDate(value)) {
      throw actionError(ActionErrorReason.INVALID_DATE, `${field}: ${value} is not a calendar date`, { field });
    }
  }
  if (dueDate < startDate) {
    throw actionError(ActionErrorReason.DUE_BEFORE_START, 'dueDate: the action cannot be due before it starts', {
      field: 'dueDate',
    });
  }
}

/**
 * Applies the guarded update and logs it, or refuses with CONFLICT carrying the action as it is now.
 * Returns the action after the write.
 */
export async function updateActionIfVersion(
  actions: ActionRepository,
  tx: WriteTransaction,
  before: ActionEntity,
  expectedVersion: number,
  patch: Partial<ActionEntity>,
  today: string,
): Promise<ActionEntity> {
  const updated = await tx.updateIfVersion(ActionEntity, { id: before.id }, expectedVersion, {
    ...patch,
    updatedAt: () => 'now()',
  });
  if (!updated) throw staleVersion('action', toActionModel(before, today));
  const after = (await actions.actionById(before.id, tx.manager)) as ActionEntity;
  tx.record({ entity: 'action', entityId: after.id, operation: 'UPDATE', before, after });
  return after;
}

/** Recomputes the action's progress after its milestones changed; its version moves on with it. */
export async function refreshActionProgress(
  actions: ActionRepository,
  tx: WriteTransaction,
  actionId: string,
): Promise<ActionEntity> {
  const before = await actionForUpdate(actions, tx, actionId);
  const milestones = await actions.milestonesOfActions([actionId], tx.manager);
  const { progress } = actionProgress(
    milestones.map((m: MilestoneEntity) => ({ weight: m.weight, completed: m.completedOn !== null })),
    before.manualProgress,
  );
  if (progress === before.progress) return before;
  await tx.manager
    .createQueryBuilder()
    .update(ActionEntity)
    .set({ progress, version: () => 'version + 1', updatedAt: () => 'now()' })
    .where('id = :id', { id: actionId })
    .execute();
  const after = (await actions.actionById(actionId, tx.manager)) as ActionEntity;
  tx.record({ entity: 'action', entityId: actionId, operation: 'UPDATE', before, after });
  return after;
}
