import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ReportingRoundEntity } from '@tiltak/api-data-access';
import { type ReportingRoundState, roundClosesAt } from '@tiltak/domain';
import { ReportingRoundStateEnum } from './enums';

@ObjectType('ReportingRound', {
  description: 'A period in which the actions under way report by a deadline (rapporteringsrunde).',
})
export class ReportingRoundModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  deadline: string;

  @Field(() => Int, { description: 'Days after the deadline the round still takes reports (marked late).' })
  graceDays: number;

  @Field(() => Date, { description: 'The end of deadline plus grace days, Oslo time: the round closes then.' })
  closesAt: Date;

  @Field(() => ReportingRoundStateEnum)
  state: ReportingRoundState;

  @Field(() => Date)
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => [Int], { description: 'Days before the deadline a reminder goes (0: on the deadline day).' })
  reminderDaysBefore: number[];

  @Field(() => [Int], { description: 'Days after the deadline, within the grace period, a reminder goes.' })
  reminderDaysAfter: number[];

  @Field(() => Int)
  version: number;
}

export function toReportingRoundModel(entity: ReportingRoundEntity): ReportingRoundModel {
  return {
    id: entity.id,
    name: entity.name,
    deadline: entity.deadline,
    graceDays: entity.graceDays,
    closesAt: roundClosesAt(entity.deadline, entity.graceDays),
    state: entity.state,
    openedAt: entity.openedAt,
    closedAt: entity.closedAt,
    reminderDaysBefore: entity.reminderDaysBefore,
    reminderDaysAfter: entity.reminderDaysAfter,
    version: entity.version,
  };
}
