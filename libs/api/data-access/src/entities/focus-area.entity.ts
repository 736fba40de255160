import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { GoalEntity } from './goal.entity';
import { InnovationPriorityEntity } from './innovation-plan.entity';
import { ProgrammeEntity } from './programme.entity';

/** A prioritised sector or theme of a programme (satsingsområde). */
@Entity('focus_area')
@Unique('UQ_focus_area_programme_code', ['programmeId', 'code'])
@Check('CHK_focus_area_code', `"code" ~ '^[A-Z]{2,6}$'`)
@Index('IDX_focus_area_goal', ['goalId'])
@Index('IDX_focus_area_innovation_priority', ['innovationPriorityId'])
export class FocusAreaEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_focus_area' })
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_focus_area_programme' })
  programme: Relation<ProgrammeEntity>;

  /** Short prefix of the focus area's action codes, for example `LOG` in `LOG-3`. */
  @Column({ type: 'varchar', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The goal of the strategic plan this area serves, if any. */
  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId: string | null;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'FK_focus_area_goal' })
  goal: Relation<GoalEntity> | null;

  /** The priority of the regional innovation plan this area serves, if any; it may be of a replaced plan. */
  @Column({ name: 'innovation_priority_id', type: 'uuid', nullable: true })
  innovationPriorityId: string | null;

  @ManyToOne(() => InnovationPriorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'innovation_priority_id', foreignKeyConstraintName: 'FK_focus_area_innovation_priority' })
  innovationPriority: Relation<InnovationPriorityEntity> | null;

  @Column({ name: 'sort_order', type: 'smallint', default: 0 })
  sortOrder: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
