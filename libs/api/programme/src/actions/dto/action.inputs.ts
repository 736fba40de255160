import { DateField, ExpectedVersionField, IdField, IdListField, MAX_LIST_ITEMS, TextField } from '@tiltak/api-core';
import { Field, InputType, Int } from '@nestjs/graphql';
import type { ActionStatus, Health } from '@tiltak/domain';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ACTION_STATUSES, HEALTHS } from '@tiltak/domain';
import { ActionStatusEnum, HealthEnum } from '../../models/enums';

@InputType()
export class ActionFilterInput {
  @IdListField({ nullable: true, description: `At most ${MAX_LIST_ITEMS}.` })
  municipalityIds?: string[];

  @IdListField({ nullable: true, description: `At most ${MAX_LIST_ITEMS}.` })
  focusAreaIds?: string[];

  @Field(() => [ActionStatusEnum], {
    nullable: true,
    description: 'With exactly one municipality in municipalityIds, by that municipality’s own status.',
  })
  @IsOptional()
  @IsIn(ACTION_STATUSES, { each: true })
  @ArrayMaxSize(MAX_LIST_ITEMS)
  statuses?: ActionStatus[];

  @Field(() => [HealthEnum], {
    nullable: true,
    description: 'With exactly one municipality in municipalityIds, by that municipality’s own health.',
  })
  @IsOptional()
  @IsIn(HEALTHS, { each: true })
  @ArrayMaxSize(MAX_LIST_ITEMS)
  healths?: Health[];

  @IdListField({ nullable: true, description: `At most ${MAX_LIST_ITEMS}.` })
  partyIds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Unfinished and past due, or with an overdue milestone.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @TextField({
    nullable: true,
    description: 'Words in the code, title or description, or in the name of a party involved.',
    max: 200,
  })
  text?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the actions the viewer may update the status of (true), or only the others (false).',
  })
  @IsOptional()
  @IsBoolean()
  updatableByViewer?: boolean;
}

@InputType()
export class CreateActionInput {
  @Field(() => String, { description: 'For example LOG-3: the focus area’s code, a dash, a number.' })
  @Matches(/^[A-Z]{2,6}-[0-9]{1,4}$/, { message: 'must look like LOG-3' })
  code: string;

  @TextField({ min: 1, max: 200 })
  title: string;

  @TextField({ nullable: true, max: 10_000 })
  description?: string;

  @IdField()
  focusAreaId: string;

  @IdListField({ description: 'The municipalities the action concerns: one, several or all.', min: 1, max: 50 })
  municipalityIds: string[];

  @DateField()
  startDate: string;

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
export class UpdateActionInput {
  @IdField()
  actionId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, min: 1, max: 200 })
  title?: string;

  @TextField({ nullable: true, max: 10_000 })
  description?: string;

  @IdField({ nullable: true })
  focusAreaId?: string;

  @IdListField({ nullable: true, min: 1, max: 50 })
  municipalityIds?: string[];

  @DateField({ nullable: true })
  startDate?: string;

  @DateField({ nullable: true })
  dueDate?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  weight?: number;

  @TextField({
    nullable: true,
    max: 50,
    description: 'The action’s case number (saksnummer), such as 2025/1432-3. Null or empty clears it.',
  })
  caseReference?: string | null;

  @TextField({
    nullable: true,
    max: 500,
    description: 'The action’s case in the public record: an https address. Null or empty clears it.',
  })
  recordUrl?: string | null;
}

/** The fields of an action an update changes; a proposal carries the same. */
export type ActionChanges = Omit<UpdateActionInput, 'actionId' | 'expectedVersion'>;

@InputType({ description: 'A project lead’s update: only actionId and expectedVersion are required.' })
export class UpdateActionStatusInput {
  @IdField()
  actionId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @Field(() => ActionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @Field(() => Int, { nullable: true, description: '0–100; only for actions without milestones.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @Field(() => HealthEnum, {
    nullable: true,
    description:
      'Override the computed health (needs a comment). Null, or the computed value, clears the override: the health is then as computed. Left out, an override stays.',
  })
  @IsOptional()
  @IsIn(HEALTHS)
  health?: Health | null;

  @TextField({ nullable: true, max: 2000 })
  comment?: string;
}

@InputType({ description: 'A municipality’s own pace on an action. Null figures follow the action.' })
export class UpdateActionMunicipalityInput {
  @IdField()
  actionId: string;

  @IdField()
  municipalityId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @Field(() => ActionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number | null;

  @TextField({ nullable: true, max: 500 })
  note?: string;
}
