import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ActionInPeriodRow } from '@tiltak/api-data-access';
import { formatPeriod } from '@tiltak/domain';

@ObjectType('ActionInPeriod', {
  description: 'An action of another programme period: the one an action continues, or the one that continues it.',
})
export class ActionInPeriodModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => ID, { description: 'Its period: send it as the Tiltak-Period header to read the action there.' })
  programmeId: string;

  @Field(() => String, { description: 'Its period as people write it, for example 2021–2024.' })
  period: string;

  @Field(() => String, { nullable: true, description: 'Why it stopped, when it was not carried over further.' })
  endedReason: string | null;
}

export function toActionInPeriodModel(row: ActionInPeriodRow): ActionInPeriodModel {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    programmeId: row.programmeId,
    period: formatPeriod(row),
    endedReason: row.endedReason,
  };
}
