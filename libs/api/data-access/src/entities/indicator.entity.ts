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
import {
  INDICATOR_SOURCES,
  type IndicatorSource,
  MAX_PUBLICATION_LAG_MONTHS,
  MAX_SOURCE_REFERENCE_LENGTH,
} from '@tiltak/domain';
import { FocusAreaEntity } from './focus-area.entity';
import { MunicipalityEntity } from './municipality.entity';
import { ProgrammeEntity } from './programme.entity';
import { numericColumn, sqlList } from './sql';

/** A measured effect of the programme (indikator), such as jobs created or clusters founded. */
@Entity('indicator')
@Check('CHK_indicator_name', `char_length(btrim("name")) >= 1`)
@Check('CHK_indicator_target_year', `"target_year" BETWEEN 2000 AND 2100`)
@Check('CHK_indicator_source', `"source" IN (${sqlList(INDICATOR_SOURCES)})`)
// libs/domain's sourceReferenceProblem, as far as a database rule can hold it.
@Check('CHK_indicator_ssb_table', `"source" <> 'SSB' OR "source_reference" ~ '^[0-9]{5}$'`)
@Check('CHK_indicator_publication_lag', `"publication_lag_months" BETWEEN 0 AND ${MAX_PUBLICATION_LAG_MONTHS}`)
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

  /** Where the values come from; the register sources compute them instead of taking typed ones. */
  @Column({ type: 'varchar', length: 20, default: 'MANUAL' })
  source: IndicatorSource;

  /** The SSB table id, the other source's name, or where typed values were taken from. */
  @Column({ name: 'source_reference', type: 'varchar', length: MAX_SOURCE_REFERENCE_LENGTH, nullable: true })
  sourceReference: string | null;

  /** How many months after a year ends its figures are published (SSB's are late by design). */
  @Column({ name: 'publication_lag_months', type: 'smallint', default: 0 })
  publicationLagMonths: number;

  /**
   * Whether the municipalities' values add up to the region's: counts do, shares and averages
   * (per cent, per inhabitant) do not. Chosen with the unit, which is free text.
   */
  @Column({ type: 'boolean', default: true })
  summable: boolean;

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
