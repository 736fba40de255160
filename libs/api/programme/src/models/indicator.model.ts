import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { type AdoptionStatus, type IndicatorSource, isComputedSource } from '@tiltak/domain';
import type { AdoptionEntity, IndicatorEntity, IndicatorValueEntity } from '@tiltak/api-data-access';
import { AdoptionStatusEnum } from './enums';
import { IndicatorSourceEnum } from '../networks/models/enums';

@ObjectType('IndicatorValue', { description: 'One year’s measured value in one municipality.' })
export class IndicatorValueModel {
  @Field(() => ID)
  municipalityId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Float)
  value: number;

  @Field(() => Int, { description: 'The typed value’s version; 0 for a value computed from the register.' })
  version: number;

  @Field(() => Boolean, { description: 'Computed from the register (see networks), not typed.' })
  computed: boolean;

  /** A computed value's networks, for `networks`. */
  networkIds: string[];
}

export function toIndicatorValueModel(entity: IndicatorValueEntity): IndicatorValueModel {
  return {
    municipalityId: entity.municipalityId,
    year: entity.year,
    value: entity.value,
    version: entity.version,
    computed: false,
    networkIds: [],
  };
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

  @Field(() => IndicatorSourceEnum)
  source: IndicatorSource;

  @Field(() => String, {
    nullable: true,
    description:
      'SSB: the table id, such as 07459. OTHER: the source’s name. MANUAL: where the values were taken from.',
  })
  sourceReference: string | null;

  @Field(() => Int, { description: 'Months after a year ends before its figures are published.' })
  publicationLagMonths: number;

  @Field(() => Boolean, {
    description: 'Whether the municipalities’ values add up to the region’s (counts do; shares and averages do not).',
  })
  summable: boolean;

  @Field(() => Boolean, { description: 'Computed from the register: setIndicatorValue refuses it (COMPUTED).' })
  computed: boolean;

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
    source: entity.source,
    sourceReference: entity.sourceReference,
    publicationLagMonths: entity.publicationLagMonths,
    summable: entity.summable,
    computed: isComputedSource(entity.source),
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
