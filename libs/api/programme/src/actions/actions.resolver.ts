import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, CurrentViewer, PageArgs } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import { Type } from 'class-transformer';
import type { ActionOrder } from '@tiltak/api-data-access';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ActionOrderEnum } from '../models/enums';
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
import { CreateMilestoneInput, MilestoneVersionInput, UpdateMilestoneInput } from './dto/milestone.inputs';
import { AddInvolvementInput, RemoveInvolvementInput, UpdateInvolvementInput } from './dto/involvement.inputs';
import { InvolvementsService } from './involvements.service';
import type { ActionWritten } from './action-writes';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';

@ArgsType()
class ActionsArgs extends PageArgs {
  @Field(() => ActionFilterInput, { nullable: true })
  @IsOptional()
  // Without these the filter's own rules (its text, its bounded lists) would never be checked.
  @ValidateNested()
  @Type(() => ActionFilterInput)
  filter?: ActionFilterInput;

  @Field(() => ActionOrderEnum, { nullable: true, description: 'CODE unless told otherwise.' })
  @IsOptional()
  @IsIn(Object.values(ActionOrderEnum))
  orderBy?: ActionOrder;
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
    private readonly involvementsService: InvolvementsService,
    private readonly milestoneQueries: MilestonesQueries,
    private readonly loaders: RequestLoaders,
  ) {}

  /** The written action, with the parts the write already holds handed to this operation's loaders. */
  private answer(scope: object, written: ActionWritten): ActionModel {
    this.loaders.prime(scope, written.parts);
    return written.action;
  }

  @Query(() => ActionModel, { nullable: true })
  action(@Args() { id }: ActionArgs): Promise<ActionModel | null> {
    return this.actionsService.action(id);
  }

  @Query(() => ActionConnection, {
    description: 'The programme’s actions, filtered, in focus-area and code order or worst first.',
  })
  actions(
    @Args() { filter, orderBy, ...page }: ActionsArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ActionConnection> {
    return this.actionsService.actions(viewer, filter, page, orderBy);
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
  async updateAction(
    @Args('input') input: UpdateActionInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.actionsService.updateAction(caller, input));
  }

  @Mutation(() => ActionModel, { description: 'Status, progress, health and a comment; adds to the history.' })
  async updateActionStatus(
    @Args('input') input: UpdateActionStatusInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.actionsService.updateActionStatus(caller, input));
  }

  @Mutation(() => ActionModel, { description: 'A municipality’s own status, progress and note for an action.' })
  async updateActionMunicipality(
    @Args('input') input: UpdateActionMunicipalityInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.actionsService.updateActionMunicipality(caller, input));
  }

  @Mutation(() => ActionModel)
  async createMilestone(
    @Args('input') input: CreateMilestoneInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.milestonesService.createMilestone(caller, input));
  }

  @Mutation(() => ActionModel)
  async updateMilestone(
    @Args('input') input: UpdateMilestoneInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.milestonesService.updateMilestone(caller, input));
  }

  @Mutation(() => ActionModel)
  async completeMilestone(
    @Args('input') input: MilestoneVersionInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.milestonesService.completeMilestone(caller, input));
  }

  @Mutation(() => ActionModel)
  async reopenMilestone(
    @Args('input') input: MilestoneVersionInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.milestonesService.reopenMilestone(caller, input));
  }

  @Mutation(() => ActionModel)
  async deleteMilestone(
    @Args('input') input: MilestoneVersionInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.milestonesService.deleteMilestone(caller, input));
  }

  @Mutation(() => ActionModel)
  async addInvolvement(
    @Args('input') input: AddInvolvementInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.involvementsService.addInvolvement(caller, input));
  }

  @Mutation(() => ActionModel)
  async updateInvolvement(
    @Args('input') input: UpdateInvolvementInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.involvementsService.updateInvolvement(caller, input));
  }

  @Mutation(() => ActionModel)
  async removeInvolvement(
    @Args('input') input: RemoveInvolvementInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    return this.answer(scope, await this.involvementsService.removeInvolvement(caller, input));
  }
}
