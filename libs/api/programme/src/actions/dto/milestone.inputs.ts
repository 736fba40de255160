import { DateField, ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

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
