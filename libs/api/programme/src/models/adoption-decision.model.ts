import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AdoptionDecisionEntity } from '@tiltak/api-data-access';
import type { AdoptionStatus } from '@tiltak/domain';
import { AdoptionStatusEnum } from './enums';

@ObjectType('AdoptionDecision', {
  description: 'One recorded decision in a municipality’s history on a subject; never changed once recorded.',
})
export class AdoptionDecisionModel {
  @Field(() => ID)
  id: string;

  @Field(() => AdoptionStatusEnum)
  status: AdoptionStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while only proposed.' })
  decidedOn: string | null;

  @Field(() => String, { description: 'The case number (saksnummer) in the municipality’s archive.' })
  caseReference: string;

  @Field(() => String, { nullable: true, description: 'The decision in the public record (eInnsyn or the archive).' })
  recordUrl: string | null;

  @Field(() => Date, { description: 'When it was recorded in Tiltak.' })
  recordedAt: Date;

  /** Personal data: reaches the response only through the `recordedBy` field's permission check. */
  recordedByName: string;
}

export function toAdoptionDecisionModel(entity: AdoptionDecisionEntity): AdoptionDecisionModel {
  return {
    id: entity.id,
    status: entity.status,
    decidedOn: entity.decidedOn,
    caseReference: entity.caseReference,
    recordUrl: entity.recordUrl,
    recordedAt: entity.recordedAt,
    recordedByName: entity.recordedByName,
  };
}
