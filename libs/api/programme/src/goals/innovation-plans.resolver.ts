import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '@tiltak/api-core';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ActionModel } from '../models/action.model';
import { FocusAreaModel } from '../models/focus-area.model';
import {
  CreateInnovationPlanInput,
  ReplaceInnovationPlanInput,
  SetActionInnovationPrioritiesInput,
  SetFocusAreaInnovationPriorityInput,
} from './dto/goal.inputs';
import { GoalLinksService } from './goal-links.service';
import { GoalReadsService } from './goal-reads.service';
import { InnovationPlansService } from './innovation-plans.service';
import {
  InnovationPlanModel,
  InnovationPriorityModel,
  toInnovationPlanModel,
  toInnovationPriorityModel,
} from './models/goal.model';

@Resolver()
export class InnovationPlansResolver {
  constructor(
    private readonly plans: InnovationPlansService,
    private readonly links: GoalLinksService,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => [InnovationPlanModel], { description: 'Every version of the regional innovation plan, newest first.' })
  innovationPlans(): Promise<InnovationPlanModel[]> {
    return this.plans.innovationPlans();
  }

  @Mutation(() => InnovationPlanModel, { description: 'The region’s first plan; later versions replace it.' })
  createInnovationPlan(
    @Args('input') input: CreateInnovationPlanInput,
    @CurrentCaller() caller: Caller,
  ): Promise<InnovationPlanModel> {
    return this.plans.createInnovationPlan(caller, input);
  }

  @Mutation(() => InnovationPlanModel, {
    description: 'A new version of the plan in force; links to the old version’s priorities keep pointing there.',
  })
  replaceInnovationPlan(
    @Args('input') input: ReplaceInnovationPlanInput,
    @CurrentCaller() caller: Caller,
  ): Promise<InnovationPlanModel> {
    return this.plans.replaceInnovationPlan(caller, input);
  }

  @Mutation(() => ActionModel, { description: 'The priorities an action serves: whoever may edit the action.' })
  async setActionInnovationPriorities(
    @Args('input') input: SetActionInnovationPrioritiesInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    const written = await this.links.setActionInnovationPriorities(caller, input);
    this.loaders.prime(scope, written.parts);
    return written.action;
  }

  @Mutation(() => FocusAreaModel)
  setFocusAreaInnovationPriority(
    @Args('input') input: SetFocusAreaInnovationPriorityInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FocusAreaModel> {
    return this.links.setFocusAreaInnovationPriority(caller, input);
  }
}

@Resolver(() => InnovationPlanModel)
export class InnovationPlanFieldsResolver {
  constructor(
    private readonly reads: GoalReadsService,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => [InnovationPriorityModel])
  async priorities(
    @Parent() plan: InnovationPlanModel,
    @LoaderScope() scope: object,
  ): Promise<InnovationPriorityModel[]> {
    return (await this.reads.prioritiesOfPlan(this.loaders.for(scope), plan.id)).map(toInnovationPriorityModel);
  }

  @ResolveField(() => InnovationPlanModel, { nullable: true, description: 'The version that replaced it.' })
  async replacedBy(@Parent() plan: InnovationPlanModel, @LoaderScope() scope: object) {
    if (!plan.replacedById) return null;
    const successor = await this.reads.plan(this.loaders.for(scope), plan.replacedById);
    return successor && toInnovationPlanModel(successor);
  }
}

@Resolver(() => InnovationPriorityModel)
export class InnovationPriorityFieldsResolver {
  constructor(
    private readonly reads: GoalReadsService,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => InnovationPlanModel, { description: 'The version of the plan it belongs to.' })
  async plan(@Parent() priority: InnovationPriorityModel, @LoaderScope() scope: object) {
    const plan = await this.reads.plan(this.loaders.for(scope), priority.planId);
    if (!plan) throw new Error(`Innovation plan ${priority.planId} of priority ${priority.code} is missing`);
    return toInnovationPlanModel(plan);
  }
}
