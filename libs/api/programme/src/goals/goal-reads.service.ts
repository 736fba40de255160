import { Injectable } from '@nestjs/common';
import {
  type ContributionRow,
  type FocusAreaEntity,
  type GoalEntity,
  GoalRepository,
  type InnovationPlanEntity,
  InnovationPlanRepository,
  type InnovationPriorityEntity,
  ProgrammeRepository,
} from '@tiltak/api-data-access';
import DataLoader from 'dataloader';
import type { Loaders } from '../loaders/request-loaders';
import type { ProgressExplanationModel } from '../models/action.model';
import { ProgrammeContext } from '../programme/programme-context';
import { explanationOf } from '../programme/progress.service';
import { GoalsService } from './goals.service';

const GOAL_ROLL_UP_METHOD =
  'Weighted mean of the progress of the actions serving the goal, directly or through one of its sub-goals, on ' +
  'each municipality’s own figures (each action counts with its weight, once in every municipality it concerns, ' +
  'and once for the goal however many of its sub-goals it serves), one decimal, cancelled actions skipped. ' +
  'Expected progress is the same weighted mean of each action’s expected progress. Only actions of the programme ' +
  'period being read count.';

/**
 * The reads behind a goal's fields, each done once per request whatever the response asks for:
 * the region's goals, every goal's actions and one statement for every goal's progress.
 */
@Injectable()
export class GoalReadsService {
  constructor(
    private readonly goals: GoalRepository,
    private readonly plans: InnovationPlanRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly goalsService: GoalsService,
    private readonly context: ProgrammeContext,
  ) {}

  tree(loaders: Loaders): Promise<GoalEntity[]> {
    return loaders.once('goalTree', () => this.goalsService.goalTree());
  }

  /** The focus areas of the period being read, for the goals they serve. */
  focusAreas(loaders: Loaders): Promise<FocusAreaEntity[]> {
    return loaders.once('focusAreasOfProgramme', async () =>
      this.programmes.focusAreasOfProgramme((await this.context.programme()).id),
    );
  }

  async actionIds(loaders: Loaders, goalId: string): Promise<string[]> {
    const byGoal = await loaders.once('actionIdsOfGoals', async () => {
      const programme = await this.context.programme();
      return this.goals.actionIdsOfGoals(programme.id, programme.regionId);
    });
    return byGoal.get(goalId) ?? [];
  }

  async explanation(loaders: Loaders, goalId: string): Promise<ProgressExplanationModel> {
    const today = this.context.today();
    const byGoal = await loaders.once('goalContributions', async () => {
      const programme = await this.context.programme();
      const rows = await this.goals.contributionsByGoal(programme.id, programme.regionId, today);
      const grouped = new Map<string, ContributionRow[]>();
      for (const row of rows) grouped.set(row.goalId, [...(grouped.get(row.goalId) ?? []), row]);
      return grouped;
    });
    return explanationOf(byGoal.get(goalId) ?? [], GOAL_ROLL_UP_METHOD, today);
  }

  /** The goals each action serves directly, batched over the response's actions. */
  async goalsOfAction(loaders: Loaders, actionId: string): Promise<GoalEntity[]> {
    const loader = await loaders.once('goalsOfActions', async () => {
      return new DataLoader<string, GoalEntity[]>(async (actionIds) => {
        const [links, tree] = await Promise.all([this.goals.goalLinksOfActions(actionIds), this.tree(loaders)]);
        return actionIds.map((id) =>
          tree.filter((goal) => links.some((link) => link.actionId === id && link.goalId === goal.id)),
        );
      });
    });
    return loader.load(actionId);
  }

  /** A priority with its plan, batched over the response. */
  async priority(loaders: Loaders, priorityId: string) {
    const loader = await loaders.once('innovationPriorities', async () => {
      return new DataLoader<string, (InnovationPriorityEntity & { plan: InnovationPlanEntity }) | null>(async (ids) => {
        const rows = await this.plans.prioritiesByIds(ids);
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      });
    });
    return loader.load(priorityId);
  }

  /** The priorities each action serves, batched over the response. */
  async prioritiesOfAction(loaders: Loaders, actionId: string) {
    const loader = await loaders.once('prioritiesOfActions', async () => {
      return new DataLoader<string, string[]>(async (actionIds) => {
        const links = await this.plans.priorityLinksOfActions(actionIds);
        return actionIds.map((id) => links.filter((link) => link.actionId === id).map((link) => link.priorityId));
      });
    });
    const ids = await loader.load(actionId);
    return (await Promise.all(ids.map((id) => this.priority(loaders, id)))).filter((p) => p !== null);
  }

  /** Plans by id, batched over the response. */
  async plan(loaders: Loaders, planId: string) {
    const loader = await loaders.once('innovationPlans', async () => {
      return new DataLoader<string, InnovationPlanEntity | null>(async (ids) => {
        const rows = await this.plans.plansByIds(ids);
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      });
    });
    return loader.load(planId);
  }

  async prioritiesOfPlan(loaders: Loaders, planId: string): Promise<InnovationPriorityEntity[]> {
    const loader = await loaders.once('prioritiesOfPlans', async () => {
      return new DataLoader<string, InnovationPriorityEntity[]>(async (ids) => {
        const rows = await this.plans.prioritiesOfPlans(ids);
        return ids.map((id) => rows.filter((row) => row.planId === id));
      });
    });
    return loader.load(planId);
  }
}
