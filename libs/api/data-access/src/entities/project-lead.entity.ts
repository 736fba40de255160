import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ActionEntity } from './action.entity';
import { UserEntity } from './user.entity';

/**
 * A project lead named on an action by its municipality's coordinator. Besides the project leads
 * of the lead party, these are the people who may update the action.
 */
@Entity('action_project_lead')
@Index('IDX_action_project_lead_user', ['userId'])
export class ProjectLeadEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid', primaryKeyConstraintName: 'PK_action_project_lead' })
  actionId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_action_project_lead_action' })
  action: Relation<ActionEntity>;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_action_project_lead' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_action_project_lead_user' })
  user: Relation<UserEntity>;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}
