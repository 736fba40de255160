import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The region that owns a programme and its municipalities. Tiltak starts with the Gardermoen
 * region, but scoping by region lets a second regional council share the database later.
 */
@Entity('region')
@Unique('UQ_region_slug', ['slug'])
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_region' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
