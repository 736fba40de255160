import { DateField, ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { INVOLVEMENT_LEVELS, INVOLVEMENT_ROLES, type InvolvementLevel, type InvolvementRole } from '@tiltak/domain';
import { InvolvementLevelEnum, InvolvementRoleEnum } from '../../models/enums';

@InputType()
export class CreateMilestoneInput {
  @IdField()
  actionId: string;

  @TextField({ min: 1, max: 200 })
  title: string;

  @DateField()
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
  @IdField()
  milestoneId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, min: 1, max: 200 })
  title?: string;

  @DateField({ nullable: true })
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
  @IdField()
  milestoneId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @DateField({ nullable: true, description: 'When it was completed; today if left out.' })
  completedOn?: string;
}

@InputType()
export class AddInvolvementInput {
  @IdField()
  actionId: string;

  @IdField()
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
  @IdField()
  involvementId: string;

  @ExpectedVersionField()
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
  @IdField()
  involvementId: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

@InputType()
export class ProjectLeadInput {
  @IdField()
  actionId: string;

  @IdField({ description: 'An active user with the project lead role.' })
  userId: string;
}
