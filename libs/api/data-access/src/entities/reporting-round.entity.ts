import { REPORTING_ROUND_STATES, type ReportingRoundState } from '@tiltak/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { ProgrammeEntity } from './programme.entity';
import { sqlList } from './sql';

/** A period in which the actions under way report by a deadline (rapporteringsrunde). */
@Entity('reporting_round')
@Unique('UQ_reporting_round_programme_name', ['programmeId', 'name'])
@Check('CHK_reporting_round_name', `char_length(btrim("name")) >= 1`)
@Check('CHK_reporting_round_grace_days', `"grace_days" BETWEEN 0 AND 60`)
@Check('CHK_reporting_round_state', `"state" IN (${sqlList(REPORTING_ROUND_STATES)})`)
@Check('CHK_reporting_round_closed_at', `("state" = 'CLOSED') = ("closed_at" IS NOT NULL)`)
export class ReportingRoundEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_reporting_round' })
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_reporting_round_programme' })
  programme: Relation<ProgrammeEntity>;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ name: 'grace_days', type: 'smallint', default: 7 })
  graceDays: number;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  state: ReportingRoundState;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'opened_by_name', type: 'varchar', length: 200 })
  openedByName: string;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Days before the deadline a reminder goes (0: on the deadline day). */
  @Column({ name: 'reminder_days_before', type: 'smallint', array: true, default: () => `'{7,1}'` })
  reminderDaysBefore: number[];

  /** Days after the deadline, within the grace period, a reminder goes. */
  @Column({ name: 'reminder_days_after', type: 'smallint', array: true, default: () => `'{1}'` })
  reminderDaysAfter: number[];

  @Column({ type: 'integer', default: 1 })
  version: number;
}
