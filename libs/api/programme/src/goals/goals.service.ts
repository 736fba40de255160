import { Injectable } from '@nestjs/common';
import { type Caller, conflict, PolicyService } from '@tiltak/api-core';
import { type GoalEntity, GoalRepository, ProgrammeWriter, type WriteTransaction } from '@tiltak/api-data-access';
import type { CreateGoalInput, DeleteGoalInput, UpdateGoalInput } from './dto/goal.inputs';
import { GoalErrorReason, goalError } from './goals.errors';
import { type GoalModel, toGoalModel } from './models/goal.model';
import { ProgrammeContext } from '../programme/programme-context';

/**
 * The strategy's goals and sub-goals. Goals have two levels (mål, delmål): a sub-goal sits under a
 * goal of the first level, which keeps the tree free of cycles and its roll-ups one join deep.
 */
@Injectable()
export class GoalsService {
  constructor(
    private readonly goals: GoalRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  /** Every goal of the region, each first-level goal followed by its sub-goals. */
  async goalTree(): Promise<GoalEntity[]> {
    const programme = await this.context.programme();
    const all = await this.goals.goalsOfRegion(programme.regionId);
    return all
      .filter((goal) => goal.parentId === null)
      .flatMap((goal) => [goal, ...all.filter((sub) => sub.parentId === goal.id)]);
  }

  async goal(id: string): Promise<GoalModel | null> {
    const programme = await this.context.programme();
    const [goal] = await this.goals.goalsByIds([id]);
    return goal?.regionId === programme.regionId ? toGoalModel(goal) : null;
  }

  async createGoal(caller: Caller, input: CreateGoalInput): Promise<GoalModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      if (input.parentId) await this.lockParent(tx, input.parentId, programme.regionId);
      await this.refuseTakenCode(tx, programme.regionId, input.code, null);
      const goal = await this.goals.createGoal(tx, {
        regionId: programme.regionId,
        parentId: input.parentId ?? null,
        code: input.code,
        name: input.name.trim(),
        description: input.description ?? '',
        sortOrder: await this.goals.nextSortOrder(tx, programme.regionId, input.parentId ?? null),
      });
      tx.record({ entity: 'goal', entityId: goal.id, operation: 'CREATE', before: null, after: goal });
      return toGoalModel(goal);
    });
  }

  async updateGoal(caller: Caller, input: UpdateGoalInput): Promise<GoalModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.lockGoal(tx, input.goalId, programme.regionId);
      if (input.code !== undefined) await this.refuseTakenCode(tx, programme.regionId, input.code, before.id);
      const after = await this.goals.updateGoalIfVersion(tx, before.id, input.expectedVersion, {
        ...(input.code !== undefined && { code: input.code }),
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.description !== undefined && { description: input.description }),
      });
      if (!after) throw conflict('goal', toGoalModel(before));
      tx.record({ entity: 'goal', entityId: before.id, operation: 'UPDATE', before, after });
      return toGoalModel(after);
    });
  }

  /** Deletes a goal nothing points to; sub-goals, focus areas and actions keep it in use. */
  async deleteGoal(caller: Caller, input: DeleteGoalInput): Promise<GoalModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.lockGoal(tx, input.goalId, programme.regionId);
      if (before.version !== input.expectedVersion) throw conflict('goal', toGoalModel(before));
      const usage = await this.goals.usage(tx, before.id);
      if (usage.subGoals + usage.focusAreas + usage.actions > 0) {
        throw goalError(
          GoalErrorReason.IN_USE,
          `goalId: ${before.code} is in use by ${usage.subGoals} sub-goals, ${usage.focusAreas} focus areas ` +
            `and ${usage.actions} actions; move them first`,
          { field: 'goalId' },
        );
      }
      if (!(await this.goals.deleteGoalIfVersion(tx, before.id, input.expectedVersion))) {
        throw conflict('goal', toGoalModel(before));
      }
      tx.record({ entity: 'goal', entityId: before.id, operation: 'DELETE', before, after: null });
      return toGoalModel(before);
    });
  }

  /** Locks the goal (links to it are checked under the lock) or refuses with NOT_FOUND. */
  private async lockGoal(tx: WriteTransaction, id: string, regionId: string): Promise<GoalEntity> {
    const goal = await this.goals.lockGoal(tx, id);
    if (!goal || goal.regionId !== regionId) {
      throw goalError(GoalErrorReason.GOAL_NOT_FOUND, `Goal ${id} does not exist`, { field: 'goalId' });
    }
    return goal;
  }

  /** The parent is locked so that it cannot be deleted while its new sub-goal is written. */
  private async lockParent(tx: WriteTransaction, parentId: string, regionId: string): Promise<void> {
    const parent = await this.goals.lockGoal(tx, parentId);
    if (!parent || parent.regionId !== regionId) {
      throw goalError(GoalErrorReason.UNKNOWN_GOAL, `parentId: no goal ${parentId}`, { field: 'parentId' });
    }
    if (parent.parentId !== null) {
      throw goalError(
        GoalErrorReason.PARENT_IS_SUB_GOAL,
        `parentId: ${parent.code} is itself a sub-goal; sub-goals sit under a goal`,
        { field: 'parentId' },
      );
    }
  }

  private async refuseTakenCode(tx: WriteTransaction, regionId: string, code: string, self: string | null) {
    const taken = (await this.goals.goalsOfRegion(regionId, tx)).some((goal) => goal.code === code && goal.id !== self);
    if (taken) throw goalError(GoalErrorReason.CODE_TAKEN, `code: ${code} is already in use`, { field: 'code' });
  }
}
