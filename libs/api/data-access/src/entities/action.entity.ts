import { ACTION_STATUSES, HEALTHS, MAX_KRONER, type ActionStatus, type Health } from '@tiltak/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { FocusAreaEntity } from './focus-area.entity';
import { ProgrammeEntity } from './programme.entity';
import { kronerColumn, sqlList } from './sql';

/** A concrete piece of work in one focus area (tiltak). */
@Entity('action')
@Unique('UQ_action_programme_code', ['programmeId', 'code'])
@Check('CHK_action_code', `"code" ~ '^[A-Z]{2,6}-[0-9]{1,4}$'`)
@Check('CHK_action_title', `char_length(btrim("title")) >= 1`)
@Check('CHK_action_description', `char_length("description") <= 10000`)
@Check('CHK_action_status', `"status" IN (${sqlList(ACTION_STATUSES)})`)
@Check('CHK_action_dates', `"due_date" >= "start_date"`)
@Check('CHK_action_manual_progress', `"manual_progress" BETWEEN 0 AND 100`)
@Check('CHK_action_progress', `"progress" BETWEEN 0 AND 100`)
@Check('CHK_action_weight', `"weight" BETWEEN 1 AND 100`)
@Check('CHK_action_health_override', `"health_override" IN (${sqlList(HEALTHS)})`)
@Check(
  'CHK_action_health_override_comment',
  `"health_override" IS NULL OR char_length(btrim(coalesce("health_override_comment", ''))) > 0`,
)
@Check('CHK_action_ended_reason', `"ended_reason" IS NULL OR char_length(btrim("ended_reason")) BETWEEN 1 AND 2000`)
@Check('CHK_action_budget', `"budget" BETWEEN 0 AND ${MAX_KRONER}`)
@Index('IDX_action_focus_area', ['focusAreaId'])
@Index('UQ_action_predecessor', ['predecessorId'], { unique: true })
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_action' })
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_action_programme' })
  programme: Relation<ProgrammeEntity>;

  @Column({ name: 'focus_area_id', type: 'uuid' })
  focusAreaId: string;

  @ManyToOne(() => FocusAreaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'focus_area_id', foreignKeyConstraintName: 'FK_action_focus_area' })
  focusArea: Relation<FocusAreaEntity>;

  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 20, default: 'NOT_STARTED' })
  status: ActionStatus;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  /** The lead's own figure, used only while the action has no milestones. */
  @Column({ name: 'manual_progress', type: 'smallint', nullable: true })
  manualProgress: number | null;

  /** The action's progress as the domain rules compute it, kept current in every write. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** The action's weight in focus-area, municipality and programme roll-ups. */
  @Column({ type: 'smallint', default: 1 })
  weight: number;

  @Column({ name: 'health_override', type: 'varchar', length: 20, nullable: true })
  healthOverride: Health | null;

  @Column({ name: 'health_override_comment', type: 'text', nullable: true })
  healthOverrideComment: string | null;

  /** Where the action's own case is filed (saksnummer), when the council or a municipality opened one. */
  @Column({ name: 'case_reference', type: 'varchar', length: 50, nullable: true })
  caseReference: string | null;

  @Column({ name: 'record_url', type: 'varchar', length: 500, nullable: true })
  recordUrl: string | null;

  /** The action of the previous period that this one continues, when it was carried over. */
  @Column({ name: 'predecessor_id', type: 'uuid', nullable: true })
  predecessorId: string | null;

  @ManyToOne(() => ActionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'predecessor_id', foreignKeyConstraintName: 'FK_action_predecessor' })
  predecessor: Relation<ActionEntity> | null;

  /** Why the action stopped with its period instead of being carried over; its status history stays as it was. */
  @Column({ name: 'ended_reason', type: 'text', nullable: true })
  endedReason: string | null;
  /** What the action is expected to cost in all, in whole kroner; null until someone says. */
  @Column({ type: 'bigint', nullable: true, transformer: kronerColumn })
  budget: number | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
