import {
  Check,
  Column,
  CreateDateColumn,
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
 * A version of the regional innovation plan. Replacing the plan adds a new row and points the old
 * one at it, so focus areas and actions linked to the old plan's priorities keep their meaning.
 */
@Entity('innovation_plan')
@Index('UQ_innovation_plan_in_force', ['regionId'], { unique: true, where: '"replaced_by_id" IS NULL' })
@Check('CHK_innovation_plan_valid_from', `"valid_from" BETWEEN 1900 AND 2200`)
export class InnovationPlanEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_innovation_plan' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_innovation_plan_region' })
  region: Relation<RegionEntity>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The year the plan took effect. */
  @Column({ name: 'valid_from', type: 'smallint' })
  validFrom: number;

  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true })
  replacedById: string | null;

  @ManyToOne(() => InnovationPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaced_by_id', foreignKeyConstraintName: 'FK_innovation_plan_replaced_by' })
  replacedBy: Relation<InnovationPlanEntity> | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One priority (innsatsområde) of a version of the regional innovation plan. */
@Entity('innovation_priority')
@Unique('UQ_innovation_priority_plan_code', ['planId', 'code'])
export class InnovationPriorityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_innovation_priority' })
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => InnovationPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'FK_innovation_priority_plan' })
  plan: Relation<InnovationPlanEntity>;

  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'sort_order', type: 'smallint', default: 0 })
  sortOrder: number;
}

/** An action serving a priority of the regional innovation plan. */
@Entity('action_innovation_priority')
@Index('IDX_action_innovation_priority_priority', ['priorityId'])
export class ActionInnovationPriorityEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid', primaryKeyConstraintName: 'PK_action_innovation_priority' })
  actionId: string;

  @PrimaryColumn({ name: 'priority_id', type: 'uuid', primaryKeyConstraintName: 'PK_action_innovation_priority' })
  priorityId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_action_innovation_priority_action' })
  action: Relation<ActionEntity>;

  @ManyToOne(() => InnovationPriorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'priority_id', foreignKeyConstraintName: 'FK_action_innovation_priority_priority' })
  priority: Relation<InnovationPriorityEntity>;
}
