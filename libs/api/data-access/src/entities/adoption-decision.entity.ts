import { ADOPTION_STATUSES, type AdoptionStatus } from '@tiltak/domain';
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
import { AdoptionEntity } from './adoption.entity';
import { sqlList } from './sql';

/**
 * One decision in a municipality's history on a subject (vedtakshistorikk): every recorded move of
 * an adoption, as it was recorded. Append-only, by trigger: a wrong entry is corrected by a new one.
 */
@Entity('adoption_decision')
@Check('CHK_adoption_decision_status', `"status" IN (${sqlList(ADOPTION_STATUSES)})`)
@Check('CHK_adoption_decision_decided', `"status" = 'PROPOSED' OR "decided_on" IS NOT NULL`)
@Index('IDX_adoption_decision_adoption', ['adoptionId', 'recordedAt'])
export class AdoptionDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_adoption_decision' })
  id: string;

  @Column({ name: 'adoption_id', type: 'uuid' })
  adoptionId: string;

  @ManyToOne(() => AdoptionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adoption_id', foreignKeyConstraintName: 'FK_adoption_decision_adoption' })
  adoption: Relation<AdoptionEntity>;

  @Column({ type: 'varchar', length: 20 })
  status: AdoptionStatus;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ name: 'case_reference', type: 'varchar', length: 50 })
  caseReference: string;

  @Column({ name: 'record_url', type: 'varchar', length: 500, nullable: true })
  recordUrl: string | null;

  /** As the change log keeps its actors: the name as it was, and the account if there was one. */
  @Column({ name: 'recorded_by_name', type: 'varchar', length: 200 })
  recordedByName: string;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
