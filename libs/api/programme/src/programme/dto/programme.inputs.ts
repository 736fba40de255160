import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ADOPTION_STATUSES, type AdoptionStatus } from '@tiltak/domain';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { AdoptionStatusEnum } from '../../models/enums';

@ArgsType()
export class ExplainProgressArgs {
  @Field(() => ID, { nullable: true, description: 'Only this municipality, on its own figures.' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this focus area.' })
  @IsOptional()
  @IsUUID()
  focusAreaId?: string;
}

@InputType()
export class CreateFocusAreaInput {
  @Field(() => String, { description: 'Prefix of its action codes: 2–6 capital letters.' })
  @Matches(/^[A-Z]{2,6}$/, { message: 'must be 2–6 capital letters A–Z' })
  code: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  innovationPlanPriority?: string;
}

@InputType()
export class UpdateFocusAreaInput {
  @Field(() => ID)
  @IsUUID()
  focusAreaId: string;

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
  @MaxLength(10_000)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  innovationPlanPriority?: string | null;
}

@InputType({ description: 'Records a municipality’s decision; expectedVersion is required when one exists.' })
export class SetAdoptionInput {
  @Field(() => ID)
  @IsUUID()
  municipalityId: string;

  @Field(() => ID, { nullable: true, description: 'Leave out for the whole programme.' })
  @IsOptional()
  @IsUUID()
  focusAreaId?: string;

  @Field(() => AdoptionStatusEnum)
  @IsIn(ADOPTION_STATUSES)
  status: AdoptionStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required once adopted or rejected.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  decidedOn?: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  caseReference: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}
