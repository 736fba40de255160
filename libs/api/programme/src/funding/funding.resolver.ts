import { Injectable } from '@nestjs/common';
import { Args, ArgsType, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Caller,
  CurrentCaller,
  CurrentViewer,
  IdField,
  IdListField,
  KronerScalar,
  PolicyService,
} from '@tiltak/api-core';
import { FundingRepository } from '@tiltak/api-data-access';
import type { Principal } from '@tiltak/domain';
import { scopeOf } from '../actions/action-writes';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ActionModel, toActionModel } from '../models/action.model';
import { FocusAreaModel } from '../models/focus-area.model';
import { MunicipalityModel, toMunicipalityModel } from '../models/municipality.model';
import { PartyModel, toPartyModel } from '../models/party.model';
import { ProgrammeModel } from '../models/programme.model';
import { ProgrammeContext } from '../programme/programme-context';
import {
  DeleteFundingLineInput,
  RecordFundingLineInput,
  SetActionBudgetInput,
  SetEffortHoursInput,
  UpdateFundingLineInput,
} from './dto/funding.inputs';
import { FundingLoaderSet, type FundingLoaders } from './funding-loaders';
import { FundingService } from './funding.service';
import {
  EffortEntryModel,
  FundingAbilitiesModel,
  FundingLineModel,
  FundingTotalsModel,
  toEffortEntryModel,
  toFundingLineModel,
  toFundingTotals,
} from './models/funding.model';

@ArgsType()
class ActionSetArgs {
  @IdListField({ min: 1, max: 1000, description: 'The actions to total, at most 1000.' })
  actionIds: string[];
}

@ArgsType()
class GoalArgs {
  @IdField()
  goalId: string;
}

/** Base of the funding resolvers: the signed-in check on every read of money, and the loaders. */
@Injectable()
abstract class FundingReads {
  constructor(
    protected readonly service: FundingService,
    protected readonly loaderSet: FundingLoaderSet,
    protected readonly context: ProgrammeContext,
  ) {}

  protected loaders(viewer: Principal | null, scope: object): FundingLoaders {
    this.service.requireReader(viewer);
    return this.loaderSet.for(scope, async () => (await this.context.programme()).id);
  }
}

@Resolver()
export class FundingResolver extends FundingReads {
  constructor(
    service: FundingService,
    loaderSet: FundingLoaderSet,
    context: ProgrammeContext,
    private readonly requestLoaders: RequestLoaders,
    private readonly funding: FundingRepository,
  ) {
    super(service, loaderSet, context);
  }

  @Query(() => FundingTotalsModel, {
    description: 'Money and effort of a set of actions of the programme, summed as one (each action once).',
  })
  async fundingTotalsOfActions(
    @Args() { actionIds }: ActionSetArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<FundingTotalsModel> {
    this.service.requireReader(viewer);
    const programme = await this.context.programme();
    return toFundingTotals(await this.funding.sumsOfActionSet(programme.id, 'set', [...new Set(actionIds)]), 'ACTIONS');
  }

  @Query(() => FundingTotalsModel, {
    description:
      'Money and effort of a goal: the programme’s actions serving it or any of its sub-goals, each action once.',
  })
  fundingTotalsOfGoal(
    @Args() { goalId }: GoalArgs,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<FundingTotalsModel> {
    return this.loaders(viewer, scope)
      .goalSums.load(goalId)
      .then((sums) => toFundingTotals(sums, 'ACTIONS'));
  }

  @Mutation(() => ActionModel, { description: 'Sets or clears an action’s budget, in whole kroner.' })
  async setActionBudget(
    @Args('input') input: SetActionBudgetInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    const written = await this.service.setBudget(caller, input);
    this.requestLoaders.prime(scope, written.parts);
    return written.action;
  }

  @Mutation(() => FundingLineModel, { description: 'Records a funding line on an action.' })
  recordFundingLine(
    @Args('input') input: RecordFundingLineInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FundingLineModel> {
    return this.service.recordLine(caller, input);
  }

  @Mutation(() => FundingLineModel, {
    description: 'Changes a funding line; moving it to another source or municipality needs the right to both.',
  })
  updateFundingLine(
    @Args('input') input: UpdateFundingLineInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FundingLineModel> {
    return this.service.updateLine(caller, input);
  }

  @Mutation(() => ActionModel, { description: 'Deletes a funding line; answers its action.' })
  deleteFundingLine(
    @Args('input') input: DeleteFundingLineInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionModel> {
    return this.service.deleteLine(caller, input);
  }

  @Mutation(() => EffortEntryModel, {
    description: 'Sets the hours of own effort a party put into an action in a year.',
  })
  setEffortHours(
    @Args('input') input: SetEffortHoursInput,
    @CurrentCaller() caller: Caller,
  ): Promise<EffortEntryModel> {
    return this.service.setEffort(caller, input);
  }
}

@Resolver(() => ActionModel)
export class ActionFundingResolver extends FundingReads {
  constructor(
    service: FundingService,
    loaderSet: FundingLoaderSet,
    context: ProgrammeContext,
    private readonly requestLoaders: RequestLoaders,
    private readonly policy: PolicyService,
  ) {
    super(service, loaderSet, context);
  }

  @ResolveField(() => KronerScalar, {
    nullable: true,
    description: 'What the action is expected to cost, in whole kroner. Null when not given, or signed out.',
  })
  async budget(
    @Parent() action: ActionModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<number | null> {
    if (!this.policy.allows(viewer, { kind: 'READ_FUNDING' })) return null;
    return (await this.requestLoaders.for(scope).action.load(action.id))?.budget ?? null;
  }

  @ResolveField(() => [FundingLineModel], { description: 'Its funding lines, by year. Signed-in users only.' })
  async fundingLines(
    @Parent() action: ActionModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<FundingLineModel[]> {
    return (await this.loaders(viewer, scope).lines.load(action.id)).map(toFundingLineModel);
  }

  @ResolveField(() => [EffortEntryModel], {
    description: 'Hours of own effort per party and year. Signed-in users only.',
  })
  async effort(
    @Parent() action: ActionModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<EffortEntryModel[]> {
    return (await this.loaders(viewer, scope).effort.load(action.id)).map(toEffortEntryModel);
  }

  @ResolveField(() => FundingTotalsModel, { description: 'Its money and effort summed. Signed-in users only.' })
  async fundingTotals(
    @Parent() action: ActionModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<FundingTotalsModel> {
    return toFundingTotals(await this.loaders(viewer, scope).actionSums.load(action.id), 'ACTIONS');
  }

  @ResolveField(() => FundingAbilitiesModel, { description: 'What the viewer may change of its money and effort.' })
  async fundingAbilities(
    @Parent() action: ActionModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<FundingAbilitiesModel> {
    const loaders = this.requestLoaders.for(scope);
    const [participations, involvements, projectLeads, region] = await Promise.all([
      loaders.participations.load(action.id),
      loaders.involvements.load(action.id),
      loaders.projectLeadsOfAction.load(action.id),
      this.context.regionMunicipalityIds(),
    ]);
    const actionScope = scopeOf({ participations, involvements, projectLeads }, region);
    return {
      editFunding: this.policy.allowsWrite(viewer, {
        kind: 'EDIT_FUNDING_LINE',
        action: actionScope,
        municipalityId: null,
      }),
      municipalShares: actionScope.municipalityIds.filter((municipalityId) =>
        this.policy.allowsWrite(viewer, { kind: 'EDIT_FUNDING_LINE', action: actionScope, municipalityId }),
      ),
      effortParties: [...new Set(involvements.map((i) => i.partyId))].filter((partyId) =>
        this.policy.allowsWrite(viewer, { kind: 'RECORD_EFFORT', action: actionScope, partyId }),
      ),
    };
  }
}

@Resolver(() => FundingLineModel)
export class FundingLineFieldsResolver {
  constructor(
    private readonly requestLoaders: RequestLoaders,
    private readonly context: ProgrammeContext,
  ) {}

  @ResolveField(() => ActionModel)
  async action(@Parent() line: FundingLineModel, @LoaderScope() scope: object): Promise<ActionModel> {
    const action = await this.requestLoaders.for(scope).action.load(line.actionId);
    if (!action) throw new Error(`Funding line ${line.id} has no action`);
    return toActionModel(action, this.context.today());
  }

  @ResolveField(() => MunicipalityModel, { nullable: true, description: 'Whose share it is, for MUNICIPALITY.' })
  async municipality(
    @Parent() line: FundingLineModel,
    @LoaderScope() scope: object,
  ): Promise<MunicipalityModel | null> {
    if (!line.municipalityId) return null;
    const municipality = await this.requestLoaders.for(scope).municipality.load(line.municipalityId);
    return municipality && toMunicipalityModel(municipality);
  }
}

@Resolver(() => EffortEntryModel)
export class EffortEntryFieldsResolver {
  constructor(private readonly requestLoaders: RequestLoaders) {}

  @ResolveField(() => PartyModel)
  async party(@Parent() entry: EffortEntryModel, @LoaderScope() scope: object): Promise<PartyModel> {
    const party = await this.requestLoaders.for(scope).party.load(entry.partyId);
    if (!party) throw new Error(`Effort entry ${entry.id} has no party`);
    return toPartyModel(party);
  }
}

@Resolver(() => FocusAreaModel)
export class FocusAreaFundingResolver extends FundingReads {
  @ResolveField(() => FundingTotalsModel, {
    description:
      'Money and effort of all its actions (cancelled ones too: their money was real). Signed-in users only.',
  })
  async fundingTotals(
    @Parent() area: FocusAreaModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<FundingTotalsModel> {
    return toFundingTotals(await this.loaders(viewer, scope).focusAreaSums.load(area.id), 'ACTIONS');
  }
}

@Resolver(() => MunicipalityModel)
export class MunicipalityFundingResolver extends FundingReads {
  @ResolveField(() => FundingTotalsModel, {
    description: 'The municipality’s own money: its shares (lines of source MUNICIPALITY). Signed-in users only.',
  })
  async fundingTotals(
    @Parent() municipality: MunicipalityModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<FundingTotalsModel> {
    return toFundingTotals(
      await this.loaders(viewer, scope).municipalitySums.load(municipality.id),
      'MUNICIPAL_SHARES',
    );
  }
}

@Resolver(() => ProgrammeModel)
export class ProgrammeFundingResolver extends FundingReads {
  constructor(
    service: FundingService,
    loaderSet: FundingLoaderSet,
    context: ProgrammeContext,
    private readonly funding: FundingRepository,
  ) {
    super(service, loaderSet, context);
  }

  @ResolveField(() => FundingTotalsModel, { description: 'The regional total: every action of the programme.' })
  async fundingTotals(
    @Parent() programme: ProgrammeModel,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<FundingTotalsModel> {
    this.service.requireReader(viewer);
    return toFundingTotals(await this.funding.sumsOfProgramme(programme.id), 'ACTIONS');
  }
}
