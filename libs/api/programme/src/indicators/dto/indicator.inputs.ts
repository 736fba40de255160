import { ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

const LARGEST = 999_999_999_999;

@ArgsType()
export class IndicatorsArgs {
  @IdField({ nullable: true })
  focusAreaId?: string;
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
