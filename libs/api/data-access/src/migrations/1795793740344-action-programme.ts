import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The action programme: actions with their municipalities, milestones, parties and involvements,
 * status history, indicators, adoptions, and the append-only change log. The SQL functions mirror
 * the progress and health rules of libs/domain for aggregates; a test holds the two together.
 */
export class ActionProgramme1795793740344 implements MigrationInterface {
  name = 'ActionProgramme1795793740344';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "focus_area" ADD "version" integer NOT NULL DEFAULT '1'`);
    await db.query(
      `CREATE TABLE "action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "focus_area_id" uuid NOT NULL, "code" character varying(12) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "status" character varying(20) NOT NULL DEFAULT 'NOT_STARTED', "start_date" date NOT NULL, "due_date" date NOT NULL, "manual_progress" smallint, "progress" smallint NOT NULL DEFAULT '0', "weight" smallint NOT NULL DEFAULT '1', "health_override" character varying(20), "health_override_comment" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_action_programme_code" UNIQUE ("programme_id", "code"), CONSTRAINT "CHK_action_health_override_comment" CHECK ("health_override" IS NULL OR char_length(btrim(coalesce("health_override_comment", ''))) > 0), CONSTRAINT "CHK_action_health_override" CHECK ("health_override" IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK')), CONSTRAINT "CHK_action_weight" CHECK ("weight" BETWEEN 1 AND 100), CONSTRAINT "CHK_action_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "CHK_action_manual_progress" CHECK ("manual_progress" BETWEEN 0 AND 100), CONSTRAINT "CHK_action_dates" CHECK ("due_date" >= "start_date"), CONSTRAINT "CHK_action_status" CHECK ("status" IN ('NOT_STARTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED')), CONSTRAINT "CHK_action_description" CHECK (char_length("description") <= 10000), CONSTRAINT "CHK_action_title" CHECK (char_length(btrim("title")) >= 1), CONSTRAINT "CHK_action_code" CHECK ("code" ~ '^[A-Z]{2,6}-[0-9]{1,4}$'), CONSTRAINT "PK_action" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_action_focus_area" ON "action"  ("focus_area_id") `);
    await db.query(
      `CREATE TABLE "adoption" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "focus_area_id" uuid, "status" character varying(20) NOT NULL, "decided_on" date, "case_reference" character varying(50) NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_adoption_decided" CHECK ("status" = 'PROPOSED' OR "decided_on" IS NOT NULL), CONSTRAINT "CHK_adoption_status" CHECK ("status" IN ('PROPOSED', 'ADOPTED', 'REJECTED')), CONSTRAINT "PK_adoption" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_adoption_focus_area" ON "adoption"  ("programme_id", "municipality_id", "focus_area_id") WHERE "focus_area_id" IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_adoption_programme" ON "adoption"  ("programme_id", "municipality_id") WHERE "focus_area_id" IS NULL`,
    );
    await db.query(
      `CREATE TABLE "change_event" ("seq" BIGSERIAL NOT NULL, "programme_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_name" character varying(200) NOT NULL, "entity" character varying(40) NOT NULL, "entity_id" character varying(100) NOT NULL, "operation" character varying(10) NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "CHK_change_event_operation" CHECK ("operation" IN ('CREATE', 'UPDATE', 'DELETE')), CONSTRAINT "PK_change_event" PRIMARY KEY ("seq"))`,
    );
    await db.query(`CREATE INDEX "IDX_change_event_entity" ON "change_event"  ("entity", "entity_id") `);
    await db.query(`CREATE INDEX "IDX_change_event_programme_seq" ON "change_event"  ("programme_id", "seq") `);
    await db.query(
      `CREATE TABLE "indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "focus_area_id" uuid, "name" character varying(200) NOT NULL, "unit" character varying(50) NOT NULL, "baseline" numeric(14,2) NOT NULL, "target" numeric(14,2) NOT NULL, "target_year" smallint NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_indicator_target_year" CHECK ("target_year" BETWEEN 2000 AND 2100), CONSTRAINT "CHK_indicator_name" CHECK (char_length(btrim("name")) >= 1), CONSTRAINT "PK_indicator" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE TABLE "indicator_value" ("indicator_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "year" smallint NOT NULL, "value" numeric(14,2) NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_indicator_value_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "PK_indicator_value" PRIMARY KEY ("indicator_id", "municipality_id", "year"))`,
    );
    await db.query(
      `CREATE TABLE "party" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "home_municipality_id" uuid, "contact_name" character varying(200), "contact_email" character varying(254), "website" character varying(500), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_party_programme_name" UNIQUE ("programme_id", "name"), CONSTRAINT "CHK_party_kind" CHECK ("kind" IN ('MUNICIPALITY', 'BUSINESS', 'NETWORK', 'CLUSTER', 'RESEARCH_INNOVATION', 'REGIONAL_AUTHORITY', 'NEIGHBOUR_REGION')), CONSTRAINT "CHK_party_name" CHECK (char_length(btrim("name")) >= 1), CONSTRAINT "PK_party" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE TABLE "involvement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "party_id" uuid NOT NULL, "role" character varying(10) NOT NULL, "level" character varying(12) NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_involvement_action_party" UNIQUE ("action_id", "party_id"), CONSTRAINT "CHK_involvement_level" CHECK ("level" IN ('STRATEGIC', 'OPERATIONAL')), CONSTRAINT "CHK_involvement_role" CHECK ("role" IN ('LEAD', 'PARTNER')), CONSTRAINT "PK_involvement" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_involvement_party" ON "involvement"  ("party_id") `);
    await db.query(
      `CREATE UNIQUE INDEX "UQ_involvement_one_lead" ON "involvement"  ("action_id") WHERE "role" = 'LEAD'`,
    );
    await db.query(
      `CREATE TABLE "milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "due_date" date NOT NULL, "weight" smallint NOT NULL DEFAULT '1', "completed_on" date, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_milestone_weight" CHECK ("weight" BETWEEN 1 AND 100), CONSTRAINT "CHK_milestone_title" CHECK (char_length(btrim("title")) >= 1), CONSTRAINT "PK_milestone" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_milestone_open_due" ON "milestone"  ("due_date") WHERE "completed_on" IS NULL`);
    await db.query(`CREATE INDEX "IDX_milestone_action" ON "milestone"  ("action_id") `);
    await db.query(
      `CREATE TABLE "participation" ("action_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "status" character varying(20), "progress" smallint, "note" character varying(500) NOT NULL DEFAULT '', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_participation_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "CHK_participation_status" CHECK ("status" IN ('NOT_STARTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED')), CONSTRAINT "PK_participation" PRIMARY KEY ("action_id", "municipality_id"))`,
    );
    await db.query(`CREATE INDEX "IDX_participation_municipality" ON "participation"  ("municipality_id") `);
    await db.query(
      `CREATE TABLE "status_update" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(20) NOT NULL, "progress" smallint NOT NULL, "health" character varying(20) NOT NULL, "comment" text NOT NULL DEFAULT '', "author_name" character varying(200) NOT NULL, CONSTRAINT "CHK_status_update_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "CHK_status_update_health" CHECK ("health" IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK')), CONSTRAINT "CHK_status_update_status" CHECK ("status" IN ('NOT_STARTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED')), CONSTRAINT "PK_status_update" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_status_update_action" ON "status_update"  ("action_id", "created_at") `);
    await db.query(
      `ALTER TABLE "action" ADD CONSTRAINT "FK_action_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "action" ADD CONSTRAINT "FK_action_focus_area" FOREIGN KEY ("focus_area_id") REFERENCES "focus_area"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "adoption" ADD CONSTRAINT "FK_adoption_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "adoption" ADD CONSTRAINT "FK_adoption_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "adoption" ADD CONSTRAINT "FK_adoption_focus_area" FOREIGN KEY ("focus_area_id") REFERENCES "focus_area"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "indicator" ADD CONSTRAINT "FK_indicator_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "indicator" ADD CONSTRAINT "FK_indicator_focus_area" FOREIGN KEY ("focus_area_id") REFERENCES "focus_area"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "indicator_value" ADD CONSTRAINT "FK_indicator_value_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "indicator_value" ADD CONSTRAINT "FK_indicator_value_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "party" ADD CONSTRAINT "FK_party_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "party" ADD CONSTRAINT "FK_party_home_municipality" FOREIGN KEY ("home_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "involvement" ADD CONSTRAINT "FK_involvement_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "involvement" ADD CONSTRAINT "FK_involvement_party" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "milestone" ADD CONSTRAINT "FK_milestone_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_participation_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_participation_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "status_update" ADD CONSTRAINT "FK_status_update_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // The history is append-only: the database itself refuses to rewrite or remove it.
    await db.query(`
      CREATE FUNCTION tiltak_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['change_event', 'status_update']) {
      await db.query(`CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION tiltak_refuse_rewrite()`);
      await db.query(`CREATE TRIGGER "TRG_${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION tiltak_refuse_rewrite()`);
    }
    // The rules of libs/domain/src/lib/progress.ts, for aggregates computed in SQL.
    await db.query(`
      CREATE FUNCTION tiltak_rounded_ratio(numerator bigint, denominator bigint) RETURNS bigint
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN floor((2 * numerator + denominator)::numeric / (2 * denominator))::bigint`);
    await db.query(`
      CREATE FUNCTION tiltak_expected_progress(start_date date, due_date date, today date) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN CASE
        WHEN today - start_date >= due_date - start_date THEN 100
        WHEN today - start_date <= 0 THEN 0
        ELSE tiltak_rounded_ratio(100 * (today - start_date), due_date - start_date)::integer
      END`);
    await db.query(`
      CREATE FUNCTION tiltak_health(status text, progress integer, start_date date, due_date date, today date)
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN CASE
        WHEN status IN ('COMPLETED', 'CANCELLED') THEN 'ON_TRACK'
        WHEN today > due_date OR tiltak_expected_progress(start_date, due_date, today) - progress > 25 THEN 'OFF_TRACK'
        WHEN tiltak_expected_progress(start_date, due_date, today) - progress > 10 THEN 'AT_RISK'
        ELSE 'ON_TRACK'
      END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION tiltak_health(text, integer, date, date, date)`);
    await db.query(`DROP FUNCTION tiltak_expected_progress(date, date, date)`);
    await db.query(`DROP FUNCTION tiltak_rounded_ratio(bigint, bigint)`);
    for (const table of ['change_event', 'status_update']) {
      await db.query(`DROP TRIGGER "TRG_${table}_no_truncate" ON "${table}"`);
      await db.query(`DROP TRIGGER "TRG_${table}_append_only" ON "${table}"`);
    }
    await db.query(`DROP FUNCTION tiltak_refuse_rewrite()`);
    await db.query(`ALTER TABLE "status_update" DROP CONSTRAINT "FK_status_update_action"`);
    await db.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_participation_municipality"`);
    await db.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_participation_action"`);
    await db.query(`ALTER TABLE "milestone" DROP CONSTRAINT "FK_milestone_action"`);
    await db.query(`ALTER TABLE "involvement" DROP CONSTRAINT "FK_involvement_party"`);
    await db.query(`ALTER TABLE "involvement" DROP CONSTRAINT "FK_involvement_action"`);
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "FK_party_home_municipality"`);
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "FK_party_programme"`);
    await db.query(`ALTER TABLE "indicator_value" DROP CONSTRAINT "FK_indicator_value_municipality"`);
    await db.query(`ALTER TABLE "indicator_value" DROP CONSTRAINT "FK_indicator_value_indicator"`);
    await db.query(`ALTER TABLE "indicator" DROP CONSTRAINT "FK_indicator_focus_area"`);
    await db.query(`ALTER TABLE "indicator" DROP CONSTRAINT "FK_indicator_programme"`);
    await db.query(`ALTER TABLE "adoption" DROP CONSTRAINT "FK_adoption_focus_area"`);
    await db.query(`ALTER TABLE "adoption" DROP CONSTRAINT "FK_adoption_municipality"`);
    await db.query(`ALTER TABLE "adoption" DROP CONSTRAINT "FK_adoption_programme"`);
    await db.query(`ALTER TABLE "action" DROP CONSTRAINT "FK_action_focus_area"`);
    await db.query(`ALTER TABLE "action" DROP CONSTRAINT "FK_action_programme"`);
    await db.query(`DROP INDEX "public"."IDX_status_update_action"`);
    await db.query(`DROP TABLE "status_update"`);
    await db.query(`DROP INDEX "public"."IDX_participation_municipality"`);
    await db.query(`DROP TABLE "participation"`);
    await db.query(`DROP INDEX "public"."IDX_milestone_action"`);
    await db.query(`DROP INDEX "public"."IDX_milestone_open_due"`);
    await db.query(`DROP TABLE "milestone"`);
    await db.query(`DROP INDEX "public"."UQ_involvement_one_lead"`);
    await db.query(`DROP INDEX "public"."IDX_involvement_party"`);
    await db.query(`DROP TABLE "involvement"`);
    await db.query(`DROP TABLE "party"`);
    await db.query(`DROP TABLE "indicator_value"`);
    await db.query(`DROP TABLE "indicator"`);
    await db.query(`DROP INDEX "public"."IDX_change_event_programme_seq"`);
    await db.query(`DROP INDEX "public"."IDX_change_event_entity"`);
    await db.query(`DROP TABLE "change_event"`);
    await db.query(`DROP INDEX "public"."UQ_adoption_programme"`);
    await db.query(`DROP INDEX "public"."UQ_adoption_focus_area"`);
    await db.query(`DROP TABLE "adoption"`);
    await db.query(`DROP INDEX "public"."IDX_action_focus_area"`);
    await db.query(`DROP TABLE "action"`);
    await db.query(`ALTER TABLE "focus_area" DROP COLUMN "version"`);
  }
}
