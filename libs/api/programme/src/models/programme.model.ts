import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { formatPeriod, type ProgrammeState } from '@tiltak/domain';
import { ProgrammeStateEnum } from './enums';
import type { ProgrammeEntity } from '@tiltak/api-data-access';

@ObjectType('Programme', { description: 'One period’s action programme (handlingsprogram).' })
export class ProgrammeModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  startYear: number;

  @Field(() => Int)
  endYear: number;

  @Field(() => String, { description: 'The period as people write it, for example 2025–2028.' })
  period: string;

  @Field(() => ProgrammeStateEnum)
  state: ProgrammeState;

  @Field(() => Boolean, { description: 'The period being run; the others are ended and read as they were.' })
  isCurrent: boolean;

  @Field(() => Int, { description: 'Give it to startProgrammePeriod as expectedVersion.' })
  version: number;

  predecessorId: string | null;
}

@ObjectType('ProgrammeStanding', {
  description:
    'Where the programme stands today: expected progress, and its actions by health and staleness (each action counted once).',
})
export class ProgrammeStandingModel {
  @Field(() => Float, {
    nullable: true,
    description: 'Weighted mean of the actions’ expected progress, rolled up exactly as progress is.',
  })
  expectedProgress: number | null;

  @Field(() => Int, {
    description: 'Actions not cancelled and neither at risk nor off track (finished ones included).',
  })
  onTrack: number;

  @Field(() => Int, { description: 'Unfinished actions at risk: the same actions the list filter finds.' })
  atRisk: number;

  @Field(() => Int, { description: 'Unfinished actions off track: the same actions the list filter finds.' })
  offTrack: number;

  @Field(() => Int, { description: 'Unfinished actions without a status update for longer than `staleAfterDays`.' })
  stale: number;

  @Field(() => Int, { description: 'Days without a status update after which an unfinished action is stale.' })
  staleAfterDays: number;
}

export function toProgrammeModel(entity: ProgrammeEntity): ProgrammeModel {
  return {
    id: entity.id,
    name: entity.name,
    startYear: entity.startYear,
    endYear: entity.endYear,
    period: formatPeriod(entity),
    state: entity.state,
    isCurrent: entity.state === 'CURRENT',
    version: entity.version,
    predecessorId: entity.predecessorId,
  };
}
