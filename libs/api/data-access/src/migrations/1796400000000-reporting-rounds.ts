import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting rounds (rapporteringsrunder) and their reports: one per action, and one per
 * municipality's own part where the action keeps one. Two partial unique indexes make a report
 * unique per round, action and part, since PostgreSQL 14 has no NULLS NOT DISTINCT.
 */
export class ReportingRounds1796400000000 implements MigrationInterface {
  name = 'ReportingRounds1796400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "reporting_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "deadline" date NOT NULL, "grace_days" smallint NOT NULL DEFAULT '7', "state" character varying(10) NOT NULL DEFAULT 'OPEN', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "opened_by_name" character varying(200) NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "reminder_days_before" smallint array NOT NULL DEFAULT '{7,1}', "reminder_days_after" smallint array NOT NULL DEFAULT '{1}', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_reporting_round_programme_name" UNIQUE ("programme_id", "name"), CONSTRAINT "CHK_reporting_round_closed_at" CHECK (("state" = 'CLOSED') = ("closed_at" IS NOT NULL)), CONSTRAINT "CHK_reporting_round_state" CHECK ("state" IN ('OPEN', 'CLOSED')), CONSTRAINT "CHK_reporting_round_grace_days" CHECK ("grace_days" BETWEEN 0 AND 60), CONSTRAINT "CHK_reporting_round_name" CHECK (char_length(btrim("name")) >= 1), CONSTRAINT "PK_reporting_round" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE TABLE "round_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "action_id" uuid NOT NULL, "municipality_id" uuid, "state" character varying(20) NOT NULL DEFAULT 'NOT_STARTED', "status" character varying(20), "progress" smallint, "health" character varying(20), "narrative" text NOT NULL DEFAULT '', "late" boolean NOT NULL DEFAULT false, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by_name" character varying(200), "submitted_by_user_id" uuid, "return_comment" text, "returned_at" TIMESTAMP WITH TIME ZONE, "returned_by_name" character varying(200), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_round_report_submitted" CHECK ("state" <> 'SUBMITTED' OR "submitted_at" IS NOT NULL), CONSTRAINT "CHK_round_report_narrative" CHECK (char_length("narrative") <= 10000), CONSTRAINT "CHK_round_report_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "CHK_round_report_health" CHECK ("health" IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK')), CONSTRAINT "CHK_round_report_status" CHECK ("status" IN ('NOT_STARTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED')), CONSTRAINT "CHK_round_report_state" CHECK ("state" IN ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED')), CONSTRAINT "PK_round_report" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_round_report_action" ON "round_report" ("action_id") `);
    await db.query(
      `CREATE UNIQUE INDEX "UQ_round_report_part" ON "round_report" ("round_id", "action_id", "municipality_id") WHERE "municipality_id" IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_round_report_action" ON "round_report" ("round_id", "action_id") WHERE "municipality_id" IS NULL`,
    );
    await db.query(
      `ALTER TABLE "reporting_round" ADD CONSTRAINT "FK_reporting_round_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "round_report" ADD CONSTRAINT "FK_round_report_round" FOREIGN KEY ("round_id") REFERENCES "reporting_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "round_report" ADD CONSTRAINT "FK_round_report_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "round_report" ADD CONSTRAINT "FK_round_report_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "round_report" ADD CONSTRAINT "FK_round_report_submitted_by" FOREIGN KEY ("submitted_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "round_report" DROP CONSTRAINT "FK_round_report_submitted_by"`);
    await db.query(`ALTER TABLE "round_report" DROP CONSTRAINT "FK_round_report_municipality"`);
    await db.query(`ALTER TABLE "round_report" DROP CONSTRAINT "FK_round_report_action"`);
    await db.query(`ALTER TABLE "round_report" DROP CONSTRAINT "FK_round_report_round"`);
    await db.query(`ALTER TABLE "reporting_round" DROP CONSTRAINT "FK_reporting_round_programme"`);
    await db.query(`DROP INDEX "public"."UQ_round_report_action"`);
    await db.query(`DROP INDEX "public"."UQ_round_report_part"`);
    await db.query(`DROP INDEX "public"."IDX_round_report_action"`);
    await db.query(`DROP TABLE "round_report"`);
    await db.query(`DROP TABLE "reporting_round"`);
  }
}
