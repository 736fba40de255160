import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The strategy's goals (mål, delmål) with the focus areas and actions that serve them, and the
 * regional innovation plan's priorities as versioned rows instead of free text on the focus area.
 */
export class Goals1796530000000 implements MigrationInterface {
  name = 'Goals1796530000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "goal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "parent_id" uuid, "code" character varying(12) NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "sort_order" smallint NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_goal_region_code" UNIQUE ("region_id", "code"), CONSTRAINT "CHK_goal_code" CHECK ("code" ~ '^[A-Z][A-Z0-9.]{0,11}$'), CONSTRAINT "CHK_goal_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "PK_goal" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_goal_parent" ON "goal" ("parent_id") `);
    await db.query(
      `ALTER TABLE "goal" ADD CONSTRAINT "FK_goal_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "goal" ADD CONSTRAINT "FK_goal_parent" FOREIGN KEY ("parent_id") REFERENCES "goal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `CREATE TABLE "action_goal" ("action_id" uuid NOT NULL, "goal_id" uuid NOT NULL, CONSTRAINT "PK_action_goal" PRIMARY KEY ("action_id", "goal_id"))`,
    );
    await db.query(`CREATE INDEX "IDX_action_goal_goal" ON "action_goal" ("goal_id") `);
    await db.query(
      `ALTER TABLE "action_goal" ADD CONSTRAINT "FK_action_goal_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "action_goal" ADD CONSTRAINT "FK_action_goal_goal" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(`ALTER TABLE "focus_area" ADD "goal_id" uuid`);
    await db.query(`CREATE INDEX "IDX_focus_area_goal" ON "focus_area" ("goal_id") `);
    await db.query(
      `ALTER TABLE "focus_area" ADD CONSTRAINT "FK_focus_area_goal" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await db.query(
      `CREATE TABLE "innovation_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "valid_from" smallint NOT NULL, "replaced_by_id" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_innovation_plan_valid_from" CHECK ("valid_from" BETWEEN 1900 AND 2200), CONSTRAINT "PK_innovation_plan" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_innovation_plan_in_force" ON "innovation_plan" ("region_id") WHERE "replaced_by_id" IS NULL`,
    );
    await db.query(
      `ALTER TABLE "innovation_plan" ADD CONSTRAINT "FK_innovation_plan_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "innovation_plan" ADD CONSTRAINT "FK_innovation_plan_replaced_by" FOREIGN KEY ("replaced_by_id") REFERENCES "innovation_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `CREATE TABLE "innovation_priority" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "code" character varying(12) NOT NULL, "name" character varying(200) NOT NULL, "sort_order" smallint NOT NULL DEFAULT '0', CONSTRAINT "UQ_innovation_priority_plan_code" UNIQUE ("plan_id", "code"), CONSTRAINT "PK_innovation_priority" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `ALTER TABLE "innovation_priority" ADD CONSTRAINT "FK_innovation_priority_plan" FOREIGN KEY ("plan_id") REFERENCES "innovation_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `CREATE TABLE "action_innovation_priority" ("action_id" uuid NOT NULL, "priority_id" uuid NOT NULL, CONSTRAINT "PK_action_innovation_priority" PRIMARY KEY ("action_id", "priority_id"))`,
    );
    await db.query(
      `CREATE INDEX "IDX_action_innovation_priority_priority" ON "action_innovation_priority" ("priority_id") `,
    );
    await db.query(
      `ALTER TABLE "action_innovation_priority" ADD CONSTRAINT "FK_action_innovation_priority_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "action_innovation_priority" ADD CONSTRAINT "FK_action_innovation_priority_priority" FOREIGN KEY ("priority_id") REFERENCES "innovation_priority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(`ALTER TABLE "focus_area" ADD "innovation_priority_id" uuid`);
    await db.query(`CREATE INDEX "IDX_focus_area_innovation_priority" ON "focus_area" ("innovation_priority_id") `);
    await db.query(
      `ALTER TABLE "focus_area" ADD CONSTRAINT "FK_focus_area_innovation_priority" FOREIGN KEY ("innovation_priority_id") REFERENCES "innovation_priority"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await this.moveFreeTextPriorities(db);
    await db.query(`ALTER TABLE "focus_area" DROP COLUMN "innovation_plan_priority"`);
  }

  /**
   * Each region's typed priorities become the rows of a first plan. Texts written "Plan: priority"
   * with one plan name throughout give that plan its name; otherwise the whole text is the priority.
   */
  private async moveFreeTextPriorities(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO "innovation_plan" ("region_id", "name", "valid_from")
      SELECT p."region_id",
             CASE WHEN bool_and(position(': ' IN f."innovation_plan_priority") > 0)
                   AND count(DISTINCT split_part(f."innovation_plan_priority", ': ', 1)) = 1
                  THEN left(min(split_part(f."innovation_plan_priority", ': ', 1)), 200)
                  ELSE 'Regional plan for innovasjon' END,
             min(p."start_year")
        FROM "focus_area" f JOIN "programme" p ON p."id" = f."programme_id"
       WHERE f."innovation_plan_priority" IS NOT NULL
       GROUP BY p."region_id"`);
    await db.query(`
      WITH texts AS (
        SELECT pl."id" AS plan_id, f."innovation_plan_priority" AS text,
               CASE WHEN f."innovation_plan_priority" LIKE pl."name" || ': %'
                    THEN substr(f."innovation_plan_priority", length(pl."name") + 3)
                    ELSE f."innovation_plan_priority" END AS name,
               min(f."sort_order") AS first_order
          FROM "focus_area" f
          JOIN "programme" p ON p."id" = f."programme_id"
          JOIN "innovation_plan" pl ON pl."region_id" = p."region_id"
         WHERE f."innovation_plan_priority" IS NOT NULL
         GROUP BY pl."id", pl."name", f."innovation_plan_priority"
      )
      INSERT INTO "innovation_priority" ("plan_id", "code", "name", "sort_order")
      SELECT plan_id, 'P' || row_number() OVER w, name, row_number() OVER w
        FROM texts WINDOW w AS (PARTITION BY plan_id ORDER BY first_order, text)`);
    await db.query(`
      UPDATE "focus_area" f SET "innovation_priority_id" = pr."id"
        FROM "programme" p, "innovation_plan" pl, "innovation_priority" pr
       WHERE p."id" = f."programme_id" AND pl."region_id" = p."region_id" AND pr."plan_id" = pl."id"
         AND f."innovation_plan_priority" IN (pr."name", pl."name" || ': ' || pr."name")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "focus_area" ADD "innovation_plan_priority" character varying(200)`);
    await db.query(`
      UPDATE "focus_area" f SET "innovation_plan_priority" = left(pl."name" || ': ' || pr."name", 200)
        FROM "innovation_priority" pr JOIN "innovation_plan" pl ON pl."id" = pr."plan_id"
       WHERE pr."id" = f."innovation_priority_id"`);
    await db.query(`ALTER TABLE "focus_area" DROP CONSTRAINT "FK_focus_area_innovation_priority"`);
    await db.query(`DROP INDEX "public"."IDX_focus_area_innovation_priority"`);
    await db.query(`ALTER TABLE "focus_area" DROP COLUMN "innovation_priority_id"`);
    await db.query(`DROP TABLE "action_innovation_priority"`);
    await db.query(`DROP TABLE "innovation_priority"`);
    await db.query(`DROP TABLE "innovation_plan"`);
    await db.query(`ALTER TABLE "focus_area" DROP CONSTRAINT "FK_focus_area_goal"`);
    await db.query(`DROP INDEX "public"."IDX_focus_area_goal"`);
    await db.query(`ALTER TABLE "focus_area" DROP COLUMN "goal_id"`);
    await db.query(`DROP TABLE "action_goal"`);
    await db.query(`DROP TABLE "goal"`);
  }
}
