import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions and archive references: each adoption keeps the history of its decisions (append-only,
 * beginning with the decision it holds today), and adoptions, actions and reports gain a case
 * number and a link to the public record.
 */
export class DecisionsAndArchive1796520000000 implements MigrationInterface {
  name = 'DecisionsAndArchive1796520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "adoption_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "adoption_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "decided_on" date, "case_reference" character varying(50) NOT NULL, "record_url" character varying(500), "recorded_by_name" character varying(200) NOT NULL, "recorded_by_user_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_adoption_decision_decided" CHECK ("status" = 'PROPOSED' OR "decided_on" IS NOT NULL), CONSTRAINT "CHK_adoption_decision_status" CHECK ("status" IN ('PROPOSED', 'ADOPTED', 'REJECTED')), CONSTRAINT "PK_adoption_decision" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE INDEX "IDX_adoption_decision_adoption" ON "adoption_decision" ("adoption_id", "recorded_at") `,
    );
    await db.query(
      `ALTER TABLE "adoption_decision" ADD CONSTRAINT "FK_adoption_decision_adoption" FOREIGN KEY ("adoption_id") REFERENCES "adoption"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(`ALTER TABLE "adoption" ADD "record_url" character varying(500)`);
    await db.query(`ALTER TABLE "action" ADD "case_reference" character varying(50)`);
    await db.query(`ALTER TABLE "action" ADD "record_url" character varying(500)`);
    await db.query(`ALTER TABLE "round_report" ADD "case_reference" character varying(50)`);
    await db.query(`ALTER TABLE "round_report" ADD "record_url" character varying(500)`);

    // Each adoption's history begins with the decision it holds, recorded when and by whom the
    // change log last saw it change (the demo and older data have no earlier moves to recover).
    await db.query(`
      INSERT INTO "adoption_decision" ("adoption_id", "status", "decided_on", "case_reference", "recorded_by_name", "recorded_by_user_id", "recorded_at")
      SELECT a."id", a."status", a."decided_on", a."case_reference",
             coalesce(last."actor_name", 'Tiltak'), last."actor_user_id", coalesce(last."occurred_at", now())
        FROM "adoption" a
        LEFT JOIN LATERAL (
          SELECT e."actor_name", e."actor_user_id", e."occurred_at" FROM "change_event" e
           WHERE e."entity" = 'adoption' AND e."entity_id" = a."id"::text
           ORDER BY e."seq" DESC LIMIT 1) last ON true`);

    // A decision, once recorded, is history: a correction is a new decision, never an edit.
    await db.query(`CREATE TRIGGER "TRG_adoption_decision_append_only" BEFORE UPDATE OR DELETE ON "adoption_decision"
      FOR EACH ROW EXECUTE FUNCTION tiltak_refuse_rewrite()`);
    await db.query(`CREATE TRIGGER "TRG_adoption_decision_no_truncate" BEFORE TRUNCATE ON "adoption_decision"
      FOR EACH STATEMENT EXECUTE FUNCTION tiltak_refuse_rewrite()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "TRG_adoption_decision_no_truncate" ON "adoption_decision"`);
    await db.query(`DROP TRIGGER "TRG_adoption_decision_append_only" ON "adoption_decision"`);
    await db.query(`ALTER TABLE "round_report" DROP COLUMN "record_url"`);
    await db.query(`ALTER TABLE "round_report" DROP COLUMN "case_reference"`);
    await db.query(`ALTER TABLE "action" DROP COLUMN "record_url"`);
    await db.query(`ALTER TABLE "action" DROP COLUMN "case_reference"`);
    await db.query(`ALTER TABLE "adoption" DROP COLUMN "record_url"`);
    await db.query(`ALTER TABLE "adoption_decision" DROP CONSTRAINT "FK_adoption_decision_adoption"`);
    await db.query(`DROP INDEX "public"."IDX_adoption_decision_adoption"`);
    await db.query(`DROP TABLE "adoption_decision"`);
  }
}
