import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { type ActionStatus, assessHealth, type Health } from '@tiltak/domain';
import type { ActionEntity } from '@tiltak/api-data-access';
import { PageInfoModel } from '@tiltak/api-core';
import { ActionStatusEnum, HealthEnum } from './enums';
import { HealthCountsModel } from './matrix.model';

@ObjectType('HealthOverride', { description: 'The lead’s own judgement of health, always with a reason.' })
export class HealthOverrideModel {
  @Field(() => HealthEnum)
  health: Health;

  @Field(() => String)
  comment: string;
}

@ObjectType('Action', { description: 'A concrete piece of work in one focus area (tiltak).' })
export class ActionModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Short code, for example LOG-3.' })
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  focusAreaId: string;

  @Field(() => ActionStatusEnum)
  status: ActionStatus;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  startDate: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  dueDate: string;

  @Field(() => Int, { description: '0–100: from the milestones, or the lead’s own figure when there are none.' })
  progress: number;

  manualProgress: number | null;

  @Field(() => Int, { description: 'The action’s weight in roll-ups.' })
  weight: number;

  @Field(() => HealthEnum, { description: 'The lead’s override where there is one, otherwise the computed health.' })
  health: Health;

  @Field(() => HealthEnum, { description: 'Health as the rules compute it from progress and dates.' })
  computedHealth: Health;

  @Field(() => Int, { description: 'The progress a steady pace would have reached by today.' })
  expectedProgress: number;

  @Field(() => Boolean, { description: 'Not finished, and past its due date.' })
  overdue: boolean;

  @Field(() => HealthOverrideModel, { nullable: true })
  healthOverride: HealthOverrideModel | null;

  @Field(() => String, { nullable: true, description: 'The action’s case number (saksnummer) in the archive.' })
  caseReference: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The action’s case in the public record (eInnsyn or the archive).',
  })
  recordUrl: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the action stopped with its period instead of being carried over into the next.',
  })
  endedReason: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => Date)
  updatedAt: Date;
}

export function toActionModel(entity: ActionEntity, today: string): ActionModel {
  const assessed = assessHealth({ ...entity, today });
  return {
    id: entity.id,
    code: entity.code,
    title: entity.title,
    description: entity.description,
    focusAreaId: entity.focusAreaId,
    status: entity.status,
    startDate: entity.startDate,
    dueDate: entity.dueDate,
    progress: entity.progress,
    manualProgress: entity.manualProgress,
    weight: entity.weight,
    health: entity.healthOverride ?? assessed.health,
    computedHealth: assessed.health,
    expectedProgress: assessed.expected,
    overdue: assessed.overdue,
    healthOverride: entity.healthOverride
      ? { health: entity.healthOverride, comment: entity.healthOverrideComment ?? '' }
      : null,
    caseReference: entity.caseReference,
    recordUrl: entity.recordUrl,
    endedReason: entity.endedReason,
    version: entity.version,
    updatedAt: entity.updatedAt,
  };
}

@ObjectType('ActionEdge')
export class ActionEdge {
  @Field(() => ActionModel)
  node: ActionModel;

  @Field(() => String)
  cursor: string;
}

@ObjectType('ActionConnection')
export class ActionConnection {
  @Field(() => [ActionEdge])
  edges: ActionEdge[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('ProgressContribution', { description: 'One action’s part in a rolled-up figure.' })
export class ProgressContributionModel {
  @Field(() => ID)
  actionId: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => ID, { description: 'The municipality whose own figures these are.' })
  municipalityId: string;

  @Field(() => ActionStatusEnum)
  status: ActionStatus;

  @Field(() => Int)
  progress: number;

  @Field(() => Int)
  weight: number;

  @Field(() => HealthEnum)
  health: Health;

  @Field(() => Int, { description: 'The progress a steady pace from start to due date would have reached by today.' })
  expectedProgress: number;
  @Field(() => Int, { description: 'Open milestones past their due date; none once the action is finished here.' })
  overdueMilestones: number;

  @Field(() => Boolean, { description: 'False for cancelled actions, which roll-ups skip.' })
  counted: boolean;
}

@ObjectType('ProgressExplanation', { description: 'How a rolled-up progress figure was computed.' })
export class ProgressExplanationModel {
  @Field(() => Float, { nullable: true, description: 'Weighted mean with one decimal; null when nothing counts.' })
  progress: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The same weighted mean over the actions’ expected progress; null when nothing counts.',
  })
  expectedProgress: number | null;

  @Field(() => Int, { description: 'Σ expected progress × weight over the counted actions.' })
  expectedWeightedSum: number;

  @Field(() => String, { description: 'The rules, in words.' })
  method: string;

  @Field(() => Int)
  weightedSum: number;

  @Field(() => Int)
  totalWeight: number;

  @Field(() => Int, { description: 'The contributions counted, cancelled ones included, as a cell’s actionCount.' })
  actionCount: number;

  @Field(() => HealthCountsModel, { description: 'Health of the contributions that are not cancelled.' })
  byHealth: HealthCountsModel;

  @Field(() => Int)
  overdueMilestones: number;

  @Field(() => [ProgressContributionModel], {
    description: 'One per action and municipality: an action in several municipalities counts once in each.',
  })
  contributions: ProgressContributionModel[];
}
