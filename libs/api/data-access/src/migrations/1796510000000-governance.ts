import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'ADMIN', 'COUNCIL', 'COORDINATOR', 'PROJECT_LEAD'`;
const ROLES_AFTER = `'ADMIN', 'SECRETARIAT', 'COUNCIL', 'ELECTED', 'COORDINATOR', 'PROJECT_LEAD'`;

/**
 * The council's secretariat runs the programme without administering users, and elected officials
 * read it without personal data: two roles beside the four there were. A coordinator proposes
 * changes to an action of every municipality (`action_proposal`) for the secretariat to decide.
 */
export class Governance1796510000000 implements MigrationInterface {
  name = 'Governance1796510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_role"`);
    await db.query(`ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_role" CHECK ("role" IN (${ROLES_AFTER}))`);
    await db.query(
      `CREATE TABLE "action_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "proposed_by" uuid NOT NULL, "proposed_by_name" character varying(200) NOT NULL, "base_version" integer NOT NULL, "changes" jsonb NOT NULL, "comment" text NOT NULL, "state" character varying(20) NOT NULL DEFAULT 'PENDING', "decided_by" uuid, "decided_by_name" character varying(200), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_action_proposal_decided" CHECK (("state" = 'PENDING') = ("decided_at" IS NULL)), CONSTRAINT "CHK_action_proposal_state" CHECK ("state" IN ('PENDING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')), CONSTRAINT "PK_action_proposal" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_action_proposal_state" ON "action_proposal" ("state", "created_at") `);
    await db.query(`CREATE INDEX "IDX_action_proposal_action" ON "action_proposal" ("action_id") `);
    await db.query(
      `ALTER TABLE "action_proposal" ADD CONSTRAINT "FK_action_proposal_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "action_proposal" ADD CONSTRAINT "FK_action_proposal_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "action_proposal" ADD CONSTRAINT "FK_action_proposal_decided_by" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "action_proposal"`);
    // The older schema knows neither role; the nearest it has for both is the council, which reads and writes nothing.
    await db.query(`UPDATE "app_user" SET "role" = 'COUNCIL' WHERE "role" IN ('SECRETARIAT', 'ELECTED')`);
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_role"`);
    await db.query(`ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_role" CHECK ("role" IN (${ROLES_BEFORE}))`);
  }
}
