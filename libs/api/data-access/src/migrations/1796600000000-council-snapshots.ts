import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Council snapshots (øyeblikksbilder): the programme frozen at a moment, as one JSON document copied
 * from the live tables when it is taken. Append-only: a snapshot is what the council was shown, so
 * the database refuses to change or remove one.
 */
export class CouncilSnapshots1796600000000 implements MigrationInterface {
  name = 'CouncilSnapshots1796600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "council_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "trigger" character varying(20) NOT NULL, "round_id" uuid, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "taken_by" uuid, "document" jsonb NOT NULL, CONSTRAINT "CHK_council_snapshot_title" CHECK (char_length(btrim("title")) BETWEEN 1 AND 200), CONSTRAINT "CHK_council_snapshot_trigger" CHECK ("trigger" IN ('ROUND_CLOSED', 'MANUAL')), CONSTRAINT "CHK_council_snapshot_round" CHECK (("trigger" = 'ROUND_CLOSED') = ("round_id" IS NOT NULL)), CONSTRAINT "PK_council_snapshot" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_council_snapshot_programme" ON "council_snapshot" ("programme_id", "taken_at") `);
    await db.query(
      `ALTER TABLE "council_snapshot" ADD CONSTRAINT "FK_council_snapshot_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "council_snapshot" ADD CONSTRAINT "FK_council_snapshot_round" FOREIGN KEY ("round_id") REFERENCES "reporting_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(`CREATE TRIGGER "TRG_council_snapshot_append_only" BEFORE UPDATE OR DELETE ON "council_snapshot"
      FOR EACH ROW EXECUTE FUNCTION tiltak_refuse_rewrite()`);
    await db.query(`CREATE TRIGGER "TRG_council_snapshot_no_truncate" BEFORE TRUNCATE ON "council_snapshot"
      FOR EACH STATEMENT EXECUTE FUNCTION tiltak_refuse_rewrite()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "TRG_council_snapshot_no_truncate" ON "council_snapshot"`);
    await db.query(`DROP TRIGGER "TRG_council_snapshot_append_only" ON "council_snapshot"`);
    await db.query(`DROP TABLE "council_snapshot"`);
  }
}
