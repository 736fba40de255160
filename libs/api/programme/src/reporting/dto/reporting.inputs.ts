import { applyDecorators } from '@nestjs/common';
import { Field, InputType, Int } from '@nestjs/graphql';
import { DateField, ExpectedVersionField, IdField, IdListField, TextField } from '@tiltak/api-core';
import { ACTION_STATUSES, type ActionStatus, type Health, HEALTHS, ROUND_LIMITS } from '@tiltak/domain';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ActionStatusEnum, HealthEnum } from '../../models/enums';

/** The most actions one round takes by name: more than a programme has. */
const MAX_ROUND_ACTIONS = 1000;

/** Reminder days: a short list of day counts, each within the longest grace period. */
function ReminderDaysField(description: string) {
  return applyDecorators(
    Field(() => [Int], { nullable: true, description }),
    IsOptional(),
    IsInt({ each: true }),
    Min(0, { each: true }),
    Max(ROUND_LIMITS.maxReminderDays, { each: true }),
    ArrayMaxSize(10),
  );
}

function GraceDaysField() {
  return applyDecorators(
    Field(() => Int, { nullable: true, description: `0–${ROUND_LIMITS.maxGraceDays} (default 7).` }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(ROUND_LIMITS.maxGraceDays),
  );
}

@InputType()
export class OpenReportingRoundInput {
  @TextField({ min: 1, max: ROUND_LIMITS.nameLength, description: 'For example “2. tertial 2026”.' })
  name: string;

  @DateField({ description: 'YYYY-MM-DD, today or later.' })
  deadline: string;

  @GraceDaysField()
  graceDays?: number;

  @ReminderDaysField('Days before the deadline a reminder goes (default 7 and 1; 0: on the deadline day).')
  reminderDaysBefore?: number[];

  @ReminderDaysField('Days after the deadline, within the grace period, a reminder goes (default 1).')
  reminderDaysAfter?: number[];

  @IdListField({
    nullable: true,
    min: 1,
    max: MAX_ROUND_ACTIONS,
    description: 'The actions that report. Default: every action under way (in progress, or started by its date).',
  })
  actionIds?: string[];
}

@InputType()
export class UpdateReportingRoundInput {
  @IdField()
  roundId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, min: 1, max: ROUND_LIMITS.nameLength })
  name?: string;

  @DateField({ nullable: true })
  deadline?: string;

  @GraceDaysField()
  graceDays?: number;

  @ReminderDaysField('Days before the deadline a reminder goes.')
  reminderDaysBefore?: number[];

  @ReminderDaysField('Days after the deadline a reminder goes.')
  reminderDaysAfter?: number[];
}

@InputType({ description: 'A report saved as a draft, or submitted (submit: true).' })
export class SaveReportInput {
  @IdField()
  reportId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @Field(() => ActionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @Field(() => Int, { nullable: true, description: '0–100; only for actions (or parts) without milestones.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @Field(() => HealthEnum, {
    nullable: true,
    description: 'The reporter’s judgement; left out, the health is as the rules compute it.',
  })
  @IsOptional()
  @IsIn(HEALTHS)
  health?: Health;

  @TextField({
    nullable: true,
    max: ROUND_LIMITS.narrativeLength,
    description: 'Required to submit when the health is AT_RISK or OFF_TRACK.',
  })
  narrative?: string;

  @IdListField({
    nullable: true,
    description: 'Milestones of the action this report completes (today); only when submitting.',
  })
  completeMilestoneIds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'True: submit. False or left out: save as a draft.' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

@InputType()
export class ReturnReportInput {
  @IdField()
  reportId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ min: 1, max: 2000, description: 'What the reporter should look at again.' })
  comment: string;
}

@InputType({ description: 'Where a submitted report is filed: its case number and link. A field left out stays.' })
export class FileReportInput {
  @IdField()
  reportId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({
    nullable: true,
    max: 50,
    description: 'The case number (saksnummer), such as 2026/2841-5. Null or empty clears it.',
  })
  caseReference?: string | null;

  @TextField({
    nullable: true,
    max: 500,
    description: 'The report in the public record: an https address. Null or empty clears it.',
  })
  recordUrl?: string | null;
}
