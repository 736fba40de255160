import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  type ActionStatus,
  formatPeriod,
  type Health,
  type InvolvementLevel,
  type InvolvementRole,
  type ProgressSource,
} from '@tiltak/domain';
import type { PeriodHistoryEntry, InvolvementEntity, MilestoneEntity, UserEntity } from '@tiltak/api-data-access';
import { ActionStatusEnum, HealthEnum, InvolvementLevelEnum, InvolvementRoleEnum, ProgressSourceEnum } from './enums';
import { MunicipalityModel } from './municipality.model';
import { PartyModel } from './party.model';

@ObjectType('Milestone', { description: 'A dated checkpoint of an action (milepæl).' })
export class MilestoneModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  actionId: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  dueDate: string;

  @Field(() => Int)
  weight: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while open.' })
  completedOn: string | null;

  @Field(() => Boolean)
  overdue: boolean;

  @Field(() => Int)
  version: number;
}

export function toMilestoneModel(entity: MilestoneEntity, today: string): MilestoneModel {
  return {
    id: entity.id,
    actionId: entity.actionId,
    title: entity.title,
    dueDate: entity.dueDate,
    weight: entity.weight,
    completedOn: entity.completedOn,
    overdue: entity.completedOn === null && entity.dueDate < today,
    version: entity.version,
  };
}

@ObjectType('ProjectLead', {
  description: 'A project lead: a person who acts for a party and may update the actions they lead. Personal data.',
})
export class ProjectLeadModel {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => ID, { description: 'The party they act for.' })
  partyId: string;
}

/** A project lead as the API shows them; null for a user who acts for no party (not a project lead). */
export function toProjectLeadModel(user: UserEntity): ProjectLeadModel | null {
  return user.partyId ? { userId: user.id, name: user.name, email: user.email, partyId: user.partyId } : null;
}

@ObjectType('Involvement', { description: 'A party’s part in an action.' })
export class InvolvementModel {
  @Field(() => ID)
  id: string;

  actionId: string;

  @Field(() => PartyModel)
  party: PartyModel;

  @Field(() => InvolvementRoleEnum)
  role: InvolvementRole;

  @Field(() => InvolvementLevelEnum)
  level: InvolvementLevel;

  @Field(() => Int)
  version: number;
}

export function toInvolvementModel(entity: InvolvementEntity, party: PartyModel): InvolvementModel {
  return {
    id: entity.id,
    actionId: entity.actionId,
    party,
    role: entity.role,
    level: entity.level,
    version: entity.version,
  };
}

@ObjectType('ActionMunicipality', {
  description: 'A municipality the action concerns, with its own pace. Empty own figures follow the action.',
})
export class ActionMunicipalityModel {
  actionId: string;

  @Field(() => MunicipalityModel)
  municipality: MunicipalityModel;

  @Field(() => ActionStatusEnum, { description: 'The local status, or the action’s.' })
  status: ActionStatus;

  @Field(() => Int, { description: 'The local progress, or the action’s.' })
  progress: number;

  @Field(() => HealthEnum)
  health: Health;

  @Field(() => ActionStatusEnum, { nullable: true })
  ownStatus: ActionStatus | null;

  @Field(() => Int, { nullable: true })
  ownProgress: number | null;

  @Field(() => String)
  note: string;

  @Field(() => Int)
  version: number;
}

@ObjectType('StatusUpdate', { description: 'A dated entry in an action’s history.' })
export class StatusUpdateModel {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => ActionStatusEnum)
  status: ActionStatus;

  @Field(() => Int)
  progress: number;

  @Field(() => HealthEnum)
  health: Health;

  @Field(() => String)
  comment: string;

  /** Personal data: reaches the response only through the `author` field's permission check. */
  authorName: string;

  @Field(() => String, { description: 'The programme period the entry was made in, for example 2021–2024.' })
  period: string;

  @Field(() => Boolean, {
    description: 'Made on the action this one continues, in an earlier period (carried over in a revision).',
  })
  earlierPeriod: boolean;
}

export function toStatusUpdateModel(entity: PeriodHistoryEntry): StatusUpdateModel {
  return {
    period: formatPeriod(entity.period),
    earlierPeriod: entity.earlierPeriod,
    id: entity.id,
    createdAt: entity.createdAt,
    status: entity.status,
    progress: entity.progress,
    health: entity.health,
    comment: entity.comment,
    authorName: entity.authorName,
  };
}

@ObjectType('MilestoneContribution')
export class MilestoneContributionModel {
  @Field(() => ID)
  milestoneId: string;

  @Field(() => String)
  title: string;

  @Field(() => Int)
  weight: number;

  @Field(() => Boolean)
  completed: boolean;
}

@ObjectType('ActionProgressExplanation', { description: 'How the action’s progress and health were computed.' })
export class ActionProgressExplanationModel {
  @Field(() => ProgressSourceEnum)
  source: ProgressSource;

  @Field(() => Int)
  progress: number;

  @Field(() => String)
  method: string;

  @Field(() => [MilestoneContributionModel])
  milestones: MilestoneContributionModel[];

  @Field(() => Int)
  expectedProgress: number;

  @Field(() => Int, { description: 'Expected minus actual, in percentage points; positive when behind.' })
  gap: number;

  @Field(() => HealthEnum)
  computedHealth: Health;

  @Field(() => String)
  healthRule: string;
}
