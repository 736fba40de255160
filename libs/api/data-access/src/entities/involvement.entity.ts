import { INVOLVEMENT_LEVELS, INVOLVEMENT_ROLES, type InvolvementLevel, type InvolvementRole } from '@tiltak/domain';
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
import { ActionEntity } from './action.entity';
import { PartyEntity } from './party.entity';
import { sqlList } from './sql';

/** A party's part in an action (rolle). An action has at most one lead. */
@Entity('involvement')
@Unique('UQ_involvement_action_party', ['actionId', 'partyId'])
@Index('UQ_involvement_one_lead', ['actionId'], { unique: true, where: `"role" = 'LEAD'` })
@Index('IDX_involvement_party', ['partyId'])
@Check('CHK_involvement_role', `"role" IN (${sqlList(INVOLVEMENT_ROLES)})`)
@Check('CHK_involvement_level', `"level" IN (${sqlList(INVOLVEMENT_LEVELS)})`)
export class InvolvementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_involvement' })
  id: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_involvement_action' })
  action: Relation<ActionEntity>;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId: string;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'FK_involvement_party' })
  party: Relation<PartyEntity>;

  @Column({ type: 'varchar', length: 10 })
  role: InvolvementRole;

  @Column({ type: 'varchar', length: 12 })
  level: InvolvementLevel;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
