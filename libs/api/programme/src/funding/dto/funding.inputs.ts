import { applyDecorators } from '@nestjs/common';
import { Field, InputType, Int } from '@nestjs/graphql';
import { ExpectedVersionField, IdField, KronerField, TextField } from '@tiltak/api-core';
import {
  FUNDING_SOURCES,
  FUNDING_STATUSES,
  FUNDING_YEARS,
  type FundingSource,
  type FundingStatus,
  MAX_EFFORT_HOURS,
  MAX_FUNDER_NAME_LENGTH,
  MAX_FUNDING_REFERENCE_LENGTH,
} from '@tiltak/domain';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FundingSourceEnum, FundingStatusEnum } from '../models/funding.model';

const optional = (nullable: boolean) => (nullable ? [IsOptional()] : []);

function YearField(nullable = false) {
  return applyDecorators(
    Field(() => Int, { nullable, description: `${FUNDING_YEARS.min}–${FUNDING_YEARS.max}.` }),
    ...optional(nullable),
    IsInt(),
    Min(FUNDING_YEARS.min),
    Max(FUNDING_YEARS.max),
  );
}

function SourceField(nullable = false) {
  return applyDecorators(
    Field(() => FundingSourceEnum, { nullable }),
    ...optional(nullable),
    IsIn([...FUNDING_SOURCES]),
  );
}

function StatusField(nullable = false) {
  return applyDecorators(
    Field(() => FundingStatusEnum, { nullable }),
    ...optional(nullable),
    IsIn([...FUNDING_STATUSES]),
  );
}

@InputType()
export class SetActionBudgetInput {
  @IdField()
  actionId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @KronerField({ nullable: true, description: 'Whole kroner; null: no budget given.' })
  budget: number | null;
}

@InputType()
export class RecordFundingLineInput {
  @IdField()
  actionId: string;

  @SourceField()
  source: FundingSource;

  @IdField({ nullable: true, description: 'Required for MUNICIPALITY, one of the action’s municipalities; else none.' })
  municipalityId?: string | null;

  @TextField({
    nullable: true,
    max: MAX_FUNDER_NAME_LENGTH,
    description: 'Required for OTHER, PRIVATE and EU: whose money it is.',
  })
  sourceName?: string | null;

  @StatusField()
  status: FundingStatus;

  @KronerField({ description: 'Whole kroner, more than 0.' })
  amount: number;

  @YearField()
  year: number;

  @TextField({ nullable: true, max: MAX_FUNDING_REFERENCE_LENGTH, description: 'The funder’s case number.' })
  reference?: string | null;
}

@InputType()
export class UpdateFundingLineInput {
  @IdField()
  fundingLineId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @SourceField(true)
  source?: FundingSource;

  @IdField({ nullable: true, description: 'Give it when the source is or becomes MUNICIPALITY.' })
  municipalityId?: string | null;

  @TextField({ nullable: true, max: MAX_FUNDER_NAME_LENGTH })
  sourceName?: string | null;

  @StatusField(true)
  status?: FundingStatus;

  @KronerField({ nullable: true })
  amount?: number;

  @YearField(true)
  year?: number;

  @TextField({ nullable: true, max: MAX_FUNDING_REFERENCE_LENGTH })
  reference?: string | null;
}

@InputType()
export class DeleteFundingLineInput {
  @IdField()
  fundingLineId: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

@InputType()
export class SetEffortHoursInput {
  @IdField()
  actionId: string;

  @IdField({ description: 'A party involved in the action.' })
  partyId: string;

  @YearField()
  year: number;

  @Field(() => Int, { description: `0–${MAX_EFFORT_HOURS} hours.` })
  @IsInt()
  @Min(0)
  @Max(MAX_EFFORT_HOURS)
  hours: number;

  @Field(() => Int, { nullable: true, description: 'The entry’s version; leave out when the year has no entry yet.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}
