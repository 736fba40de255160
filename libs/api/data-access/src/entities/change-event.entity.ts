import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only record of every change (who, when, what, before and after). Its sequence follows
 * commit order, so it serves both as the audit trail and as the feed of live updates. The database
 * refuses UPDATE, DELETE and TRUNCATE on it (trigger in the migration).
 */
@Entity('change_event')
@Check('CHK_change_event_operation', `"operation" IN ('CREATE', 'UPDATE', 'DELETE')`)
@Index('IDX_change_event_programme_seq', ['programmeId', 'seq'])
@Index('IDX_change_event_entity', ['entity', 'entityId'])
export class ChangeEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_change_event' })
  seq: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_name', type: 'varchar', length: 200 })
  actorName: string;

  /** The signed-in user who made the change; null for the system itself (demo data, migrations). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 100 })
  entityId: string;

  @Column({ type: 'varchar', length: 10 })
  operation: 'CREATE' | 'UPDATE' | 'DELETE';

  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after: object | null;
}
