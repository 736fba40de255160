import { Args, ArgsType, Field, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, CurrentViewer, ExpectedVersionField, IdField } from '@tiltak/api-core';
import {
  type Principal,
  REPORT_STATES,
  REPORTING_ROUND_STATES,
  type ReportingRoundState,
  type ReportState,
} from '@tiltak/domain';
import { IsIn, IsOptional } from 'class-validator';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { completionOf } from './completion';
import { OpenReportingRoundInput, UpdateReportingRoundInput } from './dto/reporting.inputs';
import { RoundCompletionModel } from './models/completion.model';
import { ReportingRoundStateEnum, ReportStateEnum } from './models/enums';
import { ReportModel } from './models/report.model';
import { ReportingRoundModel } from './models/reporting-round.model';
import { ReportingRoundsService } from './reporting-rounds.service';
import { ReportsService } from './reports.service';

@ArgsType()
class RoundsArgs {
  @Field(() => ReportingRoundStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(REPORTING_ROUND_STATES)
  state?: ReportingRoundState;
}

@ArgsType()
class RoundArgs {
  @IdField()
  id: string;
}

@ArgsType()
class CloseRoundArgs {
  @IdField()
  roundId: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

@ArgsType()
class RoundReportsArgs {
  @IdField({ nullable: true, description: 'The reports that count for this municipality.' })
  municipalityId?: string;

  @IdField({ nullable: true })
  focusAreaId?: string;

  @Field(() => ReportStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(REPORT_STATES)
  state?: ReportState;
}

@Resolver(() => ReportingRoundModel)
export class ReportingRoundsResolver {
  constructor(
    private readonly rounds: ReportingRoundsService,
    private readonly reportsService: ReportsService,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => [ReportingRoundModel], { description: 'The programme’s reporting rounds, newest first.' })
  reportingRounds(
    @Args() { state }: RoundsArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ReportingRoundModel[]> {
    return this.rounds.roundsOfProgramme(viewer, state);
  }

  @Query(() => ReportingRoundModel, { nullable: true })
  reportingRound(@Args() { id }: RoundArgs, @CurrentViewer() viewer: Principal | null) {
    return this.rounds.round(viewer, id);
  }

  @Mutation(() => ReportingRoundModel, {
    description: 'Admins: opens a round with a report for each action (and each municipality’s own part).',
  })
  openReportingRound(@Args('input') input: OpenReportingRoundInput, @CurrentCaller() caller: Caller) {
    return this.rounds.openRound(caller, input);
  }

  @Mutation(() => ReportingRoundModel)
  updateReportingRound(@Args('input') input: UpdateReportingRoundInput, @CurrentCaller() caller: Caller) {
    return this.rounds.updateRound(caller, input);
  }

  @Mutation(() => ReportingRoundModel, { description: 'Admins: closes a round before its time; its reports freeze.' })
  closeReportingRound(@Args() { roundId, expectedVersion }: CloseRoundArgs, @CurrentCaller() caller: Caller) {
    return this.rounds.closeRound(caller, roundId, expectedVersion);
  }

  @ResolveField(() => RoundCompletionModel)
  async completion(@Parent() round: ReportingRoundModel, @LoaderScope() scope: object): Promise<RoundCompletionModel> {
    const loaders = this.loaders.for(scope);
    const [byMunicipality, byFocusArea] = await Promise.all([
      loaders.completionByMunicipality.load(round.id),
      loaders.completionByFocusArea.load(round.id),
    ]);
    return completionOf(byMunicipality, byFocusArea);
  }

  @ResolveField(() => [ReportModel], {
    description: 'In action-code order, each action’s own report before its municipalities’ parts.',
  })
  reports(
    @Parent() round: ReportingRoundModel,
    @Args() filter: RoundReportsArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ReportModel[]> {
    return this.reportsService.reportsOfRound(viewer, round.id, filter);
  }
}
