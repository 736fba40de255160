import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@tiltak/api-core';
import type { MailOutboxEntity } from '@tiltak/api-data-access';
import { MAIL_STATES, type MailState } from '@tiltak/domain';

export const MailStateEnum = Object.fromEntries(MAIL_STATES.map((s) => [s, s])) as Record<MailState, MailState>;
registerEnumType(MailStateEnum, {
  name: 'MailState',
  description:
    'QUEUED (waiting to be sent), SENT (accepted by the SMTP server), KEPT (no SMTP_URL: kept here to be read), FAILED (given up after its attempts).',
});

@ObjectType('OutboxMail', { description: 'A mail Tiltak sent or kept. Admins only.' })
export class OutboxMailModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'ROUND_OPENED, REMINDER, or another kind of mail.' })
  kind: string;

  @Field(() => String)
  recipient: string;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  text: string;

  @Field(() => String, { description: 'nb, nn or en.' })
  language: string;

  @Field(() => MailStateEnum)
  state: MailState;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true, description: 'What the SMTP server said at the last failed attempt.' })
  lastError: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;
}

export function toOutboxMailModel(row: MailOutboxEntity): OutboxMailModel {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    text: row.text,
    language: row.language,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

@ObjectType('OutboxMailEdge')
export class OutboxMailEdge {
  @Field(() => OutboxMailModel)
  node: OutboxMailModel;

  @Field(() => String)
  cursor: string;
}

@ObjectType('OutboxMailConnection')
export class OutboxMailConnection {
  @Field(() => [OutboxMailEdge])
  edges: OutboxMailEdge[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
