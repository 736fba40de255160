import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '@tiltak/api-core';
import { ActionModel } from '../models/action.model';
import { ProgrammeModel, toProgrammeModel } from '../models/programme.model';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { StartProgrammePeriodInput } from './dto/period.inputs';
import { ActionInPeriodModel, toActionInPeriodModel } from './models/action-in-period.model';
import { PeriodsService } from './periods.service';

@Resolver()
export class PeriodsResolver {
  constructor(private readonly periods: PeriodsService) {}

  @Query(() => [ProgrammeModel], { description: 'The region’s programme periods, newest first.' })
  programmes(): Promise<ProgrammeModel[]> {
    return this.periods.list();
  }

  @Mutation(() => ProgrammeModel, {
    description:
      'Revision (rullering): ends the current period and starts the next, carrying over some actions and ending the others with a reason.',
  })
  startProgrammePeriod(
    @Args('input') input: StartProgrammePeriodInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ProgrammeModel> {
    return this.periods.startProgrammePeriod(caller, input);
  }
}

/** How a period stands among the others. */
@Resolver(() => ProgrammeModel)
export class ProgrammePeriodFieldsResolver {
  constructor(private readonly loaders: RequestLoaders) {}

  @ResolveField(() => ProgrammeModel, { nullable: true, description: 'The period this one revised.' })
  async predecessor(@Parent() programme: ProgrammeModel, @LoaderScope() scope: object): Promise<ProgrammeModel | null> {
    if (!programme.predecessorId) return null;
    const predecessor = await this.loaders.for(scope).programme.load(programme.predecessorId);
    return predecessor && toProgrammeModel(predecessor);
  }

  @ResolveField(() => ProgrammeModel, { nullable: true, description: 'The period that revised this one.' })
  async successor(@Parent() programme: ProgrammeModel, @LoaderScope() scope: object): Promise<ProgrammeModel | null> {
    const successor = await this.loaders.for(scope).programmeSuccessor.load(programme.id);
    return successor && toProgrammeModel(successor);
  }
}

/** An action's place in the chain of periods. */
@Resolver(() => ActionModel)
export class ActionPeriodFieldsResolver {
  constructor(private readonly loaders: RequestLoaders) {}

  @ResolveField(() => ActionInPeriodModel, {
    nullable: true,
    description: 'The action of the earlier period that this one continues (carried over in a revision).',
  })
  async predecessor(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<ActionInPeriodModel | null> {
    const row = await this.loaders.for(scope).actionPredecessor.load(action.id);
    return row && toActionInPeriodModel(row);
  }

  @ResolveField(() => ActionInPeriodModel, {
    nullable: true,
    description: 'The action of the later period that continues this one.',
  })
  async successor(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<ActionInPeriodModel | null> {
    const row = await this.loaders.for(scope).actionSuccessor.load(action.id);
    return row && toActionInPeriodModel(row);
  }
}
