import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, Clock, CurrentCaller, CurrentViewer, PolicyService } from '@tiltak/api-core';
import { type Permission, type Principal, roundClosesAt } from '@tiltak/domain';
import { scopeOf } from '../actions/action-writes';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ActionModel, toActionModel } from '../models/action.model';
import { MunicipalityModel, toMunicipalityModel } from '../models/municipality.model';
import { ProgrammeContext } from '../programme/programme-context';
import { FileReportInput, ReturnReportInput, SaveReportInput } from './dto/reporting.inputs';
import { ReportModel } from './models/report.model';
import { ReportingRoundModel, toReportingRoundModel } from './models/reporting-round.model';
import { ReportsService } from './reports.service';

@Resolver(() => ReportModel)
export class ReportsResolver {
  constructor(
    private readonly reports: ReportsService,
    private readonly loaders: RequestLoaders,
    private readonly policy: PolicyService,
    private readonly context: ProgrammeContext,
    private readonly clock: Clock,
  ) {}

  @Query(() => [ReportModel], {
    description: 'What the viewer owes in open rounds (not submitted; returned ones too), deadline first.',
  })
  myReports(@CurrentViewer() viewer: Principal | null): Promise<ReportModel[]> {
    return this.reports.myReports(viewer);
  }

  @Mutation(() => ReportModel, {
    description: 'Saves a report as a draft, or submits it (submit: true), which updates the action’s figures.',
  })
  saveReport(@Args('input') input: SaveReportInput, @CurrentCaller() caller: Caller): Promise<ReportModel> {
    return this.reports.saveReport(caller, input);
  }

  @Mutation(() => ReportModel, { description: 'Sends a submitted report back to its owners with a comment.' })
  returnReport(@Args('input') input: ReturnReportInput, @CurrentCaller() caller: Caller): Promise<ReportModel> {
    return this.reports.returnReport(caller, input);
  }

  @Mutation(() => ReportModel, {
    description: 'Files a submitted report in the archive: its case number and link to the public record.',
  })
  fileReport(@Args('input') input: FileReportInput, @CurrentCaller() caller: Caller): Promise<ReportModel> {
    return this.reports.fileReport(caller, input);
  }

  @ResolveField(() => ReportingRoundModel)
  async round(@Parent() report: ReportModel, @LoaderScope() scope: object): Promise<ReportingRoundModel> {
    const round = await this.loaders.for(scope).reportingRound.load(report.roundId);
    if (!round) throw new Error(`Report ${report.id} has no round`);
    return toReportingRoundModel(round);
  }

  @ResolveField(() => ActionModel)
  async action(@Parent() report: ReportModel, @LoaderScope() scope: object): Promise<ActionModel> {
    const action = await this.loaders.for(scope).action.load(report.actionId);
    if (!action) throw new Error(`Report ${report.id} has no action`);
    return toActionModel(action, this.context.today());
  }

  @ResolveField(() => MunicipalityModel, { nullable: true, description: 'Null: the action’s own report.' })
  async municipality(@Parent() report: ReportModel, @LoaderScope() scope: object): Promise<MunicipalityModel | null> {
    if (!report.municipalityId) return null;
    const municipality = await this.loaders.for(scope).municipality.load(report.municipalityId);
    return municipality && toMunicipalityModel(municipality);
  }

  @ResolveField(() => String, { nullable: true, description: 'Who submitted it. Personal data.' })
  submittedBy(@Parent() report: ReportModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? report.submittedByName : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Who returned it. Personal data.' })
  returnedBy(@Parent() report: ReportModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? report.returnedByName : null;
  }

  @ResolveField(() => [String], {
    description: 'The names of those who owe it while it is not submitted. Personal data: empty without the right.',
  })
  async owedBy(
    @Parent() report: ReportModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<string[]> {
    if (report.state === 'SUBMITTED' || !this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' })) return [];
    return this.loaders.for(scope).reportOwners.load(report.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may save and submit it now.' })
  viewerCanSubmit(
    @Parent() report: ReportModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<boolean> {
    return this.may(report, viewer, scope, 'SUBMIT_REPORT', report.state !== 'SUBMITTED');
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may return it to its owners now.' })
  viewerCanReturn(
    @Parent() report: ReportModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<boolean> {
    return this.may(report, viewer, scope, 'RETURN_REPORT', report.state === 'SUBMITTED');
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may file it in the archive (set its case number and link), open round or not.',
  })
  viewerCanFile(
    @Parent() report: ReportModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<boolean> {
    return this.may(report, viewer, scope, 'RETURN_REPORT', report.state === 'SUBMITTED', false);
  }

  /** The same rules the write checks: the permission on the action, an open round, the report's state. */
  private async may(
    report: ReportModel,
    viewer: Principal | null,
    scope: object,
    kind: 'SUBMIT_REPORT' | 'RETURN_REPORT',
    stateAllows: boolean,
    needsOpenRound = true,
  ): Promise<boolean> {
    if (!stateAllows || !viewer) return false;
    const loaders = this.loaders.for(scope);
    const [round, participations, involvements, projectLeads, region] = await Promise.all([
      loaders.reportingRound.load(report.roundId),
      loaders.participations.load(report.actionId),
      loaders.involvements.load(report.actionId),
      loaders.projectLeadsOfAction.load(report.actionId),
      this.context.regionMunicipalityIds(),
    ]);
    const open =
      round !== null && round.state === 'OPEN' && roundClosesAt(round.deadline, round.graceDays) > this.clock.now();
    const permission: Permission = {
      kind,
      action: scopeOf({ participations, involvements, projectLeads }, region),
      municipalityId: report.municipalityId,
    };
    return (open || !needsOpenRound) && this.policy.allowsWrite(viewer, permission);
  }
}
