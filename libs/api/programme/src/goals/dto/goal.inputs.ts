import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ExpectedVersionField, IdField, IdListField, TextField } from '@tiltak/api-core';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

/** A goal's code as the plan numbers it: a capital letter, then letters, digits and dots. */
export const GOAL_CODE = /^[A-Z][A-Z0-9.]{0,11}$/;

/** How many priorities one version of the innovation plan may have. */
export const MAX_PRIORITIES = 30;

@InputType()
export class CreateGoalInput {
  @Field(() => String, { description: 'For example M1, or M1.2 for a sub-goal: a capital letter, then A–Z, 0–9, ".".' })
  @Matches(GOAL_CODE, { message: 'must start with a capital letter, followed by up to 11 of A–Z, 0–9 and "."' })
  code: string;

  @TextField({ min: 1, max: 200 })
  name: string;

  @TextField({ nullable: true, max: 10_000 })
  description?: string;

  @IdField({ nullable: true, description: 'The goal this is a sub-goal of; leave out for a goal.' })
  parentId?: string;
}

@InputType()
export class UpdateGoalInput {
  @IdField()
  goalId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(GOAL_CODE, { message: 'must start with a capital letter, followed by up to 11 of A–Z, 0–9 and "."' })
  code?: string;

  @TextField({ nullable: true, min: 1, max: 200 })
  name?: string;

  @TextField({ nullable: true, max: 10_000 })
  description?: string;
}

@InputType()
export class DeleteGoalInput {
  @IdField()
  goalId: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

@InputType()
export class SetActionGoalsInput {
  @IdField()
  actionId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @IdListField({ max: 20, description: 'Every goal the action serves; an empty list takes them all away.' })
  goalIds: string[];
}

@InputType()
export class SetFocusAreaGoalInput {
  @IdField()
  focusAreaId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @IdField({ nullable: true, description: 'Leave out (or null) for no goal.' })
  goalId?: string | null;
}

@InputType()
export class InnovationPriorityInput {
  @Field(() => String, { description: 'For example P1: a capital letter, then A–Z, 0–9, ".".' })
  @Matches(GOAL_CODE, { message: 'must start with a capital letter, followed by up to 11 of A–Z, 0–9 and "."' })
  code: string;

  @TextField({ min: 1, max: 200 })
  name: string;
}

@InputType()
export class CreateInnovationPlanInput {
  @TextField({ min: 1, max: 200 })
  name: string;

  @Field(() => Int, { description: 'The year the plan takes effect.' })
  @IsInt()
  @Min(1900)
  @Max(2200)
  validFrom: number;

  @Field(() => [InnovationPriorityInput])
  @ValidateNested({ each: true })
  @Type(() => InnovationPriorityInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PRIORITIES)
  priorities: InnovationPriorityInput[];
}

@InputType({ description: 'A new version of the plan in force; links to the old version’s priorities stay.' })
export class ReplaceInnovationPlanInput extends CreateInnovationPlanInput {
  @IdField({ description: 'The plan in force that the new version replaces.' })
  planId: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

@InputType()
export class SetActionInnovationPrioritiesInput {
  @IdField()
  actionId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @IdListField({ max: MAX_PRIORITIES })
  priorityIds: string[];
}

@InputType()
export class SetFocusAreaInnovationPriorityInput {
  @IdField()
  focusAreaId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @IdField({ nullable: true, description: 'Leave out (or null) for none.' })
  priorityId?: string | null;
}

@ArgsType()
export class GoalArgs {
  @IdField()
  id: string;
}
