import { LANGUAGES, type Language, MAIL_STATES, type MailState } from '@tiltak/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { sqlList } from './sql';

/**
 * Every mail Tiltak sends, from the moment it is decided until it is delivered, kept (no SMTP
 * server configured) or given up. The dedupe key says what the mail is about (a digest for one
 * user on one day), so deciding it twice, on two instances at once, still makes one row.
 */
@Entity('mail_outbox')
@Unique('UQ_mail_outbox_dedupe_key', ['dedupeKey'])
@Check('CHK_mail_outbox_state', `"state" IN (${sqlList(MAIL_STATES)})`)
@Check('CHK_mail_outbox_language', `"language" IN (${sqlList(LANGUAGES)})`)
@Index('IDX_mail_outbox_created', ['createdAt'])
@Index('IDX_mail_outbox_due', ['nextAttemptAt'], { where: `"state" = 'QUEUED'` })
export class MailOutboxEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mail_outbox' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'varchar', length: 2 })
  language: Language;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  /** The one-click link that stops this kind of mail, sent as List-Unsubscribe; null for mail one cannot stop. */
  @Column({ name: 'stop_url', type: 'varchar', length: 500, nullable: true })
  stopUrl: string | null;

  @Column({ type: 'varchar', length: 10, default: 'QUEUED' })
  state: MailState;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** A failed attempt waits before the next one, longer each time. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
