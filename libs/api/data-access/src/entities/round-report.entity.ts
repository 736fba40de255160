import {
  ACTION_STATUSES,
  HEALTHS,
  REPORT_STATES,
  type ActionStatus,
  type Health,
  type ReportState,
} from '@tiltak/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ActionEntity } from './action.entity';
import { MunicipalityEntity } from './municipality.entity';
import { ReportingRoundEntity } from './reporting-round.entity';
import { UserEntity } from './user.entity';
import { sqlList } from './sql';

/**
 * One answer in a round (rapport): the action's own (no municipality) or one municipality's own part.
 * It keeps the figures as they were submitted; a closed round's reports are frozen.
 */
@Entity('round_report')
// PostgreSQL 14 has no NULLS NOT DISTINCT: one unique index for the action's own report, one for the parts.
@Index('UQ_round_report_action', ['roundId', 'actionId'], { unique: true, where: `"municipality_id" IS NULL` })
@Index('UQ_round_report_part', ['roundId', 'actionId', 'municipalityId'], {
  unique: true,
  where: `"municipality_id" IS NOT NULL`,
})
@Index('IDX_round_report_action', ['actionId'])
@Check('CHK_round_report_state', `"state" IN (${sqlList(REPORT_STATES)})`)
@Check('CHK_round_report_status', `"status" IN (${sqlList(ACTION_STATUSES)})`)
@Check('CHK_round_report_health', `"health" IN (${sqlList(HEALTHS)})`)
@Check('CHK_round_report_progress', `"progress" BETWEEN 0 AND 100`)
@Check('CHK_round_report_narrative', `char_length("narrative") <= 10000`)
@Check('CHK_round_report_submitted', `"state" <> 'SUBMITTED' OR "submitted_at" IS NOT NULL`)
export class RoundReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_round_report' })
  id: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ReportingRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_round_report_round' })
  round: Relation<ReportingRoundEntity>;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_round_report_action' })
  action: Relation<ActionEntity>;

  /** Null: the action's own report; set: that municipality's own part. */
  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_round_report_municipality' })
  municipality: Relation<MunicipalityEntity> | null;

  @Column({ type: 'varchar', length: 20, default: 'NOT_STARTED' })
  state: ReportState;

  @Column({ type: 'varchar', length: 20, nullable: true })
  status: ActionStatus | null;

  @Column({ type: 'smallint', nullable: true })
  progress: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  health: Health | null;

  @Column({ type: 'text', default: '' })
  narrative: string;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by_name', type: 'varchar', length: 200, nullable: true })
  submittedByName: string | null;

  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true })
  submittedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_user_id', foreignKeyConstraintName: 'FK_round_report_submitted_by' })
  submittedBy: Relation<UserEntity> | null;

  @Column({ name: 'return_comment', type: 'text', nullable: true })
  returnComment: string | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ name: 'returned_by_name', type: 'varchar', length: 200, nullable: true })
  returnedByName: string | null;

  /** Where the report is filed once it went to the council (saksnummer and the public record). */
  @Column({ name: 'case_reference', type: 'varchar', length: 50, nullable: true })
  caseReference: string | null;

  @Column({ name: 'record_url', type: 'varchar', length: 500, nullable: true })
  recordUrl: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
