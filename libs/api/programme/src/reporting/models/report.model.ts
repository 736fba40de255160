import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RoundReportEntity } from '@tiltak/api-data-access';
import type { ActionStatus, Health, ReportState } from '@tiltak/domain';
import { ActionStatusEnum, HealthEnum } from '../../models/enums';
import { ReportStateEnum } from './enums';

@ObjectType('Report', {
  description: 'One action’s answer in a round, or one municipality’s own part of it (rapport).',
})
export class ReportModel {
  @Field(() => ID)
  id: string;

  roundId: string;
  actionId: string;
  /** Null: the action's own report. */
  municipalityId: string | null;

  @Field(() => ReportStateEnum)
  state: ReportState;

  @Field(() => ActionStatusEnum, { nullable: true })
  status: ActionStatus | null;

  @Field(() => Int, { nullable: true })
  progress: number | null;

  @Field(() => HealthEnum, { nullable: true })
  health: Health | null;

  @Field(() => String)
  narrative: string;

  @Field(() => Boolean, { description: 'Submitted after the end of its round’s deadline day (Oslo time).' })
  late: boolean;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  /** Personal data: reaches the response only through the `submittedBy` field's permission check. */
  submittedByName: string | null;

  @Field(() => String, { nullable: true, description: 'The coordinator’s comment when it was returned.' })
  returnComment: string | null;

  @Field(() => Date, { nullable: true })
  returnedAt: Date | null;

  /** Personal data, as `submittedByName`. */
  returnedByName: string | null;

  @Field(() => String, { nullable: true, description: 'Its case number (saksnummer) in the archive, once filed.' })
  caseReference: string | null;

  @Field(() => String, { nullable: true, description: 'The report in the public record (eInnsyn or the archive).' })
  recordUrl: string | null;

  @Field(() => Int)
  version: number;
}

export function toReportModel(entity: RoundReportEntity): ReportModel {
  return {
    id: entity.id,
    roundId: entity.roundId,
    actionId: entity.actionId,
    municipalityId: entity.municipalityId,
    state: entity.state,
    status: entity.status,
    progress: entity.progress,
    health: entity.health,
    narrative: entity.narrative,
    late: entity.late,
    submittedAt: entity.submittedAt,
    submittedByName: entity.submittedByName,
    returnComment: entity.returnComment,
    returnedAt: entity.returnedAt,
    returnedByName: entity.returnedByName,
    caseReference: entity.caseReference,
    recordUrl: entity.recordUrl,
    version: entity.version,
  };
}
