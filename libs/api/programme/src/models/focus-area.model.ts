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

  @Field(() => String, { nullable: true, description: 'The regional innovation plan priority it serves.' })
  innovationPlanPriority: string | null;

  @Field(() => Int)
  version: number;
}

export function toFocusAreaModel(entity: FocusAreaEntity): FocusAreaModel {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    description: entity.description,
    innovationPlanPriority: entity.innovationPlanPriority,
    version: entity.version,
  };
}
