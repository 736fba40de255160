import { FUNDING_YEARS, MAX_EFFORT_HOURS } from '@tiltak/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ActionEntity } from './action.entity';
import { PartyEntity } from './party.entity';

/** Hours of own effort (egeninnsats) a party put into an action in a year. */
@Entity('effort_entry')
@Index('IDX_effort_entry_party', ['partyId'])
@Check('CHK_effort_entry_hours', `"hours" BETWEEN 0 AND ${MAX_EFFORT_HOURS}`)
@Check('CHK_effort_entry_year', `"year" BETWEEN ${FUNDING_YEARS.min} AND ${FUNDING_YEARS.max}`)
export class EffortEntryEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid', primaryKeyConstraintName: 'PK_effort_entry' })
  actionId: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_effort_entry_action' })
  action: Relation<ActionEntity>;

  @PrimaryColumn({ name: 'party_id', type: 'uuid', primaryKeyConstraintName: 'PK_effort_entry' })
  partyId: string;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'FK_effort_entry_party' })
  party: Relation<PartyEntity>;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_effort_entry' })
  year: number;

  @Column({ type: 'integer' })
  hours: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
