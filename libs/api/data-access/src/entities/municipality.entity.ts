import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { RegionEntity } from './region.entity';

@Entity('municipality')
@Unique('UQ_municipality_region_slug', ['regionId', 'slug'])
export class MunicipalityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_municipality' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_municipality_region' })
  region: Relation<RegionEntity>;

  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}
