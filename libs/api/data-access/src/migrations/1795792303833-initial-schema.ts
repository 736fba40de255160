import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The programme's frame: the owning region, its municipalities, the programme and its focus areas. */
export class InitialSchema1795792303833 implements MigrationInterface {
  name = 'InitialSchema1795792303833';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "region" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" character varying(100) NOT NULL,
        "name" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_region_slug" UNIQUE ("slug"),
        CONSTRAINT "PK_region" PRIMARY KEY ("id")
      )`);
    await db.query(`
      CREATE TABLE "municipality" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "region_id" uuid NOT NULL,
        "slug" character varying(100) NOT NULL,
        "name" character varying(200) NOT NULL,
        CONSTRAINT "UQ_municipality_region_slug" UNIQUE ("region_id", "slug"),
        CONSTRAINT "PK_municipality" PRIMARY KEY ("id"),
        CONSTRAINT "FK_municipality_region" FOREIGN KEY ("region_id")
          REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await db.query(`
      CREATE TABLE "programme" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "region_id" uuid NOT NULL,
        "slug" character varying(100) NOT NULL,
        "name" character varying(200) NOT NULL,
        "start_year" smallint NOT NULL,
        "end_year" smallint NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_programme_region_slug" UNIQUE ("region_id", "slug"),
        CONSTRAINT "CHK_programme_period" CHECK ("start_year" <= "end_year"),
        CONSTRAINT "PK_programme" PRIMARY KEY ("id"),
        CONSTRAINT "FK_programme_region" FOREIGN KEY ("region_id")
          REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await db.query(`
      CREATE TABLE "focus_area" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "code" character varying(6) NOT NULL,
        "name" character varying(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "innovation_plan_priority" character varying(200),
        "sort_order" smallint NOT NULL DEFAULT '0',
        CONSTRAINT "UQ_focus_area_programme_code" UNIQUE ("programme_id", "code"),
        CONSTRAINT "CHK_focus_area_code" CHECK ("code" ~ '^[A-Z]{2,6}$'),
        CONSTRAINT "PK_focus_area" PRIMARY KEY ("id"),
        CONSTRAINT "FK_focus_area_programme" FOREIGN KEY ("programme_id")
          REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "focus_area"`);
    await db.query(`DROP TABLE "programme"`);
    await db.query(`DROP TABLE "municipality"`);
    await db.query(`DROP TABLE "region"`);
  }
}
