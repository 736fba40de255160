import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LoginThrottleEntity } from '../entities';

/** A throttle key and how many attempts it may hold in a window. */
export interface ThrottleLimit {
  key: string;
  limit: number;
}

class AtLimit extends Error {
  constructor(readonly key: string) {
    super(`${key} is at its limit`);
  }
}

/**
 * Counts a sign-in attempt under a key *before* its password is checked, in one statement that
 * takes the key's row lock: parallel attempts queue on that lock, so no more than the limit of
 * them are ever checked. A window older than `windowSeconds` starts again at one.
 */
const RESERVE = `
  INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN login_throttle.window_started_at < now() - make_interval(secs => $2)
                    THEN 1 ELSE login_throttle.failures + 1 END,
    window_started_at = CASE WHEN login_throttle.window_started_at < now() - make_interval(secs => $2)
                             THEN now() ELSE login_throttle.window_started_at END
  WHERE login_throttle.window_started_at < now() - make_interval(secs => $2) OR login_throttle.failures < $3
  RETURNING failures`;

/** The sign-in throttle, shared by every API instance through PostgreSQL. */
@Injectable()
export class SignInThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Reserves one attempt under every key, or under none: returns the key that is at its limit,
   * or null when the attempt may go ahead. Keys are taken in a fixed order, so two attempts that
   * share keys never wait for each other in a circle.
   */
  async reserve(limits: ThrottleLimit[], windowSeconds: number): Promise<string | null> {
    const ordered = [...limits].sort((a, b) => a.key.localeCompare(b.key));
    try {
      await this.dataSource.transaction(async (manager: EntityManager) => {
        for (const { key, limit } of ordered) {
          const rows: unknown[] = await manager.query(RESERVE, [key, windowSeconds, limit]);
          if (rows.length === 0) throw new AtLimit(key);
        }
      });
      return null;
    } catch (error) {
      if (error instanceof AtLimit) return error.key;
      throw error;
    }
  }

  /**
   * Deletes up to `batch` counts whose window began more than `windowSeconds` ago: the next
   * attempt under such a key would start again at one anyway. Rows another instance is deleting,
   * or an attempt has locked, are skipped. Returns how many went.
   */
  async deleteExpired(windowSeconds: number, batch: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM login_throttle WHERE key IN (
         SELECT key FROM login_throttle WHERE window_started_at < now() - make_interval(secs => $1)
          ORDER BY window_started_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [windowSeconds, batch],
    );
    return deleted;
  }

  /** Gives back the attempts of a sign-in that succeeded, and forgets `clearKey` altogether. */
  async release(keys: string[], clearKey: string): Promise<void> {
    await this.dataSource.query(`UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = ANY($1)`, [
      keys,
    ]);
    await this.dataSource.manager.delete(LoginThrottleEntity, { key: clearKey });
  }
}
