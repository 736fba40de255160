import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { GoalEntity, InnovationPlanEntity, InnovationPriorityEntity } from '@tiltak/api-data-access';

@ObjectType('Goal', {
  description:
    'A goal of the strategic plan (mål), or a sub-goal (delmål) under one. Goals belong to the region and outlive ' +
    'programme periods; progress rolls up over the actions of the period being read.',
})
export class GoalModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'How the plan numbers it, for example M1 or M1.2.' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => Int)
  version: number;

  parentId: string | null;
}

export function toGoalModel(entity: GoalEntity): GoalModel {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    description: entity.description,
    version: entity.version,
    parentId: entity.parentId,
  };
}

@ObjectType('InnovationPlan', {
  description: 'A version of the regional innovation plan; replacing it makes a new version and keeps the old.',
})
export class InnovationPlanModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: 'The year the plan took effect.' })
  validFrom: number;

  @Field(() => Boolean, { description: 'True once a newer version of the plan replaced it.' })
  replaced: boolean;

  @Field(() => Int)
  version: number;

  replacedById: string | null;
}

export function toInnovationPlanModel(entity: InnovationPlanEntity): InnovationPlanModel {
  return {
    id: entity.id,
    name: entity.name,
    validFrom: entity.validFrom,
    replaced: entity.replacedById !== null,
    version: entity.version,
    replacedById: entity.replacedById,
  };
}

@ObjectType('InnovationPriority', { description: 'A priority (innsatsområde) of one version of the innovation plan.' })
export class InnovationPriorityModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  planId: string;
}

export function toInnovationPriorityModel(entity: InnovationPriorityEntity): InnovationPriorityModel {
  return { id: entity.id, code: entity.code, name: entity.name, planId: entity.planId };
}
