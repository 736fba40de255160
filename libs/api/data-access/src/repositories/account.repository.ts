import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { LoginThrottleEntity, RefreshTokenEntity, UserEntity } from '../entities';

/** Users, their refresh tokens and the sign-in throttle. */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  userById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id });
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

  refreshTokenByHash(tokenHash: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  /** Marks a token used, once: false when another request used it first. */
  async markRefreshTokenUsed(id: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(RefreshTokenEntity, { id, usedAt: IsNull() }, { usedAt: () => 'now()' });
    return result.affected === 1;
  }

  revokeFamily(familyId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  revokeAllOfUser(userId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
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
