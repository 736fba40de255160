import { Injectable } from '@nestjs/common';
import { type Caller, PolicyService } from '@tiltak/api-core';
import {
  type ActionAggregate,
  ActionAggregateRepository,
  type LockKey,
  ProgrammeWriter,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import {
  type ActionScope,
  actionProgress,
  concernsWholeRegion,
  isIsoDate,
  type MilestoneLike,
  type Permission,
} from '@tiltak/domain';
import { type ActionModel, toActionModel } from '../models/action.model';
import { ProgrammeContext } from '../programme/programme-context';
import { ActionErrorReason, actionError } from './actions.errors';

/** The action as a write left it, with those of its parts the write knows to be current. */
export type ActionParts = Pick<ActionAggregate, 'action'> & Partial<ActionAggregate>;

/** What a write to an action answers: the action, and its parts as the write left them. */
export interface ActionWritten {
  action: ActionModel;
  parts: ActionParts;
}

/** The permission a write needs, given where the locked action applies and who leads it. */
export type ActionPermission = (action: ActionScope) => Permission;

export const EDIT_ACTION: ActionPermission = (action) => ({ kind: 'EDIT_ACTION', action });
export const EDIT_MILESTONES: ActionPermission = (action) => ({ kind: 'EDIT_MILESTONES', action });
export const RESHAPE_MILESTONES: ActionPermission = (action) => ({ kind: 'RESHAPE_MILESTONES', action });

/** Where an action applies and who leads it, as the permission rules need to know. */
export function scopeOf(
  aggregate: Pick<ActionAggregate, 'participations' | 'involvements' | 'projectLeads'>,
  regionMunicipalityIds: readonly string[],
): ActionScope {
  const municipalityIds = aggregate.participations.map((p) => p.municipalityId);
  return {
    municipalityIds,
    leadPartyId: aggregate.involvements.find((i) => i.role === 'LEAD')?.partyId ?? null,
    projectLeadUserIds: aggregate.projectLeads.map((p) => p.userId),
    regional: concernsWholeRegion(municipalityIds, regionMunicipalityIds),
  };
}

/** The action's progress by libs/domain's rule, from its milestones and the lead's own figure. */
export function progressOf(
  milestones: readonly { weight: number; completedOn: string | null }[],
  manual: number | null,
) {
  const like: MilestoneLike[] = milestones.map((m) => ({ weight: m.weight, completed: m.completedOn !== null }));
  return actionProgress(like, manual).progress;
}

const NOT_FOUND = {
  actionId: [ActionErrorReason.ACTION_NOT_FOUND, 'Action'],
  milestoneId: [ActionErrorReason.MILESTONE_NOT_FOUND, 'Milestone'],
  involvementId: [ActionErrorReason.INVOLVEMENT_NOT_FOUND, 'Involvement'],
} as const;

/**
 * The frame of every write to one action: one transaction in the current programme, the action's
 * row locked and its aggregate read, the caller's permission checked on what was read, then the
 * work. Whatever the work derives (progress, the kept figures) it derives from the locked picture.
 */
@Injectable()
export class ActionWrites {
  constructor(
    private readonly aggregates: ActionAggregateRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async write(
    caller: Caller,
    key: LockKey,
    permission: ActionPermission,
    work: (tx: WriteTransaction, locked: ActionAggregate, today: string) => Promise<ActionParts>,
  ): Promise<ActionWritten> {
    const [programme, region] = await Promise.all([this.context.programme(), this.context.regionMunicipalityIds()]);
    const today = this.context.today();
    const parts = await this.writer.write(caller.actor, programme.id, async (tx) => {
      const locked = await this.lockForWrite(tx, key);
      this.policy.require(caller.viewer, permission(scopeOf(locked, region)));
      return work(tx, locked, today);
    });
    return { action: toActionModel(parts.action, today), parts };
  }

  /** Locks the action that `key` leads to and reads its aggregate, or refuses with NOT_FOUND. */
  async lockForWrite(tx: WriteTransaction, key: LockKey): Promise<ActionAggregate> {
    const locked = await this.aggregates.lock(tx, key);
    const field = Object.keys(key)[0] as keyof typeof NOT_FOUND;
    const id = Object.values(key)[0] as string;
    const found =
      locked &&
      ('milestoneId' in key ? locked.milestones.some((m) => m.id === key.milestoneId) : true) &&
      ('involvementId' in key ? locked.involvements.some((i) => i.id === key.involvementId) : true);
    if (!locked || !found) {
      const [reason, what] = NOT_FOUND[field];
      throw actionError(reason, `${what} ${id} does not exist`, { field });
    }
    return locked;
  }
}

export function checkDate(field: string, value: string): void {
  if (!isIsoDate(value)) {
    throw actionError(ActionErrorReason.INVALID_DATE, `${field}: ${value} is not a calendar date`, { field });
  }
}

export function checkDates(startDate: string, dueDate: string): void {
  checkDate('startDate', startDate);
  checkDate('dueDate', dueDate);
  if (dueDate < startDate) {
    throw actionError(ActionErrorReason.DUE_BEFORE_START, 'dueDate: the action cannot be due before it starts', {
      field: 'dueDate',
    });
  }
}
