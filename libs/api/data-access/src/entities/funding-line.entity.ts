import {
  FUNDING_SOURCES,
  FUNDING_STATUSES,
  FUNDING_YEARS,
  MAX_KRONER,
  type FundingSource,
  type FundingStatus,
} from '@tiltak/domain';
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
import { ActionEntity } from './action.entity';
import { MunicipalityEntity } from './municipality.entity';
import { kronerColumn, sqlList } from './sql';

/**
 * One source of an action's money (finansieringslinje): a municipality's share, county development
 * funds, an Innovasjon Norge grant, …, with where it stands, its amount in whole kroner and its year.
 */
@Entity('funding_line')
@Index('IDX_funding_line_action', ['actionId'])
@Index('IDX_funding_line_municipality', ['municipalityId'])
@Check('CHK_funding_line_source', `"source" IN (${sqlList(FUNDING_SOURCES)})`)
@Check('CHK_funding_line_status', `"status" IN (${sqlList(FUNDING_STATUSES)})`)
@Check('CHK_funding_line_amount', `"amount" > 0 AND "amount" <= ${MAX_KRONER}`)
@Check('CHK_funding_line_year', `"year" BETWEEN ${FUNDING_YEARS.min} AND ${FUNDING_YEARS.max}`)
@Check('CHK_funding_line_municipality', `("source" = 'MUNICIPALITY') = ("municipality_id" IS NOT NULL)`)
@Check(
  'CHK_funding_line_source_name',
  `"source" NOT IN ('OTHER', 'PRIVATE', 'EU') OR char_length(btrim(coalesce("source_name", ''))) > 0`,
)
export class FundingLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_funding_line' })
  id: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_funding_line_action' })
  action: Relation<ActionEntity>;

  @Column({ type: 'varchar', length: 20 })
  source: FundingSource;

  /** The municipality whose share it is: set exactly when the source is MUNICIPALITY. */
  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_funding_line_municipality' })
  municipality: Relation<MunicipalityEntity> | null;

  /** Whose money it is, such as the fund or the business: required for OTHER, PRIVATE and EU. */
  @Column({ name: 'source_name', type: 'varchar', length: 200, nullable: true })
  sourceName: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: FundingStatus;

  @Column({ type: 'bigint', transformer: kronerColumn })
  amount: number;

  @Column({ type: 'smallint' })
  year: number;

  /** The funder's case number, free form (an application number, a saksnummer). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
