import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { ProgrammeEntity } from './programme.entity';

/** A prioritised sector or theme of a programme (satsingsområde). */
@Entity('focus_area')
@Unique('UQ_focus_area_programme_code', ['programmeId', 'code'])
@Check('CHK_focus_area_code', `"code" ~ '^[A-Z]{2,6}$'`)
export class FocusAreaEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_focus_area' })
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_focus_area_programme' })
  programme: Relation<ProgrammeEntity>;

  /** Short prefix of the focus area's action codes, for example `LOG` in `LOG-3`. */
  @Column({ type: 'varchar', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The priority of the regional innovation plan for Oslo and Akershus this area serves, if any. */
  @Column({ name: 'innovation_plan_priority', type: 'varchar', length: 200, nullable: true })
  innovationPlanPriority: string | null;

  @Column({ name: 'sort_order', type: 'smallint', default: 0 })
  sortOrder: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
