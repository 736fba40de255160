import { PROPOSAL_STATES, type ProposalState } from '@tiltak/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ActionEntity } from './action.entity';
import { sqlList } from './sql';
import { UserEntity } from './user.entity';

/** The fields of an action a proposal would change: those of `updateAction`, each left out when unchanged. */
export interface ProposedActionChanges {
  title?: string;
  description?: string;
  focusAreaId?: string;
  municipalityIds?: string[];
  startDate?: string;
  dueDate?: string;
  weight?: number;
}

/**
 * A change to a regional action proposed by a coordinator of one of its municipalities, for the
 * secretariat to accept (applied as an ordinary update of the version it was made against) or reject.
 */
@Entity('action_proposal')
@Check('CHK_action_proposal_state', `"state" IN (${sqlList(PROPOSAL_STATES)})`)
@Check('CHK_action_proposal_decided', `("state" = 'PENDING') = ("decided_at" IS NULL)`)
@Index('IDX_action_proposal_action', ['actionId'])
@Index('IDX_action_proposal_state', ['state', 'createdAt'])
export class ActionProposalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_action_proposal' })
  id: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_action_proposal_action' })
  action: Relation<ActionEntity>;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'FK_action_proposal_proposed_by' })
  proposer: Relation<UserEntity>;

  @Column({ name: 'proposed_by_name', type: 'varchar', length: 200 })
  proposedByName: string;

  /** The action's version the proposal was made against: accepting it updates that version or nothing. */
  @Column({ name: 'base_version', type: 'integer' })
  baseVersion: number;

  @Column({ type: 'jsonb' })
  changes: ProposedActionChanges;

  @Column({ type: 'text' })
  comment: string;

  @Column({ type: 'varchar', length: 20, default: 'PENDING' })
  state: ProposalState;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'FK_action_proposal_decided_by' })
  decider: Relation<UserEntity> | null;

  @Column({ name: 'decided_by_name', type: 'varchar', length: 200, nullable: true })
  decidedByName: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
