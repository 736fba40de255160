import { Field, InputType, Int } from '@nestjs/graphql';
import { ExpectedVersionField, IdField, IdListField, TextField } from '@tiltak/api-core';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, Matches, Max, Min, ValidateNested } from 'class-validator';

/** Most actions one revision decides on: a programme period holds a few dozen. */
export const MAX_PERIOD_ACTIONS = 500;

@InputType({ description: 'An action of the current period that stops with it, and why.' })
export class ActionEndingInput {
  @IdField()
  actionId: string;

  @TextField({ min: 1, max: 2000 })
  reason: string;
}

@InputType({
  description:
    'A revision (rullering): every action of the current period is either carried over or ended with a reason.',
})
export class StartProgrammePeriodInput {
  @TextField({ min: 1, max: 200 })
  name: string;

  @TextField({
    nullable: true,
    min: 1,
    max: 100,
    description: 'Left out: made from the years, for example handlingsprogram-2029-2032.',
  })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case letters, digits and single dashes' })
  slug?: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  startYear: number;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  endYear: number;

  /** The current period's version: a revision based on a stale picture answers CONFLICT. */
  @ExpectedVersionField()
  expectedVersion: number;

  @IdListField({ max: MAX_PERIOD_ACTIONS, description: `The actions carried over; at most ${MAX_PERIOD_ACTIONS}.` })
  carryOver: string[];

  @Field(() => [ActionEndingInput], { description: `The actions ended, with reasons; at most ${MAX_PERIOD_ACTIONS}.` })
  @ValidateNested({ each: true })
  @Type(() => ActionEndingInput)
  @ArrayMaxSize(MAX_PERIOD_ACTIONS)
  endings: ActionEndingInput[];
}
