import { PROGRAMME_STATES, type ProgrammeState } from '@tiltak/domain';
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
  Unique,
} from 'typeorm';
import { RegionEntity } from './region.entity';
import { sqlList } from './sql';

/**
 * One period's action programme (handlingsprogram) under the region's strategic business plan. A
 * region has one CURRENT period; the earlier ones are ENDED and read as they were.
 */
@Entity('programme')
@Check('CHK_programme_state', `"state" IN (${sqlList(PROGRAMME_STATES)})`)
@Index('UQ_programme_region_current', ['regionId'], { unique: true, where: `"state" = 'CURRENT'` })
@Index('UQ_programme_predecessor', ['predecessorId'], { unique: true })
@Unique('UQ_programme_region_slug', ['regionId', 'slug'])
@Check('CHK_programme_period', '"start_year" <= "end_year"')
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_programme' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_programme_region' })
  region: Relation<RegionEntity>;

  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'start_year', type: 'smallint' })
  startYear: number;

  @Column({ name: 'end_year', type: 'smallint' })
  endYear: number;

  @Column({ type: 'varchar', length: 10, default: 'CURRENT' })
  state: ProgrammeState;

  /** The period this one revised (rullering), if any. */
  @Column({ name: 'predecessor_id', type: 'uuid', nullable: true })
  predecessorId: string | null;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'predecessor_id', foreignKeyConstraintName: 'FK_programme_predecessor' })
  predecessor: Relation<ProgrammeEntity> | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
