import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ActionModel } from '../models/action.model';
import { FocusAreaModel } from '../models/focus-area.model';
import { GoalReadsService } from './goal-reads.service';
import { GoalModel, InnovationPriorityModel, toGoalModel, toInnovationPriorityModel } from './models/goal.model';

/** What a focus area serves: a goal of the strategy and a priority of the innovation plan. */
@Resolver(() => FocusAreaModel)
export class FocusAreaGoalResolver {
  constructor(
    private readonly reads: GoalReadsService,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => GoalModel, { nullable: true })
  async goal(@Parent() area: FocusAreaModel, @LoaderScope() scope: object): Promise<GoalModel | null> {
    if (!area.goalId) return null;
    const goal = (await this.reads.tree(this.loaders.for(scope))).find((g) => g.id === area.goalId);
    return goal ? toGoalModel(goal) : null;
  }

  @ResolveField(() => InnovationPriorityModel, {
    nullable: true,
    description: 'The innovation plan priority it serves; it may belong to a replaced version of the plan.',
  })
  async innovationPriority(
    @Parent() area: FocusAreaModel,
    @LoaderScope() scope: object,
  ): Promise<InnovationPriorityModel | null> {
    if (!area.innovationPriorityId) return null;
    const priority = await this.reads.priority(this.loaders.for(scope), area.innovationPriorityId);
    return priority && toInnovationPriorityModel(priority);
  }

  @ResolveField(() => String, { nullable: true, description: 'The name of innovationPriority.' })
  async innovationPlanPriority(@Parent() area: FocusAreaModel, @LoaderScope() scope: object): Promise<string | null> {
    return (await this.innovationPriority(area, scope))?.name ?? null;
  }
}

/** What an action serves: goals of the strategy and priorities of the innovation plan. */
@Resolver(() => ActionModel)
export class ActionGoalsResolver {
  constructor(
    private readonly reads: GoalReadsService,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => [GoalModel], { description: 'The goals and sub-goals it serves directly.' })
  async goals(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<GoalModel[]> {
    return (await this.reads.goalsOfAction(this.loaders.for(scope), action.id)).map(toGoalModel);
  }

  @ResolveField(() => [InnovationPriorityModel])
  async innovationPriorities(
    @Parent() action: ActionModel,
    @LoaderScope() scope: object,
  ): Promise<InnovationPriorityModel[]> {
    return (await this.reads.prioritiesOfAction(this.loaders.for(scope), action.id)).map(toInnovationPriorityModel);
  }
}
