import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, CurrentViewer, PublicOperation } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import {
  LinkedReportInput,
  ActionIdArgs,
  LinkIdArgs,
  LinkTokenArgs,
  ReportIdArgs,
  SendReportLinkInput,
} from './dto/report-link.inputs';
import { LinkedReportService } from './linked-report.service';
import { LinkableReportModel, LinkedReportModel, ReportLinkModel } from './report-link.model';
import { ReportLinksService } from './report-links.service';

/** Report links: sending, listing and revoking them (signed in), and what a link opens (anyone holding it). */
@Resolver()
export class ReportLinksResolver {
  constructor(
    private readonly links: ReportLinksService,
    private readonly linked: LinkedReportService,
  ) {}

  @Mutation(() => ReportLinkModel, {
    description:
      'Mails a link that lets one person without an account answer this report, to a party’s contact person or to an address typed.',
  })
  sendReportLink(@Args('input') input: SendReportLinkInput, @CurrentCaller() caller: Caller): Promise<ReportLinkModel> {
    return this.links.send(caller, input);
  }

  @Mutation(() => ReportLinkModel, { description: 'Withdraws a link: it opens nothing from now on.' })
  revokeReportLink(@Args() { linkId }: LinkIdArgs, @CurrentCaller() caller: Caller): Promise<ReportLinkModel> {
    return this.links.revoke(caller, linkId);
  }

  @Query(() => [ReportLinkModel], {
    description: 'The links sent for a report, newest first. Personal data: for those who may send them.',
  })
  reportLinks(
    @Args() { reportId }: ReportIdArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ReportLinkModel[]> {
    return this.links.ofReport(viewer, reportId);
  }

  @Query(() => [LinkableReportModel], {
    description:
      'The action’s reports in open rounds that the viewer may send a link for (empty for everyone else), with the lead party’s contact person.',
  })
  linkableReports(
    @Args() { actionId }: ActionIdArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<LinkableReportModel[]> {
    return this.links.linkable(viewer, actionId);
  }

  @PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
  @Query(() => LinkedReportModel, {
    description:
      'What a report link opens, for whoever holds it: the action and the report. An expired, revoked or unknown link answers an error that says which.',
  })
  linkedReport(@Args() { token }: LinkTokenArgs): Promise<LinkedReportModel> {
    return this.linked.view(token);
  }

  @PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
  @Mutation(() => LinkedReportModel, {
    description:
      'Saves (or, with submit, submits) the report a link is for, and nothing else. Refused once the link has expired or been revoked, or the round has closed.',
  })
  saveLinkedReport(
    @Args() { token }: LinkTokenArgs,
    @Args('input') input: LinkedReportInput,
  ): Promise<LinkedReportModel> {
    return this.linked.save(token, input);
  }
}
