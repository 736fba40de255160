import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { FocusAreaEntity } from './focus-area.entity';
import { MunicipalityEntity } from './municipality.entity';

/*
 * Kept progress figures: each action's contribution to the roll-ups, and per-cell sums of them, so
 * that the matrix and the progress of focus areas, municipalities and the programme read a fixed
 * number of rows whatever the number of actions. Only the migration's SQL functions write them:
 * `tiltak_refresh_action_figures` in every write's transaction, `tiltak_rebuild_figures` for a new day
 * or after rows were written without the write path. A null municipality is the action axis (the
 * action's own figures, for focus-area and programme progress).
 */

/** One action's stored contribution to one cell: in a municipality it participates in, or its own. */
@Entity('kept_figure_contribution')
@Index('UQ_kept_figure_contribution_local', ['actionId', 'municipalityId'], {
  unique: true,
  where: '"municipality_id" IS NOT NULL',
})
@Index('UQ_kept_figure_contribution_action', ['actionId'], { unique: true, where: '"municipality_id" IS NULL' })
// Every refresh reads an action's contributions whatever their municipality: the partial indexes cannot serve that.
@Index('IDX_kept_figure_contribution_action', ['actionId'])
export class KeptFigureContributionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_kept_figure_contribution' })
  id: string;

  /** No foreign key: the contribution of a deleted action must outlive it until its refresh subtracts it. */
  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @Column({ name: 'focus_area_id', type: 'uuid' })
  focusAreaId: string;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @Column({ type: 'smallint' })
  weight: number;

  @Column({ type: 'varchar', length: 20 })
  status: string;

  @Column({ type: 'smallint' })
  progress: number;

  @Column({ type: 'varchar', length: 20 })
  health: string;

  /** Open milestones due before `as_of`, counted only while the (local) status is unfinished. */
  @Column({ name: 'overdue_milestones', type: 'integer' })
  overdueMilestones: number;
}

/** The sums of the contributions to one municipality × focus area cell, or to one focus area (action axis). */
@Entity('kept_figure_cell')
@Index('UQ_kept_figure_cell_local', ['focusAreaId', 'municipalityId'], {
  unique: true,
  where: '"municipality_id" IS NOT NULL',
})
@Index('UQ_kept_figure_cell_action', ['focusAreaId'], { unique: true, where: '"municipality_id" IS NULL' })
export class KeptFigureCellEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_kept_figure_cell' })
  id: string;

  @Column({ name: 'focus_area_id', type: 'uuid' })
  focusAreaId: string;

  @ManyToOne(() => FocusAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'focus_area_id', foreignKeyConstraintName: 'FK_kept_figure_cell_focus_area' })
  focusArea: Relation<FocusAreaEntity>;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_kept_figure_cell_municipality' })
  municipality: Relation<MunicipalityEntity> | null;

  @Column({ name: 'action_count', type: 'integer', default: 0 })
  actionCount: number;

  /** Σ progress × weight over the non-cancelled contributions (bigint: node-postgres returns it as text). */
  @Column({ name: 'weighted_progress', type: 'bigint', default: 0 })
  weightedProgress: string;

  /** Σ weight over the non-cancelled contributions. */
  @Column({ name: 'counted_weight', type: 'bigint', default: 0 })
  countedWeight: string;

  @Column({ name: 'not_started', type: 'integer', default: 0 })
  notStarted: number;

  @Column({ name: 'in_progress', type: 'integer', default: 0 })
  inProgress: number;

  @Column({ name: 'on_hold', type: 'integer', default: 0 })
  onHold: number;

  @Column({ type: 'integer', default: 0 })
  completed: number;

  @Column({ type: 'integer', default: 0 })
  cancelled: number;

  /** Health counts skip cancelled contributions, as the matrix always has. */
  @Column({ name: 'on_track', type: 'integer', default: 0 })
  onTrack: number;

  @Column({ name: 'at_risk', type: 'integer', default: 0 })
  atRisk: number;

  @Column({ name: 'off_track', type: 'integer', default: 0 })
  offTrack: number;

  @Column({ name: 'overdue_milestones', type: 'integer', default: 0 })
  overdueMilestones: number;
}

/** The one date on which the kept health and overdue figures were judged. */
@Entity('kept_figure_date')
@Check('CHK_kept_figure_date_singleton', `"singleton"`)
export class KeptFigureDateEntity {
  @PrimaryColumn({ type: 'boolean', default: true, primaryKeyConstraintName: 'PK_kept_figure_date' })
  singleton: boolean;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;
}
