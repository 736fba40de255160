import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type Caller, Clock, Mailer, PolicyService } from '@tiltak/api-core';
import {
  type LinkSenderRow,
  ProgrammeWriter,
  ReportLinkRepository,
  type ReportLinkRow,
  type ReportLinkTarget,
} from '@tiltak/api-data-access';
import { type Principal, reportLinkExpiry } from '@tiltak/domain';
import { ProgrammeContext } from '../programme/programme-context';
import type { SendReportLinkInput } from './dto/report-link.inputs';
import { reportLinkMail } from './report-link-mail';
import { type LinkableReportModel, type ReportLinkModel, toReportLinkModel } from './report-link.model';
import { newReportLinkToken } from './report-link-token';
import { ReportLinkErrorReason, reportLinkError } from './report-links.errors';

/** Whom the sender acts for, as the history names them: their municipality, their party, or the region. */
function sentForOf(viewer: Principal, sender: LinkSenderRow): string {
  if (viewer.role === 'COORDINATOR' && sender.municipalityName) return `${sender.municipalityName} kommune`;
  if (viewer.role === 'PROJECT_LEAD' && sender.partyName) return sender.partyName;
  return sender.regionName;
}

/** What the change log keeps of a link: never the token, its hash or the recipient's address. */
function logged(row: ReportLinkRow, actionId: string) {
  return { reportId: row.reportId, actionId, sentFor: row.sentFor, expiresAt: row.expiresAt, revokedAt: row.revokedAt };
}

/**
 * Sending report links, listing and revoking them: for the coordinators of the action's
 * municipalities (a municipality's part: of that municipality), its project leads, and admins.
 */
@Injectable()
export class ReportLinksService {
  constructor(
    private readonly links: ReportLinkRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(caller: Caller, input: SendReportLinkInput): Promise<ReportLinkModel> {
    const { viewer } = caller;
    const target = await this.allowedTarget(viewer, input.reportId);
    const now = this.clock.now();
    if (target.roundState !== 'OPEN' || target.closesAt <= now) {
      throw reportLinkError(
        ReportLinkErrorReason.ROUND_CLOSED,
        `The round ${target.roundName} has closed: no link can be sent for it.`,
      );
    }
    const recipient = await this.recipientOf(input, target.programmeId);
    const sender = viewer && (await this.links.sender(viewer.userId, target.programmeId));
    if (!viewer || !sender) throw new Error('A permitted sender is a signed-in user');
    const sentFor = sentForOf(viewer, sender);
    const expiresAt = reportLinkExpiry(now, this.config.reportLinks.lifetimeDays, target.closesAt);
    const { token, tokenHash } = newReportLinkToken();
    const row = await this.writer.write(caller.actor, target.programmeId, async (tx) => {
      const inserted = await this.links.insert(tx, {
        reportId: target.reportId,
        tokenHash,
        recipientName: recipient.name,
        recipientEmail: recipient.email,
        partyId: recipient.partyId,
        sentByUserId: viewer.userId,
        sentByName: sender.name,
        sentFor,
        expiresAt,
        createdAt: now,
      });
      tx.record({
        entity: 'report_link',
        entityId: inserted.id,
        operation: 'CREATE',
        before: null,
        after: logged(inserted, target.actionId),
      });
      return inserted;
    });
    const language = input.language ?? 'nb';
    const mail = reportLinkMail(language, {
      recipientName: recipient.name,
      senderName: sender.name,
      sentFor,
      actionCode: target.actionCode,
      actionTitle: target.actionTitle,
      roundName: target.roundName,
      deadline: target.deadline,
      expiresAt,
      url: this.mailer.page(`/report/${token}`),
    });
    await this.mailer.enqueue({
      kind: 'REPORT_LINK',
      to: recipient.email,
      language,
      ...mail,
      dedupeKey: `report-link:${row.id}`,
    });
    return toReportLinkModel(row, now);
  }

  async revoke(caller: Caller, linkId: string): Promise<ReportLinkModel> {
    const link = await this.links.byId(linkId);
    if (!link) throw reportLinkError(ReportLinkErrorReason.LINK_NOT_FOUND, `No report link ${linkId}`, 'linkId');
    const target = await this.allowedTarget(caller.viewer, link.reportId);
    const now = this.clock.now();
    const revoked = await this.writer.write(caller.actor, target.programmeId, async (tx) => {
      const row = await this.links.revoke(tx, link.id, caller.actor.name, now);
      if (row) {
        tx.record({
          entity: 'report_link',
          entityId: row.id,
          operation: 'UPDATE',
          before: logged(link, target.actionId),
          after: logged(row, target.actionId),
        });
      }
      return row;
    });
    // Revoked already: the first revocation stands, and the answer says so.
    return toReportLinkModel(revoked ?? link, now);
  }

  async ofReport(viewer: Principal | null, reportId: string): Promise<ReportLinkModel[]> {
    await this.allowedTarget(viewer, reportId);
    const now = this.clock.now();
    return (await this.links.ofReport(reportId)).map((row) => toReportLinkModel(row, now));
  }

  /** The action's reports in open rounds the viewer may send links for, with the lead party's contact. */
  async linkable(viewer: Principal | null, actionId: string): Promise<LinkableReportModel[]> {
    const programme = await this.context.programme();
    const allowed = (await this.links.openReportsOfAction(actionId)).filter(
      (target) =>
        target.programmeId === programme.id &&
        this.policy.allowsWrite(viewer, {
          kind: 'SEND_REPORT_LINK',
          action: target.scope,
          municipalityId: target.municipalityId,
        }),
    );
    if (allowed.length === 0) return [];
    const lead = await this.links.leadContact(actionId);
    const contact = lead?.contactEmail && lead.contactName ? lead : null;
    return allowed.map((target) => ({
      reportId: target.reportId,
      roundName: target.roundName,
      deadline: target.deadline,
      municipalityName: target.municipalityName,
      leadPartyId: contact?.partyId ?? null,
      leadPartyName: contact?.partyName ?? null,
      leadContactName: contact?.contactName ?? null,
      leadContactEmail: contact?.contactEmail ?? null,
    }));
  }

  /** The report, when it is of the current programme and the viewer may send links for it. */
  private async allowedTarget(viewer: Principal | null, reportId: string): Promise<ReportLinkTarget> {
    const programme = await this.context.programme();
    const target = await this.links.target(reportId);
    if (!target || target.programmeId !== programme.id) {
      throw reportLinkError(ReportLinkErrorReason.REPORT_NOT_FOUND, `No report ${reportId}`, 'reportId');
    }
    this.policy.require(viewer, {
      kind: 'SEND_REPORT_LINK',
      action: target.scope,
      municipalityId: target.municipalityId,
    });
    return target;
  }

  private async recipientOf(
    input: SendReportLinkInput,
    programmeId: string,
  ): Promise<{ name: string; email: string; partyId: string | null }> {
    const typed = input.email || input.name;
    if (input.partyId && !typed) {
      const contact = await this.links.partyContact(input.partyId, programmeId);
      if (!contact)
        throw reportLinkError(ReportLinkErrorReason.PARTY_NOT_FOUND, `No party ${input.partyId}`, 'partyId');
      if (!contact.contactEmail || !contact.contactName) {
        throw reportLinkError(
          ReportLinkErrorReason.NO_CONTACT,
          'The party has no contact person with an e-mail address. Type the address and name instead.',
          'partyId',
        );
      }
      return { name: contact.contactName, email: contact.contactEmail, partyId: input.partyId };
    }
    if (!input.partyId && input.email && input.name?.trim()) {
      return { name: input.name.trim(), email: input.email, partyId: null };
    }
    throw reportLinkError(
      ReportLinkErrorReason.RECIPIENT_REQUIRED,
      'Send the link either to a party’s contact person, or to an address with a name.',
      input.partyId ? 'partyId' : input.email ? 'name' : 'email',
    );
  }
}
