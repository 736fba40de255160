import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, PageArgs } from '@tiltak/api-core';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ActionConnection, ActionModel } from '../models/action.model';
import { MilestoneModel } from '../models/action-parts.model';
import { ActionsService } from './actions.service';
import { MilestonesQueries } from './milestones.queries';
import { MilestonesService } from './milestones.service';
import {
  ActionFilterInput,
  CreateActionInput,
  UpdateActionInput,
  UpdateActionMunicipalityInput,
  UpdateActionStatusInput,
} from './dto/action.inputs';
import {
  AddInvolvementInput,
  CreateMilestoneInput,
  MilestoneVersionInput,
  RemoveInvolvementInput,
  UpdateInvolvementInput,
  UpdateMilestoneInput,
} from './dto/milestone.inputs';

@ArgsType()
class ActionsArgs extends PageArgs {
  @Field(() => ActionFilterInput, { nullable: true })
  @IsOptional()
  filter?: ActionFilterInput;
}

@ArgsType()
class ActionArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
class UpcomingArgs {
  @Field(() => Int, { nullable: true, description: 'How many days ahead, 1–365 (default 30).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @Field(() => Int, { nullable: true, description: 'At most this many, 1–100 (default 50).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;
}

@Resolver()
export class ActionsResolver {
  constructor(
    private readonly actionsService: ActionsService,
    private readonly milestonesService: MilestonesService,
    private readonly milestoneQueries: MilestonesQueries,
  ) {}

  @Query(() => ActionModel, { nullable: true })
  action(@Args() { id }: ActionArgs): Promise<ActionModel | null> {
    return this.actionsService.action(id);
  }

  @Query(() => ActionConnection, { description: 'The programme’s actions, filtered, in focus-area and code order.' })
  actions(@Args() { filter, ...page }: ActionsArgs): Promise<ActionConnection> {
    return this.actionsService.actions(filter, page);
  }

  @Query(() => [MilestoneModel], { description: 'Open milestones due within the coming days, soonest first.' })
  upcomingMilestones(@Args() { days, first }: UpcomingArgs): Promise<MilestoneModel[]> {
    return this.milestoneQueries.upcoming(days ?? 30, first ?? 50);
  }

  @Query(() => [MilestoneModel], { description: 'Open milestones past their due date, oldest first.' })
  overdueMilestones(@Args() { first }: UpcomingArgs): Promise<MilestoneModel[]> {
    return this.milestoneQueries.overdue(first ?? 50);
  }

  @Mutation(() => ActionModel)
  createAction(@Args('input') input: CreateActionInput, @CurrentCaller() caller: Caller): Promise<ActionModel> {
    return this.actionsService.createAction(caller, input);
  }

  @Mutation(() => ActionModel)
  updateAction(@Args('input') input: UpdateActionInput, @CurrentCaller() caller: Caller): Promise<ActionModel> {
    return this.actionsService.updateAction(caller, input);
  }

  @Mutation(() => ActionModel, { description: 'Status, progress, health and a comment; adds to the history.' })
  updateActionStatus(
    @Args('input') input: UpdateActionStatusInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionModel> {
    return this.actionsService.updateActionStatus(caller, input);
  }

  @Mutation(() => ActionModel, { description: 'A municipality’s own status, progress and note for an action.' })
  updateActionMunicipality(
    @Args('input') input: UpdateActionMunicipalityInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionModel> {
    return this.actionsService.updateActionMunicipality(caller, input);
  }

  @Mutation(() => ActionModel)
  createMilestone(@Args('input') input: CreateMilestoneInput, @CurrentCaller() caller: Caller): Promise<ActionModel> {
    return this.milestonesService.createMilestone(caller, input);
  }

  @Mutation(() => ActionModel)
  updateMilestone(@Args('input') input: UpdateMilestoneInput, @CurrentCaller() caller: Caller): Promise<ActionModel> {
    return this.milestonesService.updateMilestone(caller, input);
  }

  @Mutation(() => ActionModel)
  completeMilestone(
    @Args('input') input: MilestoneVersionInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionModel> {
    return this.milestonesService.completeMilestone(caller, input);
  }

  @Mutation(() => ActionModel)
  reopenMilestone(@Args('input') input: MilestoneVersionInput, @CurrentCaller() caller: Caller): Promise<ActionModel> {
    return this.milestonesService.reopenMilestone(caller, input);
  }

  @Mutation(() => ActionModel)
  deleteMilestone(@Args('input') input: MilestoneVersionInput, @CurrentCaller() caller: Caller): Promise<ActionModel> {
    return this.milestonesService.deleteMilestone(caller, input);
  }

  @Mutation(() => ActionModel)
  addInvolvement(@Args('input') input: AddInvolvementInput, @CurrentCaller() caller: Caller): Promise<ActionModel> {
    return this.milestonesService.addInvolvement(caller, input);
  }

  @Mutation(() => ActionModel)
  updateInvolvement(
    @Args('input') input: UpdateInvolvementInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionModel> {
    return this.milestonesService.updateInvolvement(caller, input);
  }

  @Mutation(() => ActionModel)
  removeInvolvement(
    @Args('input') input: RemoveInvolvementInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionModel> {
    return this.milestonesService.removeInvolvement(caller, input);
  }
}
