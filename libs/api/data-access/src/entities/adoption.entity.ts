import { ADOPTION_STATUSES, type AdoptionStatus } from '@tiltak/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FocusAreaEntity } from './focus-area.entity';
import { MunicipalityEntity } from './municipality.entity';
import { ProgrammeEntity } from './programme.entity';
import { sqlList } from './sql';

/**
 * A municipality's political decision (vedtak) on the whole programme (no focus area) or on one
 * focus area. One record per municipality and subject; it moves from proposed to adopted or rejected,
 * and `adoption_decision` keeps every move.
 */
@Entity('adoption')
@Check('CHK_adoption_status', `"status" IN (${sqlList(ADOPTION_STATUSES)})`)
@Check('CHK_adoption_decided', `"status" = 'PROPOSED' OR "decided_on" IS NOT NULL`)
@Index('UQ_adoption_programme', ['programmeId', 'municipalityId'], {
  unique: true,
  where: '"focus_area_id" IS NULL',
})
@Index('UQ_adoption_focus_area', ['programmeId', 'municipalityId', 'focusAreaId'], {
  unique: true,
  where: '"focus_area_id" IS NOT NULL',
})
export class AdoptionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_adoption' })
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_adoption_programme' })
  programme: Relation<ProgrammeEntity>;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_adoption_municipality' })
  municipality: Relation<MunicipalityEntity>;

  @Column({ name: 'focus_area_id', type: 'uuid', nullable: true })
  focusAreaId: string | null;

  @ManyToOne(() => FocusAreaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'focus_area_id', foreignKeyConstraintName: 'FK_adoption_focus_area' })
  focusArea: Relation<FocusAreaEntity> | null;

  @Column({ type: 'varchar', length: 20 })
  status: AdoptionStatus;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ name: 'case_reference', type: 'varchar', length: 50 })
  caseReference: string;

  /** The decision in the public record (eInnsyn or the municipality's archive). */
  @Column({ name: 'record_url', type: 'varchar', length: 500, nullable: true })
  recordUrl: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
