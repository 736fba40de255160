import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PartyEntity } from './party.entity';
import { RoundReportEntity } from './round-report.entity';
import { UserEntity } from './user.entity';

/**
 * A link that lets one person without an account answer one report in a round. Only the SHA-256
 * of its token is kept: the token itself exists in the e-mail and nowhere else, so a copy of the
 * database opens no report.
 */
@Entity('report_link')
@Index('UQ_report_link_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_report_link_report', ['reportId'])
@Check('CHK_report_link_token_hash', `"token_hash" ~ '^[0-9a-f]{64}$'`)
@Check('CHK_report_link_revoked', `("revoked_at" IS NULL) = ("revoked_by_name" IS NULL)`)
export class ReportLinkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_report_link' })
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => RoundReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_report_link_report' })
  report: Relation<RoundReportEntity>;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'recipient_name', type: 'varchar', length: 200 })
  recipientName: string;

  @Column({ name: 'recipient_email', type: 'varchar', length: 254 })
  recipientEmail: string;

  /** The party whose contact person got the link; null when the sender typed the address. */
  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  @ManyToOne(() => PartyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'FK_report_link_party' })
  party: Relation<PartyEntity> | null;

  @Column({ name: 'sent_by_user_id', type: 'uuid' })
  sentByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sent_by_user_id', foreignKeyConstraintName: 'FK_report_link_sent_by' })
  sentBy: Relation<UserEntity>;

  @Column({ name: 'sent_by_name', type: 'varchar', length: 200 })
  sentByName: string;

  /** Whom the sender acts for, as the history shows it: "Nes kommune", a party's name, "Tiltak". */
  @Column({ name: 'sent_for', type: 'varchar', length: 200 })
  sentFor: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by_name', type: 'varchar', length: 200, nullable: true })
  revokedByName: string | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
