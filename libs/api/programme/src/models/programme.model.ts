import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { formatPeriod } from '@tiltak/domain';
import type { ProgrammeEntity } from '@tiltak/api-data-access';

@ObjectType('Programme', { description: 'One period’s action programme (handlingsprogram).' })
export class ProgrammeModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  startYear: number;

  @Field(() => Int)
  endYear: number;

  @Field(() => String, { description: 'The period as people write it, for example 2025–2028.' })
  period: string;
}

export function toProgrammeModel(entity: ProgrammeEntity): ProgrammeModel {
  return {
    id: entity.id,
    name: entity.name,
    startYear: entity.startYear,
    endYear: entity.endYear,
    period: formatPeriod(entity),
  };
}
