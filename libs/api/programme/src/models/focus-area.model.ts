import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { FocusAreaEntity } from '@tiltak/api-data-access';

@ObjectType('FocusArea', { description: 'A prioritised sector or theme of the programme (satsingsområde).' })
export class FocusAreaModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Prefix of the area’s action codes, for example LOG.' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  /** Resolved by the goals feature, which owns goals and the innovation plan. */
  goalId: string | null;

  innovationPriorityId: string | null;

  @Field(() => Int)
  version: number;
}

export function toFocusAreaModel(entity: FocusAreaEntity): FocusAreaModel {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    description: entity.description,
    goalId: entity.goalId,
    innovationPriorityId: entity.innovationPriorityId,
    version: entity.version,
  };
}
