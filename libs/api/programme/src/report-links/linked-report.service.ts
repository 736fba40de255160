import { Injectable } from '@nestjs/common';
import { Clock, type RateLimited, RateLimits } from '@tiltak/api-core';
import { ReportLinkRepository, type ReportLinkRow, type ReportLinkTarget } from '@tiltak/api-data-access';
import { type ActionStatus, type Health, reportLinkState, viaLinkActorName } from '@tiltak/domain';
import { ReportsService } from '../reporting/reports.service';
import type { LinkedReportInput } from './dto/report-link.inputs';
import type { LinkedReportModel } from './report-link.model';
import { hashReportLinkToken } from './report-link-token';
import { ReportLinkErrorReason, reportLinkError } from './report-links.errors';

/** A link that holds: not unknown, not revoked, not expired, its round still open. */
export interface HeldLink {
  link: ReportLinkRow;
  target: ReportLinkTarget;
}

/**
 * What a report link opens, for whoever holds it, signed in or not. The token is the only key:
 * everything the holder sees or changes is found from it, never from an id the caller names.
 */
@Injectable()
export class LinkedReportService {
  constructor(
    private readonly links: ReportLinkRepository,
    private readonly reports: ReportsService,
    private readonly rateLimits: RateLimits,
    private readonly clock: Clock,
  ) {}

  async view(token: string): Promise<LinkedReportModel> {
    const held = await this.hold(token, 'queries');
    return this.viewOf(held);
  }

  /**
   * Saves or submits the link's report, and nothing else: the report comes from the token, and
   * the milestones completed must be open milestones of its action. The history names the person
   * and who sent the link ("Kari Nordmann, via lenke fra Nes kommune").
   */
  async save(token: string, input: LinkedReportInput): Promise<LinkedReportModel> {
    const { link, target } = await this.hold(token, 'mutations');
    const completing = input.completeMilestoneIds ?? [];
    if (completing.length > 0) {
      const open = new Set((await this.links.openMilestones(target.actionId)).map((m) => m.id));
      const stranger = completing.find((id) => !open.has(id));
      if (stranger) {
        throw reportLinkError(
          ReportLinkErrorReason.MILESTONE_NOT_OPEN,
          `completeMilestoneIds: ${stranger} is not an open milestone of this action`,
          'completeMilestoneIds',
        );
      }
    }
    // The save runs while the link is held, so a revocation that comes first stops it, and one that
    // comes during it waits for it.
    await this.links.whileHeld(link.id, async (current) => {
      this.requireActive({ ...link, ...current }, this.clock.now());
      await this.reports.saveByLink(
        { name: viaLinkActorName(link.recipientName, link.sentFor), userId: null },
        target.reportId,
        {
          expectedVersion: input.expectedVersion,
          status: input.status ?? undefined,
          progress: input.progress ?? undefined,
          health: input.health ?? undefined,
          narrative: input.narrative ?? undefined,
          completeMilestoneIds: completing.length > 0 ? completing : undefined,
          submit: input.submit ?? undefined,
        },
      );
    });
    const saved = await this.links.byTokenHash(hashReportLinkToken(token) ?? '');
    if (!saved) throw new Error('A link that was just used is still there');
    return this.viewOf(saved);
  }

  /** The link a token names, counted against the token's own rate limit, or the plain reason it does not hold. */
  async hold(token: string, kind: RateLimited): Promise<HeldLink> {
    const tokenHash = hashReportLinkToken(token);
    if (tokenHash) await this.rateLimits.consumeForCredential(kind, tokenHash);
    const found = tokenHash ? await this.links.byTokenHash(tokenHash) : null;
    if (!found) {
      throw reportLinkError(
        ReportLinkErrorReason.LINK_UNKNOWN,
        'This link is not known. Check that the whole address was copied, or ask the sender for a new link.',
      );
    }
    const now = this.clock.now();
    const { link, target } = found;
    this.requireActive(link, now);
    if (target.roundState !== 'OPEN' || target.closesAt <= now) {
      throw reportLinkError(
        ReportLinkErrorReason.ROUND_CLOSED,
        `The round ${target.roundName} has closed: its reports can no longer be changed.`,
      );
    }
    await this.links.markUsed(link.id, now);
    return found;
  }

  async viewOf({ link, target }: HeldLink): Promise<LinkedReportModel> {
    return {
      recipientName: link.recipientName,
      sentBy: link.sentByName,
      sentFor: link.sentFor,
      expiresAt: link.expiresAt,
      actionCode: target.actionCode,
      actionTitle: target.actionTitle,
      actionDescription: target.actionDescription,
      progressFromMilestones: target.hasMilestones,
      municipalityName: target.municipalityName,
      openMilestones: await this.links.openMilestones(target.actionId),
      roundName: target.roundName,
      deadline: target.deadline,
      reportState: target.reportState,
      status: target.status as ActionStatus | null,
      progress: target.progress,
      health: target.health as Health | null,
      narrative: target.narrative,
      version: target.reportVersion,
    };
  }

  /** Refuses a link withdrawn or past its time, saying so plainly. */
  private requireActive(link: Pick<ReportLinkRow, 'expiresAt' | 'revokedAt' | 'sentFor'>, now: Date): void {
    switch (reportLinkState(link, now)) {
      case 'REVOKED':
        throw reportLinkError(
          ReportLinkErrorReason.LINK_REVOKED,
          `This link was withdrawn by ${link.sentFor}. Ask them for a new link if you still need to report.`,
        );
      case 'EXPIRED':
        throw reportLinkError(
          ReportLinkErrorReason.LINK_EXPIRED,
          `This link has expired. Ask ${link.sentFor} for a new link if you still need to report.`,
        );
      case 'ACTIVE':
        break;
    }
  }
}
