import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { MunicipalityEntity } from '@tiltak/api-data-access';

@ObjectType('Municipality', { description: 'One of the municipalities that own the programme (kommune).' })
export class MunicipalityModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  name: string;
}

export function toMunicipalityModel(entity: MunicipalityEntity): MunicipalityModel {
  return { id: entity.id, slug: entity.slug, name: entity.name };
}
