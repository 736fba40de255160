import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@tiltak/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sqlList } from './sql';

/**
 * The audit log of accounts: who did what to which account, when, from which address, and how it
 * ended. Never a password. The database refuses UPDATE, DELETE and TRUNCATE on it (trigger in the
 * migration), as it does for the change log.
 */
@Entity('audit_entry')
@Check('CHK_audit_entry_action', `"action" IN (${sqlList(AUDIT_ACTIONS)})`)
@Check('CHK_audit_entry_outcome', `"outcome" IN (${sqlList(AUDIT_OUTCOMES)})`)
@Index('IDX_audit_entry_user', ['userId', 'occurredAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_audit_entry' })
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 30 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 30 })
  outcome: AuditOutcome;

  /** Who did it: the user themselves for a sign-in, the admin for a change of role; null when unknown. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The account it concerns; null for a failed sign-in to an address that has no account. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** The account's e-mail address, or the address typed at a failed sign-in. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** The client's network address, as far as the trusted proxies say. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  address: string | null;

  /** What changed or how: the role before and after, the sign-in method. */
  @Column({ type: 'jsonb', nullable: true })
  detail: object | null;
}
