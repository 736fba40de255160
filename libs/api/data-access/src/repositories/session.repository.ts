import { Injectable } from '@nestjs/common';
import type { SignInMethod } from '@tiltak/domain';
import { DataSource, IsNull } from 'typeorm';
import { RefreshTokenEntity, TokenFamilyEntity, UserEntity } from '../entities';
import { managerOf, type QueryScope } from './scope';

/** A refresh token as stored: only its hash, never the token itself. */
export type RefreshTokenFields = Pick<RefreshTokenEntity, 'familyId' | 'userId' | 'tokenHash' | 'expiresAt'>;

/** How long a session may last: since its last refresh, and since it began. */
export interface SessionLimits {
  idleSeconds: number;
  lifetimeSeconds: number;
}

/** A session asked for at a refresh: still going (until `endsAt` at the latest), or why it ended. */
export type SessionState = { live: true; endsAt: Date } | { live: false; why: 'ENDED' | 'IDLE' | 'LIFETIME' };

/**
 * The PostgreSQL channel on which ended sessions are announced, so that every instance closes
 * their live connections. The payload is a `SessionsEnded` as JSON.
 */
export const SESSIONS_ENDED_CHANNEL = 'tiltak_sessions_ended';

/** One session (`familyId`) or all of a user's (`familyId` null) have ended. */
export interface SessionsEnded {
  userId: string;
  familyId: string | null;
  reason: string;
}

/** Sessions (token families), their rotating refresh tokens, and the announcement that one ended. */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async startFamily(
    fields: { userId: string; method: SignInMethod; authenticatedAt: Date | null },
    scope: QueryScope,
  ): Promise<string> {
    const [row]: { id: string }[] = await managerOf(scope).query(
      `INSERT INTO token_family (user_id, method, authenticated_at) VALUES ($1, $2, coalesce($3, now())) RETURNING id`,
      [fields.userId, fields.method, fields.authenticatedAt],
    );
    return row.id;
  }

  familyById(id: string, scope: QueryScope = this.dataSource.manager): Promise<TokenFamilyEntity | null> {
    return managerOf(scope).findOneBy(TokenFamilyEntity, { id });
  }

  /**
   * Locks the session for this refresh and, if it is still live, records the refresh as its last
   * use. A session found idle or too old is ended here, its refresh tokens revoked. The clock is
   * the database's, as every instance shares it.
   */
  async useFamily(familyId: string, limits: SessionLimits, scope: QueryScope): Promise<SessionState> {
    const manager = managerOf(scope);
    const [row]: { ended: boolean; too_old: boolean; idle: boolean; ends_at: Date }[] = await manager.query(
      `SELECT ended_at IS NOT NULL AS ended,
              started_at <= now() - make_interval(secs => $2) AS too_old,
              last_used_at <= now() - make_interval(secs => $3) AS idle,
              started_at + make_interval(secs => $2) AS ends_at
         FROM token_family WHERE id = $1 FOR UPDATE`,
      [familyId, limits.lifetimeSeconds, limits.idleSeconds],
    );
    if (!row || row.ended) return { live: false, why: 'ENDED' };
    if (row.too_old || row.idle) {
      await this.endFamily(familyId, scope);
      return { live: false, why: row.too_old ? 'LIFETIME' : 'IDLE' };
    }
    await manager.update(TokenFamilyEntity, { id: familyId }, { lastUsedAt: () => 'now()' });
    return { live: true, endsAt: row.ends_at };
  }

  /** Ends one session and revokes its refresh tokens; false when it had already ended. */
  async endFamily(familyId: string, scope: QueryScope = this.dataSource.manager): Promise<boolean> {
    const manager = managerOf(scope);
    const ended = await manager.update(
      TokenFamilyEntity,
      { id: familyId, endedAt: IsNull() },
      { endedAt: () => 'now()' },
    );
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return ended.affected === 1;
  }

  /** Ends every session of a user, as a new password or deactivation must. */
  async endAllOfUser(userId: string, scope: QueryScope): Promise<void> {
    const manager = managerOf(scope);
    await manager.update(TokenFamilyEntity, { userId, endedAt: IsNull() }, { endedAt: () => 'now()' });
    await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /**
   * The user an access token speaks for, if its session is still going and began less than
   * `lifetimeSeconds` ago: one indexed read per request, which every instance answers alike.
   */
  async userOfLiveSession(userId: string, familyId: string, lifetimeSeconds: number): Promise<UserEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(
        TokenFamilyEntity,
        'f',
        'f.id = :familyId AND f.user_id = u.id AND f.ended_at IS NULL AND f.started_at > now() - make_interval(secs => :lifetime)',
        { familyId, lifetime: lifetimeSeconds },
      )
      .where('u.id = :userId', { userId })
      .getOne();
  }

  /** Tells every instance (this one too) that sessions ended; sent when the transaction commits. */
  async announceEnded(ended: SessionsEnded, scope: QueryScope): Promise<void> {
    await managerOf(scope).query('SELECT pg_notify($1, $2)', [SESSIONS_ENDED_CHANNEL, JSON.stringify(ended)]);
  }

  /**
   * Deletes up to `batch` sessions unused for longer than `lifetimeSeconds`, and their refresh
   * tokens with them. None of them can be live: a session never outlives its lifetime, and these
   * were last used before it began. Rows that another instance is deleting, or that a refresh has
   * locked, are skipped. Returns how many sessions went.
   */
  async deleteUnusedFor(lifetimeSeconds: number, batch: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM token_family WHERE id IN (
         SELECT id FROM token_family WHERE last_used_at < now() - make_interval(secs => $1)
          ORDER BY last_used_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [lifetimeSeconds, batch],
    );
    return deleted;
  }

  async issueRefreshToken(fields: RefreshTokenFields, scope: QueryScope = this.dataSource.manager): Promise<void> {
    await managerOf(scope).insert(RefreshTokenEntity, fields);
  }

  refreshTokenByHash(tokenHash: string, scope: QueryScope = this.dataSource.manager) {
    return managerOf(scope).findOneBy(RefreshTokenEntity, { tokenHash });
  }

  /** Marks a token used, once: false when another request used it first. */
  async markRefreshTokenUsed(id: string, scope: QueryScope): Promise<boolean> {
    const result = await managerOf(scope).update(
      RefreshTokenEntity,
      { id, usedAt: IsNull() },
      { usedAt: () => 'now()' },
    );
    return result.affected === 1;
  }
}
