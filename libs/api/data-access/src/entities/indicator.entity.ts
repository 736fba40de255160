import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { FocusAreaEntity } from './focus-area.entity';
import { MunicipalityEntity } from './municipality.entity';
import { ProgrammeEntity } from './programme.entity';
import { numericColumn } from './sql';

/** A measured effect of the programme (indikator), such as jobs created or clusters founded. */
@Entity('indicator')
@Check('CHK_indicator_name', `char_length(btrim("name")) >= 1`)
@Check('CHK_indicator_target_year', `"target_year" BETWEEN 2000 AND 2100`)
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_indicator' })
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_indicator_programme' })
  programme: Relation<ProgrammeEntity>;

  @Column({ name: 'focus_area_id', type: 'uuid', nullable: true })
  focusAreaId: string | null;

  @ManyToOne(() => FocusAreaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'focus_area_id', foreignKeyConstraintName: 'FK_indicator_focus_area' })
  focusArea: Relation<FocusAreaEntity> | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  unit: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericColumn })
  baseline: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericColumn })
  target: number;

  @Column({ name: 'target_year', type: 'smallint' })
  targetYear: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** One year's measured value of an indicator in one municipality. */
@Entity('indicator_value')
@Check('CHK_indicator_value_year', `"year" BETWEEN 2000 AND 2100`)
export class IndicatorValueEntity {
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid', primaryKeyConstraintName: 'PK_indicator_value' })
  indicatorId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'PK_indicator_value' })
  municipalityId: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_indicator_value' })
  year: number;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'FK_indicator_value_indicator' })
  indicator: Relation<IndicatorEntity>;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_indicator_value_municipality' })
  municipality: Relation<MunicipalityEntity>;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericColumn })
  value: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
