import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for deleting what has expired: sessions by when they were last used, sign-in throttle
 * counts by when their window began. The deletes then read only the rows they remove.
 */
export class PruningIndexes1796200000000 implements MigrationInterface {
  name = 'PruningIndexes1796200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX "IDX_token_family_last_used" ON "token_family" ("last_used_at") `);
    await db.query(`CREATE INDEX "IDX_login_throttle_window" ON "login_throttle" ("window_started_at") `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "public"."IDX_login_throttle_window"`);
    await db.query(`DROP INDEX "public"."IDX_token_family_last_used"`);
  }
}
