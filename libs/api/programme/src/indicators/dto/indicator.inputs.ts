import { ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import {
  INDICATOR_SOURCES,
  type IndicatorSource,
  MAX_PUBLICATION_LAG_MONTHS,
  MAX_SOURCE_REFERENCE_LENGTH,
} from '@tiltak/domain';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IndicatorSourceEnum } from '../../networks/models/enums';

const LARGEST = 999_999_999_999;

@ArgsType()
export class IndicatorsArgs {
  @IdField({ nullable: true })
  focusAreaId?: string;
}

@ArgsType()
export class IndicatorArgs {
  @IdField()
  id: string;
}

@InputType()
export class CreateIndicatorInput {
  @TextField({ min: 1, max: 200 })
  name: string;

  @TextField({ min: 1, max: 50 })
  unit: string;

  @IdField({ nullable: true })
  focusAreaId?: string;

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(-LARGEST)
  @Max(LARGEST)
  baseline: number;

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(-LARGEST)
  @Max(LARGEST)
  target: number;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  targetYear: number;

  @Field(() => IndicatorSourceEnum, { nullable: true, description: 'MANUAL when left out.' })
  @IsOptional()
  @IsIn(INDICATOR_SOURCES)
  source?: IndicatorSource;

  @TextField({ nullable: true, max: MAX_SOURCE_REFERENCE_LENGTH, description: 'SSB: the five-digit table id.' })
  sourceReference?: string | null;

  @Field(() => Int, { nullable: true, description: '0 when left out.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PUBLICATION_LAG_MONTHS)
  publicationLagMonths?: number;

  @Field(() => Boolean, { nullable: true, description: 'True when left out: the values add up to the region’s.' })
  @IsOptional()
  @IsBoolean()
  summable?: boolean;
}

@InputType()
export class UpdateIndicatorInput {
  @IdField()
  indicatorId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, min: 1, max: 200 })
  name?: string;

  @TextField({ nullable: true, min: 1, max: 50 })
  unit?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(-LARGEST)
  @Max(LARGEST)
  baseline?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(-LARGEST)
  @Max(LARGEST)
  target?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  targetYear?: number;

  @Field(() => IndicatorSourceEnum, { nullable: true, description: 'Left out: as it is.' })
  @IsOptional()
  @IsIn(INDICATOR_SOURCES)
  source?: IndicatorSource;

  @TextField({
    nullable: true,
    max: MAX_SOURCE_REFERENCE_LENGTH,
    description: 'SSB: the five-digit table id. Null clears it; left out: as it is.',
  })
  sourceReference?: string | null;

  @Field(() => Int, { nullable: true, description: 'Left out: as it is.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PUBLICATION_LAG_MONTHS)
  publicationLagMonths?: number;

  @Field(() => Boolean, { nullable: true, description: 'Left out: as it is.' })
  @IsOptional()
  @IsBoolean()
  summable?: boolean;
}

@InputType({ description: 'One year’s value in one municipality; expectedVersion is required when one exists.' })
export class SetIndicatorValueInput {
  @IdField()
  indicatorId: string;

  @IdField()
  municipalityId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(-LARGEST)
  @Max(LARGEST)
  value: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}
