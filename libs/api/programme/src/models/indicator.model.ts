import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AdoptionStatus } from '@tiltak/domain';
import type { AdoptionEntity, IndicatorEntity, IndicatorValueEntity } from '@tiltak/api-data-access';
import { AdoptionStatusEnum } from './enums';

@ObjectType('IndicatorValue', { description: 'One year’s measured value in one municipality.' })
export class IndicatorValueModel {
  @Field(() => ID)
  municipalityId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Float)
  value: number;

  @Field(() => Int)
  version: number;
}

export function toIndicatorValueModel(entity: IndicatorValueEntity): IndicatorValueModel {
  return { municipalityId: entity.municipalityId, year: entity.year, value: entity.value, version: entity.version };
}

@ObjectType('Indicator', { description: 'A measured effect of the programme (indikator).' })
export class IndicatorModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  focusAreaId: string | null;

  @Field(() => String)
  name: string;

  @Field(() => String)
  unit: string;

  @Field(() => Float)
  baseline: number;

  @Field(() => Float)
  target: number;

  @Field(() => Int)
  targetYear: number;

  @Field(() => Int)
  version: number;
}

export function toIndicatorModel(entity: IndicatorEntity): IndicatorModel {
  return {
    id: entity.id,
    focusAreaId: entity.focusAreaId,
    name: entity.name,
    unit: entity.unit,
    baseline: entity.baseline,
    target: entity.target,
    targetYear: entity.targetYear,
    version: entity.version,
  };
}

@ObjectType('Adoption', { description: 'A municipality’s political decision on the programme or one focus area.' })
export class AdoptionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  municipalityId: string;

  @Field(() => ID, { nullable: true, description: 'Null: the whole programme.' })
  focusAreaId: string | null;

  @Field(() => AdoptionStatusEnum)
  status: AdoptionStatus;

  @Field(() => String, { nullable: true })
  decidedOn: string | null;

  @Field(() => String, { description: 'The case number (saksnummer) of the latest decision.' })
  caseReference: string;

  @Field(() => String, { nullable: true, description: 'The latest decision in the public record.' })
  recordUrl: string | null;

  @Field(() => Int)
  version: number;
}

export function toAdoptionModel(entity: AdoptionEntity): AdoptionModel {
  return {
    id: entity.id,
    municipalityId: entity.municipalityId,
    focusAreaId: entity.focusAreaId,
    status: entity.status,
    decidedOn: entity.decidedOn,
    caseReference: entity.caseReference,
    recordUrl: entity.recordUrl,
    version: entity.version,
  };
}
