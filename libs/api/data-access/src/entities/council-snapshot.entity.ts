import type { SnapshotDocument, SnapshotTrigger } from '@tiltak/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ProgrammeEntity } from './programme.entity';
import { ReportingRoundEntity } from './reporting-round.entity';

/**
 * A snapshot of the programme (øyeblikksbilde), frozen when it was taken: a reporting round closed,
 * or someone took it for a council meeting. Append-only, by trigger.
 */
@Entity('council_snapshot')
@Check('CHK_council_snapshot_title', `char_length(btrim("title")) BETWEEN 1 AND 200`)
@Check('CHK_council_snapshot_trigger', `"trigger" IN ('ROUND_CLOSED', 'MANUAL')`)
@Check('CHK_council_snapshot_round', `("trigger" = 'ROUND_CLOSED') = ("round_id" IS NOT NULL)`)
@Index('IDX_council_snapshot_programme', ['programmeId', 'takenAt'])
export class CouncilSnapshotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_council_snapshot' })
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_council_snapshot_programme' })
  programme: Relation<ProgrammeEntity>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  trigger: SnapshotTrigger;

  @Column({ name: 'round_id', type: 'uuid', nullable: true })
  roundId: string | null;

  @ManyToOne(() => ReportingRoundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_council_snapshot_round' })
  round: Relation<ReportingRoundEntity> | null;

  @Column({ name: 'taken_at', type: 'timestamptz', default: () => 'now()' })
  takenAt: Date;

  /** The account that took it; null when the schedule closed the round. */
  @Column({ name: 'taken_by', type: 'uuid', nullable: true })
  takenBy: string | null;

  @Column({ type: 'jsonb' })
  document: SnapshotDocument;
}
