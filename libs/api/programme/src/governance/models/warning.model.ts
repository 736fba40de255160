import { Field, ObjectType } from '@nestjs/graphql';
import type { ConsistencyWarningRow } from '@tiltak/api-data-access';
import type { AdoptionStatus } from '@tiltak/domain';
import { AdoptionStatusEnum } from '../../models/enums';

@ObjectType('ConsistencyWarning', {
  description:
    'An action placed in a focus area that one of its municipalities rejected or has not yet adopted (its decision on the focus area; where none was recorded for it, a rejection of the whole programme).',
})
export class ConsistencyWarningModel {
  actionId: string;
  municipalityId: string;
  focusAreaId: string;

  @Field(() => AdoptionStatusEnum, { description: 'REJECTED or PROPOSED.' })
  status: AdoptionStatus;

  @Field(() => String, { nullable: true })
  decidedOn: string | null;

  @Field(() => String, { description: 'The decision’s case number (saksnummer).' })
  caseReference: string;

  @Field(() => Boolean, { description: 'The decision is on the focus area itself, not on the whole programme.' })
  onFocusArea: boolean;
}

export function toWarningModel(row: ConsistencyWarningRow): ConsistencyWarningModel {
  return { ...row };
}
