import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ReportLinkRow } from '@tiltak/api-data-access';
import { type ActionStatus, type Health, type ReportLinkState, reportLinkState } from '@tiltak/domain';
import { ActionStatusEnum, HealthEnum } from '../models/enums';
import type { ReportLinkLanguage } from './report-link-mail';

export const ReportLinkStateEnum: Record<ReportLinkState, ReportLinkState> = {
  ACTIVE: 'ACTIVE',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
};
registerEnumType(ReportLinkStateEnum, { name: 'ReportLinkState' });

export const ReportLinkLanguageEnum: Record<ReportLinkLanguage, ReportLinkLanguage> = { nb: 'nb', en: 'en' };
registerEnumType(ReportLinkLanguageEnum, {
  name: 'ReportLinkLanguage',
  description: 'The language of the mail with the link: nb (bokmål) or en.',
});

@ObjectType('ReportLink', {
  description: 'A link sent to someone without an account to answer one report. Personal data.',
})
export class ReportLinkModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  reportId: string;

  @Field(() => String)
  recipientName: string;

  @Field(() => String)
  recipientEmail: string;

  @Field(() => String)
  sentBy: string;

  @Field(() => String, { description: 'Whom the sender acts for, as the history shows it: "Nes kommune".' })
  sentFor: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { description: 'After this the link opens nothing: its lifetime, or the round’s closing.' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revokedBy: string | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => ReportLinkStateEnum)
  state: ReportLinkState;
}

export function toReportLinkModel(row: ReportLinkRow, now: Date): ReportLinkModel {
  return {
    id: row.id,
    reportId: row.reportId,
    recipientName: row.recipientName,
    recipientEmail: row.recipientEmail,
    sentBy: row.sentByName,
    sentFor: row.sentFor,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    revokedBy: row.revokedByName,
    lastUsedAt: row.lastUsedAt,
    state: reportLinkState(row, now),
  };
}

@ObjectType('LinkedMilestone', { description: 'An open milestone of the action, which the report may complete.' })
export class LinkedMilestoneModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  dueDate: string;
}

/**
 * What a report link lets its holder see: the action's code, title, description and open
 * milestones, the round's name and deadline, and the report as it stands. Nothing else of the
 * programme, and no other person than the holder and who sent the link.
 */
@ObjectType('LinkedReport')
export class LinkedReportModel {
  @Field(() => String)
  recipientName: string;

  @Field(() => String)
  sentBy: string;

  @Field(() => String)
  sentFor: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => String)
  actionCode: string;

  @Field(() => String)
  actionTitle: string;

  @Field(() => String)
  actionDescription: string;

  @Field(() => Boolean, { description: 'Progress comes from the milestones: the report gives none of its own.' })
  progressFromMilestones: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The municipality whose own part this report is; null: the action’s.',
  })
  municipalityName: string | null;

  @Field(() => [LinkedMilestoneModel])
  openMilestones: LinkedMilestoneModel[];

  @Field(() => String)
  roundName: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  deadline: string;

  @Field(() => String, { description: 'NOT_STARTED, DRAFT, SUBMITTED or RETURNED.' })
  reportState: string;

  @Field(() => ActionStatusEnum, { nullable: true })
  status: ActionStatus | null;

  @Field(() => Int, { nullable: true })
  progress: number | null;

  @Field(() => HealthEnum, { nullable: true })
  health: Health | null;

  @Field(() => String)
  narrative: string;

  @Field(() => Int)
  version: number;
}

@ObjectType('LinkableReport', {
  description: 'A report of an action in an open round that the viewer may send a link for.',
})
export class LinkableReportModel {
  @Field(() => ID)
  reportId: string;

  @Field(() => String)
  roundName: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  deadline: string;

  @Field(() => String, { nullable: true, description: 'Null: the action’s own report.' })
  municipalityName: string | null;

  @Field(() => ID, { nullable: true, description: 'The lead party, when its contact person can be sent a link.' })
  leadPartyId: string | null;

  @Field(() => String, { nullable: true })
  leadPartyName: string | null;

  @Field(() => String, { nullable: true, description: 'The lead party’s contact person. Personal data.' })
  leadContactName: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data.' })
  leadContactEmail: string | null;
}
