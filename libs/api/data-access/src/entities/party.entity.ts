import { PARTY_KINDS, type PartyKind } from '@tiltak/domain';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';
import { RegionEntity } from './region.entity';
import { sqlList } from './sql';

/**
 * An organisation that does the work (aktør), shared by every programme period of its region. Its
 * contact person is personal data.
 */
@Entity('party')
@Unique('UQ_party_region_name', ['regionId', 'name'])
@Check('CHK_party_name', `char_length(btrim("name")) >= 1`)
@Check('CHK_party_organisation_number', `"organisation_number" ~ '^[0-9]{9}$'`)
@Index('UQ_party_region_organisation_number', ['regionId', 'organisationNumber'], {
  unique: true,
  where: '"organisation_number" IS NOT NULL',
})
@Check('CHK_party_kind', `"kind" IN (${sqlList(PARTY_KINDS)})`)
export class PartyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_party' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_party_region' })
  region: Relation<RegionEntity>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  kind: PartyKind;

  /** Nine digits from the Brønnøysund register; keys the party in spreadsheets where given. */
  @Column({ name: 'organisation_number', type: 'varchar', length: 9, nullable: true })
  organisationNumber: string | null;

  @Column({ name: 'home_municipality_id', type: 'uuid', nullable: true })
  homeMunicipalityId: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_municipality_id', foreignKeyConstraintName: 'FK_party_home_municipality' })
  homeMunicipality: Relation<MunicipalityEntity> | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
