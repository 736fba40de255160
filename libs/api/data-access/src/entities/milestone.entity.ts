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
} from 'typeorm';
import { ActionEntity } from './action.entity';

/** A dated checkpoint of an action (milepæl); completed milestones drive the action's progress. */
@Entity('milestone')
@Check('CHK_milestone_title', `char_length(btrim("title")) >= 1`)
@Check('CHK_milestone_weight', `"weight" BETWEEN 1 AND 100`)
@Index('IDX_milestone_action', ['actionId'])
@Index('IDX_milestone_open_due', ['dueDate'], { where: '"completed_on" IS NULL' })
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_milestone' })
  id: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_milestone_action' })
  action: Relation<ActionEntity>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'smallint', default: 1 })
  weight: number;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
