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
  Unique,
} from 'typeorm';
import { ActionEntity } from './action.entity';
import { RegionEntity } from './region.entity';

/**
 * A goal of the strategic plan (mål), or a sub-goal (delmål) under one. Goals belong to the region's
 * strategy, so they outlive the programme periods whose focus areas and actions serve them.
 */
@Entity('goal')
@Unique('UQ_goal_region_code', ['regionId', 'code'])
@Check('CHK_goal_code', `"code" ~ '^[A-Z][A-Z0-9.]{0,11}$'`)
@Check('CHK_goal_not_own_parent', `"parent_id" IS NULL OR "parent_id" <> "id"`)
@Index('IDX_goal_parent', ['parentId'])
export class GoalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_goal' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_goal_region' })
  region: Relation<RegionEntity>;

  /** The goal this sub-goal serves; null for a goal of the plan's first level. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_goal_parent' })
  parent: Relation<GoalEntity> | null;

  /** How the plan numbers it, for example `M1` or `M1.2`. */
  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'sort_order', type: 'smallint', default: 0 })
  sortOrder: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** An action serving a goal; an action may serve several. */
@Entity('action_goal')
@Index('IDX_action_goal_goal', ['goalId'])
export class ActionGoalEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid', primaryKeyConstraintName: 'PK_action_goal' })
  actionId: string;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid', primaryKeyConstraintName: 'PK_action_goal' })
  goalId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_action_goal_action' })
  action: Relation<ActionEntity>;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'FK_action_goal_goal' })
  goal: Relation<GoalEntity>;
}
