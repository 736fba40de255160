import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Money and effort: an action's budget, its funding lines by source and status, and hours of own effort per party. */
export class Funding1796540000000 implements MigrationInterface {
  name = 'Funding1796540000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "effort_entry" ("action_id" uuid NOT NULL, "party_id" uuid NOT NULL, "year" smallint NOT NULL, "hours" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_effort_entry_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "CHK_effort_entry_hours" CHECK ("hours" BETWEEN 0 AND 1000000), CONSTRAINT "PK_effort_entry" PRIMARY KEY ("action_id", "party_id", "year"))`,
    );
    await db.query(`CREATE INDEX "IDX_effort_entry_party" ON "effort_entry"  ("party_id") `);
    await db.query(
      `CREATE TABLE "funding_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "source" character varying(20) NOT NULL, "municipality_id" uuid, "source_name" character varying(200), "status" character varying(20) NOT NULL, "amount" bigint NOT NULL, "year" smallint NOT NULL, "reference" character varying(100), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_funding_line_source_name" CHECK ("source" NOT IN ('OTHER', 'PRIVATE', 'EU') OR char_length(btrim(coalesce("source_name", ''))) > 0), CONSTRAINT "CHK_funding_line_municipality" CHECK (("source" = 'MUNICIPALITY') = ("municipality_id" IS NOT NULL)), CONSTRAINT "CHK_funding_line_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "CHK_funding_line_amount" CHECK ("amount" > 0 AND "amount" <= 1000000000000), CONSTRAINT "CHK_funding_line_status" CHECK ("status" IN ('PLANNED', 'APPLIED', 'GRANTED', 'REFUSED')), CONSTRAINT "CHK_funding_line_source" CHECK ("source" IN ('MUNICIPALITY', 'COUNTY', 'INNOVASJON_NORGE', 'STATE', 'EU', 'PRIVATE', 'OTHER')), CONSTRAINT "PK_funding_line" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_funding_line_municipality" ON "funding_line"  ("municipality_id") `);
    await db.query(`CREATE INDEX "IDX_funding_line_action" ON "funding_line"  ("action_id") `);
    await db.query(`ALTER TABLE "action" ADD "budget" bigint`);
    await db.query(
      `ALTER TABLE "action" ADD CONSTRAINT "CHK_action_budget" CHECK ("budget" BETWEEN 0 AND 1000000000000)`,
    );
    await db.query(
      `ALTER TABLE "effort_entry" ADD CONSTRAINT "FK_effort_entry_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "effort_entry" ADD CONSTRAINT "FK_effort_entry_party" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "funding_line" ADD CONSTRAINT "FK_funding_line_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "funding_line" ADD CONSTRAINT "FK_funding_line_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "funding_line" DROP CONSTRAINT "FK_funding_line_municipality"`);
    await db.query(`ALTER TABLE "funding_line" DROP CONSTRAINT "FK_funding_line_action"`);
    await db.query(`ALTER TABLE "effort_entry" DROP CONSTRAINT "FK_effort_entry_party"`);
    await db.query(`ALTER TABLE "effort_entry" DROP CONSTRAINT "FK_effort_entry_action"`);
    await db.query(`ALTER TABLE "action" DROP CONSTRAINT "CHK_action_budget"`);
    await db.query(`ALTER TABLE "action" DROP COLUMN "budget"`);
    await db.query(`DROP INDEX "public"."IDX_funding_line_action"`);
    await db.query(`DROP INDEX "public"."IDX_funding_line_municipality"`);
    await db.query(`DROP TABLE "funding_line"`);
    await db.query(`DROP INDEX "public"."IDX_effort_entry_party"`);
    await db.query(`DROP TABLE "effort_entry"`);
  }
}
