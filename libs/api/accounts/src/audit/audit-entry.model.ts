import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@tiltak/api-core';
import type { AuditEntryRow } from '@tiltak/api-data-access';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@tiltak/domain';

export const AuditActionEnum = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, a])) as Record<AuditAction, AuditAction>;
registerEnumType(AuditActionEnum, { name: 'AuditAction', description: 'What happened to an account.' });

export const AuditOutcomeEnum = Object.fromEntries(AUDIT_OUTCOMES.map((o) => [o, o])) as Record<
  AuditOutcome,
  AuditOutcome
>;
registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  description:
    'SUCCESS; WRONG_CREDENTIALS (unknown address, wrong password or inactive account); THROTTLED (refused before the password was checked); REFUSED (single sign-on not accepted); IDLE or LIFETIME (a session that ran out).',
});

@ObjectType('AuditEntry', { description: 'One entry of the audit log of accounts. Never holds a password.' })
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => AuditActionEnum)
  action: AuditAction;

  @Field(() => AuditOutcomeEnum)
  outcome: AuditOutcome;

  @Field(() => ID, { nullable: true, description: 'Who did it: the user themselves, or the admin who changed them.' })
  actorUserId: string | null;

  @Field(() => String, { nullable: true, description: 'The e-mail address of whoever did it.' })
  actorEmail: string | null;

  @Field(() => ID, { nullable: true, description: 'The account concerned; null for an address with no account.' })
  userId: string | null;

  @Field(() => String, { nullable: true, description: 'The account’s e-mail address, or the one typed at sign-in.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'The client’s network address (see TRUST_PROXY).' })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Details as JSON: the role before and after, the method.' })
  detail: string | null;
}

export function toAuditEntryModel(row: AuditEntryRow): AuditEntryModel {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    action: row.action,
    outcome: row.outcome,
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    userId: row.userId,
    email: row.email,
    address: row.address,
    detail: row.detail ? JSON.stringify(row.detail) : null,
  };
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdge {
  @Field(() => AuditEntryModel)
  node: AuditEntryModel;

  @Field(() => String)
  cursor: string;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
