import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditOutcome } from '@tiltak/domain';
import { DataSource } from 'typeorm';
import { AuditEntryEntity, UserEntity } from '../entities';
import { managerOf, type QueryScope } from './scope';

export interface AuditFields {
  action: AuditAction;
  outcome: AuditOutcome;
  actorUserId: string | null;
  userId: string | null;
  email: string | null;
  address: string | null;
  detail?: object | null;
}

/** An entry as read back, with the e-mail address of whoever did it. */
export interface AuditEntryRow extends AuditEntryEntity {
  actorEmail: string | null;
}

/** The append-only audit log of accounts. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends an entry; inside a write, it stands or falls with the write. */
  async record(fields: AuditFields, scope: QueryScope = this.dataSource.manager): Promise<void> {
    await managerOf(scope).insert(AuditEntryEntity, {
      ...fields,
      email: fields.email?.slice(0, 254) ?? null,
      address: fields.address?.slice(0, 100) ?? null,
      detail: fields.detail ?? null,
    });
  }

  /** A page of the log, newest first, and how many entries it holds in all. */
  async newestFirst(offset: number, limit: number): Promise<{ entries: AuditEntryRow[]; total: number }> {
    const { entities, raw } = await this.dataSource.manager
      .createQueryBuilder(AuditEntryEntity, 'a')
      .leftJoin(UserEntity, 'actor', 'actor.id = a.actor_user_id')
      .addSelect('actor.email', 'actor_email')
      .orderBy('a.id', 'DESC')
      .offset(offset)
      .limit(limit)
      .getRawAndEntities<{ actor_email: string | null }>();
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM audit_entry',
    );
    return { entries: entities.map((entry, i) => ({ ...entry, actorEmail: raw[i]?.actor_email ?? null })), total };
  }

  /** Whether this account has signed in from this address since `sinceDays` days ago. */
  async signedInFrom(userId: string, address: string, sinceDays: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM audit_entry
        WHERE user_id = $1 AND address = $2 AND action = 'SIGN_IN' AND outcome = 'SUCCESS'
          AND occurred_at > now() - make_interval(days => $3)
        LIMIT 1`,
      [userId, address, sinceDays],
    );
    return rows.length > 0;
  }
}
