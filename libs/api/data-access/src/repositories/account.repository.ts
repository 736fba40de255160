import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { WriteTransaction } from '../change-log/programme-writer';
import { LoginThrottleEntity, RefreshTokenEntity, UserEntity } from '../entities';
import { updateIfVersion } from './guarded-update';
import { managerOf, type QueryScope } from './scope';

export type UserFields = Pick<UserEntity, 'email' | 'name' | 'role' | 'municipalityId' | 'partyId' | 'passwordHash'>;

export type UserPatch = Partial<Pick<UserEntity, 'name' | 'role' | 'municipalityId' | 'partyId' | 'active'>>;

/** A refresh token as stored: only its hash, never the token itself. */
export type RefreshTokenFields = Pick<RefreshTokenEntity, 'familyId' | 'userId' | 'tokenHash' | 'expiresAt'>;

/** Users, their refresh tokens and the sign-in throttle. */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  userById(id: string, scope: QueryScope = this.dataSource.manager): Promise<UserEntity | null> {
    return managerOf(scope).findOneBy(UserEntity, { id });
  }

  createUser(tx: WriteTransaction, fields: UserFields): Promise<UserEntity> {
    return managerOf(tx).save(managerOf(tx).create(UserEntity, fields));
  }

  /**
   * The user after the patch, or null when it is no longer at `expectedVersion`. With
   * `expireAccessTokens` the token version moves on, so access tokens already issued stop working.
   */
  updateUserIfVersion(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: UserPatch,
    { expireAccessTokens }: { expireAccessTokens: boolean },
  ): Promise<UserEntity | null> {
    return updateIfVersion(tx, UserEntity, { id }, expectedVersion, {
      ...patch,
      ...(expireAccessTokens && { tokenVersion: () => 'token_version + 1' }),
    });
  }

  /** Sets a new password hash and expires the access tokens already issued. */
  async replacePassword(userId: string, passwordHash: string, scope: QueryScope): Promise<void> {
    await managerOf(scope).update(
      UserEntity,
      { id: userId },
      { passwordHash, tokenVersion: () => 'token_version + 1', version: () => 'version + 1' },
    );
  }

  userByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { email: email.trim().toLowerCase() });
  }

  /** The stored argon2 hash, which ordinary reads never load. */
  async passwordHashOf(userId: string): Promise<string | null> {
    const row = await this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .select('u.password_hash', 'hash')
      .where('u.id = :userId', { userId })
      .getRawOne<{ hash: string | null }>();
    return row?.hash ?? null;
  }

  allUsers(): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, { order: { name: 'ASC' } });
  }

  /** Active project leads, with the party they act for: whom a coordinator can name on an action. */
  activeProjectLeads(): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, {
      where: { role: 'PROJECT_LEAD', active: true },
      relations: { party: true },
      order: { name: 'ASC' },
    });
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

  revokeFamily(familyId: string, scope: QueryScope = this.dataSource.manager) {
    return managerOf(scope).update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  revokeAllOfUser(userId: string, scope: QueryScope = this.dataSource.manager) {
    return managerOf(scope).update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /**
   * Counts a failed sign-in under each key and returns the failures now in each key's window.
   * A window that is older than `windowSeconds` starts again at one.
   */
  async recordFailure(keys: string[], windowSeconds: number): Promise<number[]> {
    const counts: number[] = [];
    for (const key of keys) {
      const [row]: { failures: number }[] = await this.dataSource.query(
        `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_throttle.window_started_at < now() - make_interval(secs => $2)
                           THEN 1 ELSE login_throttle.failures + 1 END,
           window_started_at = CASE WHEN login_throttle.window_started_at < now() - make_interval(secs => $2)
                                    THEN now() ELSE login_throttle.window_started_at END
         RETURNING failures`,
        [key, windowSeconds],
      );
      counts.push(row.failures);
    }
    return counts;
  }

  /** Failures still inside their window, per key. */
  async failures(keys: string[], windowSeconds: number): Promise<number[]> {
    const rows: { key: string; failures: number }[] = await this.dataSource.query(
      `SELECT key, failures FROM login_throttle
        WHERE key = ANY($1) AND window_started_at >= now() - make_interval(secs => $2)`,
      [keys, windowSeconds],
    );
    return keys.map((key) => rows.find((row) => row.key === key)?.failures ?? 0);
  }

  clearFailures(key: string) {
    return this.dataSource.manager.delete(LoginThrottleEntity, { key });
  }
}
