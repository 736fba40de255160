import { ACTION_STATUSES, type ActionStatus } from '@tiltak/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ActionEntity } from './action.entity';
import { MunicipalityEntity } from './municipality.entity';
import { sqlList } from './sql';

/**
 * A municipality that an action concerns, with its own pace. Status and progress left empty follow
 * the action's; the municipality axis of every roll-up uses these local figures.
 */
@Entity('participation')
@Check('CHK_participation_status', `"status" IN (${sqlList(ACTION_STATUSES)})`)
@Check('CHK_participation_progress', `"progress" BETWEEN 0 AND 100`)
@Index('IDX_participation_municipality', ['municipalityId'])
export class ParticipationEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid', primaryKeyConstraintName: 'PK_participation' })
  actionId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'PK_participation' })
  municipalityId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_participation_action' })
  action: Relation<ActionEntity>;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_participation_municipality' })
  municipality: Relation<MunicipalityEntity>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  status: ActionStatus | null;

  @Column({ type: 'smallint', nullable: true })
  progress: number | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
