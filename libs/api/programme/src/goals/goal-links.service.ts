import { Injectable } from '@nestjs/common';
import { type Caller, conflict, PolicyService } from '@tiltak/api-core';
import {
  ActionWriteRepository,
  type FocusAreaEntity,
  GoalRepository,
  InnovationPlanRepository,
  ProgrammeRepository,
  ProgrammeWriter,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import type { ActionScope, Permission } from '@tiltak/domain';
import { ActionWrites, type ActionWritten } from '../actions/action-writes';
import { toActionModel } from '../models/action.model';
import { type FocusAreaModel, toFocusAreaModel } from '../models/focus-area.model';
import { ProgrammeContext } from '../programme/programme-context';
import type {
  SetActionGoalsInput,
  SetActionInnovationPrioritiesInput,
  SetFocusAreaGoalInput,
  SetFocusAreaInnovationPriorityInput,
} from './dto/goal.inputs';
import { GoalErrorReason, goalError } from './goals.errors';

/**
 * What actions and focus areas serve: goals, and priorities of the innovation plan. An action's
 * links change under its row lock and move its version on, as any edit of the action does.
 */
@Injectable()
export class GoalLinksService {
  constructor(
    private readonly writes: ActionWrites,
    private readonly actionWrites: ActionWriteRepository,
    private readonly goals: GoalRepository,
    private readonly plans: InnovationPlanRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  /** Whoever runs the programme, or whoever may edit this action. */
  private linkPermission(caller: Caller): (action: ActionScope) => Permission {
    const managesProgramme = this.policy.allows(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    return (action) => (managesProgramme ? { kind: 'MANAGE_PROGRAMME' } : { kind: 'EDIT_ACTION', action });
  }

  async setActionGoals(caller: Caller, input: SetActionGoalsInput): Promise<ActionWritten> {
    const goalIds = [...new Set(input.goalIds)];
    const programme = await this.context.programme();
    return this.writes.write(caller, { actionId: input.actionId }, this.linkPermission(caller), async (tx, locked) => {
      const found = await this.goals.goalsToLink(tx, goalIds);
      const unknown = goalIds.find((id) => !found.some((g) => g.id === id && g.regionId === programme.regionId));
      if (unknown) {
        throw goalError(GoalErrorReason.UNKNOWN_GOAL, `goalIds: no goal ${unknown}`, { field: 'goalIds' });
      }
      const action = await this.moveVersionOn(tx, locked.action, input.expectedVersion);
      const { added, removed } = await this.goals.replaceActionGoals(tx, action.id, goalIds);
      for (const goalId of removed) this.recordLink(tx, 'action_goal', action.id, goalId, 'DELETE');
      for (const goalId of added) this.recordLink(tx, 'action_goal', action.id, goalId, 'CREATE');
      return { ...locked, action };
    });
  }

  async setActionInnovationPriorities(
    caller: Caller,
    input: SetActionInnovationPrioritiesInput,
  ): Promise<ActionWritten> {
    const priorityIds = [...new Set(input.priorityIds)];
    const programme = await this.context.programme();
    return this.writes.write(caller, { actionId: input.actionId }, this.linkPermission(caller), async (tx, locked) => {
      const found = await this.plans.prioritiesByIds(priorityIds, tx);
      const current = (await this.plans.priorityLinksOfActions([locked.action.id])).map((l) => l.priorityId);
      for (const id of priorityIds) {
        const priority = found.find((p) => p.id === id && p.plan.regionId === programme.regionId);
        if (!priority) {
          throw goalError(GoalErrorReason.UNKNOWN_PRIORITY, `priorityIds: no priority ${id}`, {
            field: 'priorityIds',
          });
        }
        // A link to a replaced plan's priority may stay, but new links go to the plan in force.
        if (priority.plan.replacedById !== null && !current.includes(id)) {
          throw goalError(
            GoalErrorReason.PRIORITY_OF_REPLACED_PLAN,
            `priorityIds: ${priority.code} belongs to a plan that has been replaced`,
            { field: 'priorityIds' },
          );
        }
      }
      const action = await this.moveVersionOn(tx, locked.action, input.expectedVersion);
      const { added, removed } = await this.plans.replaceActionPriorities(tx, action.id, priorityIds);
      for (const id of removed) this.recordLink(tx, 'action_innovation_priority', action.id, id, 'DELETE');
      for (const id of added) this.recordLink(tx, 'action_innovation_priority', action.id, id, 'CREATE');
      return { ...locked, action };
    });
  }

  async setFocusAreaGoal(caller: Caller, input: SetFocusAreaGoalInput): Promise<FocusAreaModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.focusAreaOf(tx, input.focusAreaId, programme.id);
      const goalId = input.goalId ?? null;
      if (goalId) {
        // Locked, so that the goal cannot be deleted while the focus area comes to point at it.
        const goal = await this.goals.lockGoal(tx, goalId);
        if (!goal || goal.regionId !== programme.regionId) {
          throw goalError(GoalErrorReason.UNKNOWN_GOAL, `goalId: no goal ${goalId}`, { field: 'goalId' });
        }
      }
      const after = await this.programmes.updateFocusAreaIfVersion(tx, before.id, input.expectedVersion, { goalId });
      if (!after) throw conflict('focus area', toFocusAreaModel(before));
      tx.record({ entity: 'focus_area', entityId: before.id, operation: 'UPDATE', before, after });
      return toFocusAreaModel(after);
    });
  }

  async setFocusAreaInnovationPriority(
    caller: Caller,
    input: SetFocusAreaInnovationPriorityInput,
  ): Promise<FocusAreaModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.focusAreaOf(tx, input.focusAreaId, programme.id);
      const priorityId = input.priorityId ?? null;
      if (priorityId && priorityId !== before.innovationPriorityId) {
        const [priority] = await this.plans.prioritiesByIds([priorityId], tx);
        if (!priority || priority.plan.regionId !== programme.regionId) {
          throw goalError(GoalErrorReason.UNKNOWN_PRIORITY, `priorityId: no priority ${priorityId}`, {
            field: 'priorityId',
          });
        }
        if (priority.plan.replacedById !== null) {
          throw goalError(
            GoalErrorReason.PRIORITY_OF_REPLACED_PLAN,
            `priorityId: ${priority.code} belongs to a plan that has been replaced`,
            { field: 'priorityId' },
          );
        }
      }
      const after = await this.programmes.updateFocusAreaIfVersion(tx, before.id, input.expectedVersion, {
        innovationPriorityId: priorityId,
      });
      if (!after) throw conflict('focus area', toFocusAreaModel(before));
      tx.record({ entity: 'focus_area', entityId: before.id, operation: 'UPDATE', before, after });
      return toFocusAreaModel(after);
    });
  }

  private async moveVersionOn(
    tx: WriteTransaction,
    before: Parameters<typeof toActionModel>[0],
    expectedVersion: number,
  ) {
    const after = await this.actionWrites.update(tx, before.id, expectedVersion, {});
    if (!after) throw conflict('action', toActionModel(before, this.context.today()));
    tx.record({ entity: 'action', entityId: after.id, operation: 'UPDATE', before, after });
    return after;
  }

  private recordLink(
    tx: WriteTransaction,
    entity: 'action_goal' | 'action_innovation_priority',
    actionId: string,
    otherId: string,
    operation: 'CREATE' | 'DELETE',
  ): void {
    const link = entity === 'action_goal' ? { actionId, goalId: otherId } : { actionId, priorityId: otherId };
    tx.record({
      entity,
      entityId: `${actionId}:${otherId}`,
      operation,
      before: operation === 'DELETE' ? link : null,
      after: operation === 'CREATE' ? link : null,
    });
  }

  private async focusAreaOf(tx: WriteTransaction, id: string, programmeId: string): Promise<FocusAreaEntity> {
    const [focusArea] = await this.programmes.focusAreasByIds([id], tx);
    if (!focusArea || focusArea.programmeId !== programmeId) {
      throw goalError(GoalErrorReason.FOCUS_AREA_NOT_FOUND, `Focus area ${id} does not exist`, {
        field: 'focusAreaId',
      });
    }
    return focusArea;
  }
}
