import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Project leads named on an action by its coordinator, who may then update it. */
export class ProjectLeads1795900000000 implements MigrationInterface {
  name = 'ProjectLeads1795900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "action_project_lead" ("action_id" uuid NOT NULL, "user_id" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_action_project_lead" PRIMARY KEY ("action_id", "user_id"))`,
    );
    await db.query(`CREATE INDEX "IDX_action_project_lead_user" ON "action_project_lead" ("user_id") `);
    await db.query(
      `ALTER TABLE "action_project_lead" ADD CONSTRAINT "FK_action_project_lead_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "action_project_lead" ADD CONSTRAINT "FK_action_project_lead_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "action_project_lead" DROP CONSTRAINT "FK_action_project_lead_user"`);
    await db.query(`ALTER TABLE "action_project_lead" DROP CONSTRAINT "FK_action_project_lead_action"`);
    await db.query(`DROP INDEX "public"."IDX_action_project_lead_user"`);
    await db.query(`DROP TABLE "action_project_lead"`);
  }
}
