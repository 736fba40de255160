import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { RegionEntity } from './region.entity';

/** One period's action programme (handlingsprogram) under the region's strategic business plan. */
@Entity('programme')
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
