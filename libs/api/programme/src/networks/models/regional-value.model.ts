import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { MunicipalityModel } from '../../models/municipality.model';
import { type RegionalMethod, RegionalMethodEnum } from './enums';

/**
 * The region's value of an indicator in one year, beside the municipalities' values, with what it
 * was made of: so a reader can check it rather than trust it.
 */
@ObjectType('RegionalIndicatorValue', { description: 'The region’s value in one year, and how it was made.' })
export class RegionalIndicatorValueModel {
  @Field(() => Int)
  year: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Null where no regional total is meaningful: INCOMPLETE or NOT_SUMMABLE.',
  })
  value: number | null;

  @Field(() => RegionalMethodEnum)
  method: RegionalMethod;

  @Field(() => Int, { description: 'The municipalities of the region.' })
  municipalityCount: number;

  @Field(() => Int, { description: 'How many of them have a value for the year.' })
  reportedMunicipalityCount: number;

  @Field(() => [MunicipalityModel], { description: 'Those with no value for the year, by name.' })
  missingMunicipalities: MunicipalityModel[];

  @Field(() => Float, {
    description:
      'What the municipalities’ values add up to. For a register indicator this can exceed the region’s value: a network with members in two municipalities counts in both, but once in the region.',
  })
  sumOfMunicipalValues: number;

  /** The networks counted (register indicators only), for `networks`. */
  networkIds: string[];
}
