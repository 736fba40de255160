import { DateField, ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ADOPTION_STATUSES, type AdoptionStatus } from '@tiltak/domain';
import { IsIn, IsInt, IsOptional, Matches } from 'class-validator';
import { AdoptionStatusEnum } from '../../models/enums';

@ArgsType()
export class ExplainProgressArgs {
  @IdField({ nullable: true, description: 'Only this municipality, on its own figures.' })
  municipalityId?: string;

  @IdField({ nullable: true, description: 'Only this focus area.' })
  focusAreaId?: string;
}

@InputType()
export class CreateFocusAreaInput {
  @Field(() => String, { description: 'Prefix of its action codes: 2–6 capital letters.' })
  @Matches(/^[A-Z]{2,6}$/, { message: 'must be 2–6 capital letters A–Z' })
  code: string;

  @TextField({ min: 1, max: 200 })
  name: string;

  @TextField({ nullable: true, max: 10_000 })
  description?: string;
}

@InputType()
export class UpdateFocusAreaInput {
  @IdField()
  focusAreaId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, min: 1, max: 200 })
  name?: string;

  @TextField({ nullable: true, max: 10_000 })
  description?: string;
}

@InputType({ description: 'Records a municipality’s decision; expectedVersion is required when one exists.' })
export class SetAdoptionInput {
  @IdField()
  municipalityId: string;

  @IdField({ nullable: true, description: 'Leave out for the whole programme.' })
  focusAreaId?: string;

  @Field(() => AdoptionStatusEnum)
  @IsIn(ADOPTION_STATUSES)
  status: AdoptionStatus;

  @DateField({ nullable: true, description: 'YYYY-MM-DD; required once adopted or rejected.' })
  decidedOn?: string;

  @TextField({ min: 1, max: 50 })
  caseReference: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}
