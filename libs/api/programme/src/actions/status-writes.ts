import { Injectable } from '@nestjs/common';
import { conflict } from '@tiltak/api-core';
import {
  type ActionAggregate,
  type ActionEntity,
  ActionWriteRepository,
  type HistoryEntry,
  type ParticipationEntity,
  type StatusFields,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { type ActionStatus, assessHealth, type Health } from '@tiltak/domain';
import { toActionModel } from '../models/action.model';
import { ActionErrorReason, actionError } from './actions.errors';
import { progressOf } from './action-writes';

/** A status update as a lead gives it: every figure optional, the comment the history shows. */
export interface StatusChange {
  status?: ActionStatus;
  progress?: number;
  /** Undefined keeps an override; null, or the computed value, clears it. */
  health?: Health | null;
  comment: string;
}

/** What a status update will write, worked out from the locked action before anything is written. */
export interface StatusPlan {
  fields: StatusFields;
  entry: HistoryEntry;
}

/**
 * The one path of a status update (a lead's update, and a submitted report): the action's figures
 * and a history entry in one statement, under the action's lock, logged in the change log.
 */
@Injectable()
export class StatusWrites {
  constructor(private readonly actionWrites: ActionWriteRepository) {}

  /** The figures the change leads to, or a typed error when the change does not hold. Writes nothing. */
  plan(locked: Pick<ActionAggregate, 'action' | 'milestones'>, change: StatusChange, today: string): StatusPlan {
    const { status, manualProgress, progress, computed } = this.assess(locked, change, today);
    const override = healthOverride(change.health, computed, change.comment, locked.action);
    return {
      fields: { status, manualProgress, progress, ...override },
      entry: { status, progress, health: override.healthOverride ?? computed, comment: change.comment },
    };
  }

  /** Status, progress and the health the rules compute from them, after the change; refuses what cannot be. */
  assess(locked: Pick<ActionAggregate, 'action' | 'milestones'>, change: Omit<StatusChange, 'health'>, today: string) {
    const before = locked.action;
    const { milestones } = locked;
    if (change.progress !== undefined && milestones.length > 0) {
      throw actionError(
        ActionErrorReason.PROGRESS_FROM_MILESTONES,
        'progress: this action’s progress comes from its milestones; complete or reopen them instead',
        { field: 'progress' },
      );
    }
    const openMilestones = milestones.filter((m) => m.completedOn === null).length;
    if (change.status === 'COMPLETED' && openMilestones > 0 && !change.comment) {
      throw actionError(
        ActionErrorReason.MILESTONES_OPEN,
        `status: ${openMilestones} milestone(s) are still open; complete them or say in a comment why the action is done`,
        { field: 'status' },
      );
    }
    const status = change.status ?? before.status;
    const manualProgress = change.progress ?? before.manualProgress;
    const progress = progressOf(milestones, manualProgress);
    const computed = assessHealth({ status, progress, startDate: before.startDate, dueDate: before.dueDate, today });
    return { status, manualProgress, progress, computed: computed.health };
  }

  /** Writes a plan to the locked action at `expectedVersion` (CONFLICT when it moved on) and logs it. */
  async apply(
    tx: WriteTransaction,
    before: ActionEntity,
    expectedVersion: number,
    plan: StatusPlan,
    today: string,
  ): Promise<ActionEntity> {
    const written = await this.actionWrites.applyStatus(tx, before.id, expectedVersion, plan.fields, plan.entry);
    if (!written) throw conflict('action', toActionModel(before, today));
    tx.record({ entity: 'action', entityId: before.id, operation: 'UPDATE', before, after: written.action });
    tx.record({
      entity: 'status_update',
      entityId: written.entry.id,
      operation: 'CREATE',
      before: null,
      after: written.entry,
    });
    return written.action;
  }

  /**
   * One municipality's own figures on the locked action, at `expectedVersion` (CONFLICT when they
   * moved on), logged in the change log. The aggregate comes back with the participation as written.
   */
  async applyToParticipation(
    tx: WriteTransaction,
    locked: ActionAggregate,
    municipalityId: string,
    expectedVersion: number,
    change: ParticipationChange,
  ): Promise<ActionAggregate> {
    const before = locked.participations.find((p) => p.municipalityId === municipalityId);
    if (!before) {
      throw actionError(
        ActionErrorReason.NOT_A_MUNICIPALITY_OF_ACTION,
        `municipalityId: action ${locked.action.code} does not concern that municipality`,
        { field: 'municipalityId' },
      );
    }
    const key = { actionId: locked.action.id, municipalityId };
    const after = await this.actionWrites.updateParticipation(tx, key, expectedVersion, change);
    const beforeRow = asRow(before);
    if (!after) throw conflict('municipality’s figures', beforeRow);
    tx.record({
      entity: 'participation',
      entityId: `${key.actionId}:${key.municipalityId}`,
      operation: 'UPDATE',
      before: beforeRow,
      after,
    });
    const participations = locked.participations.map((p) =>
      p === before ? { ...after, municipality: before.municipality } : p,
    );
    return { ...locked, participations };
  }
}

/** A participation as its table holds it, without the municipality it was read with. */
export function asRow({ municipality, ...row }: ActionAggregate['participations'][number]) {
  void municipality;
  return row;
}

/** A municipality's own figures as a write changes them; null figures follow the action's. */
export type ParticipationChange = Partial<Pick<ParticipationEntity, 'status' | 'progress' | 'note'>>;

/** The lead's own judgement of health: kept with its reason, or cleared when asked or when it agrees with the rules. */
function healthOverride(
  wanted: Health | null | undefined,
  computed: Health,
  comment: string,
  before: ActionEntity,
): { healthOverride: Health | null; healthOverrideComment: string | null } {
  if (wanted === undefined) {
    return { healthOverride: before.healthOverride, healthOverrideComment: before.healthOverrideComment };
  }
  if (wanted === null || wanted === computed) return { healthOverride: null, healthOverrideComment: null };
  if (!comment) {
    throw actionError(
      ActionErrorReason.OVERRIDE_NEEDS_COMMENT,
      `comment: the computed health is ${computed}; say why it should be ${wanted}`,
      { field: 'comment' },
    );
  }
  return { healthOverride: wanted, healthOverrideComment: comment };
}
