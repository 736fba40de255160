import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'ADMIN', 'COUNCIL', 'COORDINATOR', 'PROJECT_LEAD'`;
const ROLES_AFTER = `'ADMIN', 'SECRETARIAT', 'COUNCIL', 'ELECTED', 'COORDINATOR', 'PROJECT_LEAD'`;

/**
 * The council's secretariat runs the programme without administering users, and elected officials
 * read it without personal data: two roles beside the four there were.
 */
export class Governance1796510000000 implements MigrationInterface {
  name = 'Governance1796510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_role"`);
    await db.query(`ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_role" CHECK ("role" IN (${ROLES_AFTER}))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The older schema knows neither role; the nearest it has for both is the council, which reads and writes nothing.
    await db.query(`UPDATE "app_user" SET "role" = 'COUNCIL' WHERE "role" IN ('SECRETARIAT', 'ELECTED')`);
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_role"`);
    await db.query(`ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_role" CHECK ("role" IN (${ROLES_BEFORE}))`);
  }
}
