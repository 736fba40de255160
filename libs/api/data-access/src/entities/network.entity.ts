import { NETWORK_KINDS, type NetworkKind } from '@tiltak/domain';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { ActionEntity } from './action.entity';
import { MunicipalityEntity } from './municipality.entity';
import { PartyEntity } from './party.entity';
import { RegionEntity } from './region.entity';
import { sqlList } from './sql';

/**
 * A business network or cluster in the region's register: when it was founded (and ended), the
 * action that founded it, and the party it acts as. It belongs to the region, not to one
 * programme period: a network outlives the programme that started it.
 */
@Entity('network')
@Unique('UQ_network_region_name', ['regionId', 'name'])
@Index('UQ_network_party', ['partyId'], { unique: true, where: `"party_id" IS NOT NULL` })
@Index('IDX_network_founding_action', ['foundingActionId'])
@Check('CHK_network_name', `char_length(btrim("name")) >= 1`)
@Check('CHK_network_kind', `"kind" IN (${sqlList(NETWORK_KINDS)})`)
@Check('CHK_network_ended', `"ended_on" IS NULL OR "ended_on" >= "founded_on"`)
export class NetworkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_network' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_network_region' })
  region: Relation<RegionEntity>;

  /** The network as a party that takes part in actions, when it is one. */
  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  @ManyToOne(() => PartyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'FK_network_party' })
  party: Relation<PartyEntity> | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: NetworkKind;

  @Column({ name: 'founded_on', type: 'date' })
  foundedOn: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'founding_action_id', type: 'uuid', nullable: true })
  foundingActionId: string | null;

  @ManyToOne(() => ActionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'founding_action_id', foreignKeyConstraintName: 'FK_network_founding_action' })
  foundingAction: Relation<ActionEntity> | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** How many businesses of one municipality are members of a network (zero: none any more). */
@Entity('network_membership')
@Index('IDX_network_membership_municipality', ['municipalityId'])
@Check('CHK_network_membership_members', `"members" >= 0`)
export class NetworkMembershipEntity {
  @PrimaryColumn({ name: 'network_id', type: 'uuid', primaryKeyConstraintName: 'PK_network_membership' })
  networkId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'PK_network_membership' })
  municipalityId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'FK_network_membership_network' })
  network: Relation<NetworkEntity>;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_network_membership_municipality' })
  municipality: Relation<MunicipalityEntity>;

  @Column({ type: 'integer' })
  members: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
