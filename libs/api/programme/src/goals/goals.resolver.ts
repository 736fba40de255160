import { Args, Float, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '@tiltak/api-core';
import { toActionModel, ActionModel, ProgressExplanationModel } from '../models/action.model';
import { FocusAreaModel, toFocusAreaModel } from '../models/focus-area.model';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ProgrammeContext } from '../programme/programme-context';
import {
  CreateGoalInput,
  DeleteGoalInput,
  GoalArgs,
  SetActionGoalsInput,
  SetFocusAreaGoalInput,
  UpdateGoalInput,
} from './dto/goal.inputs';
import { GoalLinksService } from './goal-links.service';
import { GoalReadsService } from './goal-reads.service';
import { GoalsService } from './goals.service';
import { GoalModel, toGoalModel } from './models/goal.model';

@Resolver()
export class GoalsResolver {
  constructor(
    private readonly goalsService: GoalsService,
    private readonly links: GoalLinksService,
    private readonly reads: GoalReadsService,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => [GoalModel], {
    description: 'Every goal of the strategy, each goal followed by its sub-goals (Goal.parent tells them apart).',
  })
  async goals(@LoaderScope() scope: object): Promise<GoalModel[]> {
    return (await this.reads.tree(this.loaders.for(scope))).map(toGoalModel);
  }

  @Query(() => GoalModel, { nullable: true })
  goal(@Args() { id }: GoalArgs): Promise<GoalModel | null> {
    return this.goalsService.goal(id);
  }

  @Mutation(() => GoalModel)
  createGoal(@Args('input') input: CreateGoalInput, @CurrentCaller() caller: Caller): Promise<GoalModel> {
    return this.goalsService.createGoal(caller, input);
  }

  @Mutation(() => GoalModel)
  updateGoal(@Args('input') input: UpdateGoalInput, @CurrentCaller() caller: Caller): Promise<GoalModel> {
    return this.goalsService.updateGoal(caller, input);
  }

  @Mutation(() => GoalModel, {
    description: 'Refused with reason IN_USE while sub-goals, focus areas or actions point to the goal.',
  })
  deleteGoal(@Args('input') input: DeleteGoalInput, @CurrentCaller() caller: Caller): Promise<GoalModel> {
    return this.goalsService.deleteGoal(caller, input);
  }

  @Mutation(() => ActionModel, { description: 'The goals an action serves: whoever may edit the action.' })
  async setActionGoals(
    @Args('input') input: SetActionGoalsInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    const written = await this.links.setActionGoals(caller, input);
    this.loaders.prime(scope, written.parts);
    return written.action;
  }

  @Mutation(() => FocusAreaModel)
  setFocusAreaGoal(
    @Args('input') input: SetFocusAreaGoalInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FocusAreaModel> {
    return this.links.setFocusAreaGoal(caller, input);
  }
}

/** A goal's place in the tree, what serves it and its roll-up, batched across the response. */
@Resolver(() => GoalModel)
export class GoalFieldsResolver {
  constructor(
    private readonly reads: GoalReadsService,
    private readonly loaders: RequestLoaders,
    private readonly context: ProgrammeContext,
  ) {}

  @ResolveField(() => GoalModel, { nullable: true, description: 'The goal a sub-goal serves.' })
  async parent(@Parent() goal: GoalModel, @LoaderScope() scope: object): Promise<GoalModel | null> {
    if (!goal.parentId) return null;
    const parent = (await this.reads.tree(this.loaders.for(scope))).find((g) => g.id === goal.parentId);
    return parent ? toGoalModel(parent) : null;
  }

  @ResolveField(() => [GoalModel])
  async subGoals(@Parent() goal: GoalModel, @LoaderScope() scope: object): Promise<GoalModel[]> {
    return (await this.reads.tree(this.loaders.for(scope))).filter((g) => g.parentId === goal.id).map(toGoalModel);
  }

  @ResolveField(() => [FocusAreaModel], { description: 'The focus areas of the period being read under this goal.' })
  async focusAreas(@Parent() goal: GoalModel, @LoaderScope() scope: object): Promise<FocusAreaModel[]> {
    return (await this.reads.focusAreas(this.loaders.for(scope)))
      .filter((area) => area.goalId === goal.id)
      .map(toFocusAreaModel);
  }

  @ResolveField(() => [ActionModel], {
    description: 'The actions of the period being read that serve it, directly or through a sub-goal; by code.',
  })
  async actions(@Parent() goal: GoalModel, @LoaderScope() scope: object): Promise<ActionModel[]> {
    const loaders = this.loaders.for(scope);
    const ids = await this.reads.actionIds(loaders, goal.id);
    const actions = await loaders.action.loadMany(ids);
    const today = this.context.today();
    return actions.flatMap((action) => (action && !(action instanceof Error) ? [toActionModel(action, today)] : []));
  }

  @ResolveField(() => Float, { nullable: true, description: 'Rolled up as explanation.method says; null when none.' })
  async progress(@Parent() goal: GoalModel, @LoaderScope() scope: object): Promise<number | null> {
    return (await this.reads.explanation(this.loaders.for(scope), goal.id)).progress;
  }

  @ResolveField(() => Float, { nullable: true })
  async expectedProgress(@Parent() goal: GoalModel, @LoaderScope() scope: object): Promise<number | null> {
    return (await this.reads.explanation(this.loaders.for(scope), goal.id)).expectedProgress;
  }

  @ResolveField(() => ProgressExplanationModel, { description: 'How the goal’s progress was computed.' })
  explanation(@Parent() goal: GoalModel, @LoaderScope() scope: object): Promise<ProgressExplanationModel> {
    return this.reads.explanation(this.loaders.for(scope), goal.id);
  }
}
