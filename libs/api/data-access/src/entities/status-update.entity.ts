import { ACTION_STATUSES, HEALTHS, type ActionStatus, type Health } from '@tiltak/domain';
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
import { sqlList } from './sql';

/** A dated entry in an action's history (statusoppdatering). The database refuses to change one. */
@Entity('status_update')
@Check('CHK_status_update_status', `"status" IN (${sqlList(ACTION_STATUSES)})`)
@Check('CHK_status_update_health', `"health" IN (${sqlList(HEALTHS)})`)
@Check('CHK_status_update_progress', `"progress" BETWEEN 0 AND 100`)
@Index('IDX_status_update_action', ['actionId', 'createdAt'])
export class StatusUpdateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_status_update' })
  id: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_status_update_action' })
  action: Relation<ActionEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: ActionStatus;

  @Column({ type: 'smallint' })
  progress: number;

  @Column({ type: 'varchar', length: 20 })
  health: Health;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName: string;
}
