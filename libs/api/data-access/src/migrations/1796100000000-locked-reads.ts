import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lock, then read, in one round trip. A single `SELECT … FOR UPDATE` that waited for another
 * writer would read the other tables of its answer from the snapshot taken before it waited, so
 * the milestones it returned could be stale. A volatile function takes a fresh snapshot for each
 * statement: the read runs after the lock is held and sees what the other writer committed.
 * Both statements come from the repositories, with their values bound, never interpolated.
 */
export class LockedReads1796100000000 implements MigrationInterface {
  name = 'LockedReads1796100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION tiltak_lock_then_read(lock_sql text, read_sql text, key uuid, programme uuid)
      RETURNS json LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        result json;
      BEGIN
        EXECUTE lock_sql USING key, programme;
        EXECUTE read_sql INTO result USING key, programme;
        RETURN result;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION tiltak_lock_then_read(text, text, uuid, uuid)`);
  }
}
