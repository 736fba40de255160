import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { INVOLVEMENT_LEVELS, INVOLVEMENT_ROLES, type InvolvementLevel, type InvolvementRole } from '@tiltak/domain';
import { InvolvementLevelEnum, InvolvementRoleEnum } from '../../models/enums';
import { ISO_DATE } from './action.inputs';

@InputType()
export class CreateMilestoneInput {
  @Field(() => ID)
  @IsUUID()
  actionId: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => String)
  @Matches(ISO_DATE, { message: 'must be a date written YYYY-MM-DD' })
  dueDate: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  weight?: number;
}

@InputType()
export class UpdateMilestoneInput {
  @Field(() => ID)
  @IsUUID()
  milestoneId: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date written YYYY-MM-DD' })
  dueDate?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  weight?: number;
}

@InputType()
export class MilestoneVersionInput {
  @Field(() => ID)
  @IsUUID()
  milestoneId: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'When it was completed; today if left out.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date written YYYY-MM-DD' })
  completedOn?: string;
}

@InputType()
export class AddInvolvementInput {
  @Field(() => ID)
  @IsUUID()
  actionId: string;

  @Field(() => ID)
  @IsUUID()
  partyId: string;

  @Field(() => InvolvementRoleEnum)
  @IsIn(INVOLVEMENT_ROLES)
  role: InvolvementRole;

  @Field(() => InvolvementLevelEnum)
  @IsIn(INVOLVEMENT_LEVELS)
  level: InvolvementLevel;
}

@InputType()
export class UpdateInvolvementInput {
  @Field(() => ID)
  @IsUUID()
  involvementId: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field(() => InvolvementRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(INVOLVEMENT_ROLES)
  role?: InvolvementRole;

  @Field(() => InvolvementLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(INVOLVEMENT_LEVELS)
  level?: InvolvementLevel;
}

@InputType()
export class RemoveInvolvementInput {
  @Field(() => ID)
  @IsUUID()
  involvementId: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;
}
