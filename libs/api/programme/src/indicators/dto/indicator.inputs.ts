import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

const LARGEST = 999_999_999_999;

@ArgsType()
export class IndicatorsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  focusAreaId?: string;
}

@InputType()
export class CreateIndicatorInput {
  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  unit: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
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
  @Field(() => ID)
  @IsUUID()
  indicatorId: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
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
  @Field(() => ID)
  @IsUUID()
  indicatorId: string;

  @Field(() => ID)
  @IsUUID()
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
