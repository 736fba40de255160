import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Effects with a source: the register of networks and clusters (founded, ended, founding action,
 * member businesses per municipality), and where each indicator comes from (source, reference,
 * publication lag, whether municipal values add up to the region). Existing indicators stay MANUAL.
 */
export class EffectsRegister1796550000000 implements MigrationInterface {
  name = 'EffectsRegister1796550000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "network" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "party_id" uuid, "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "founded_on" date NOT NULL, "ended_on" date, "founding_action_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_network_region_name" UNIQUE ("region_id", "name"), CONSTRAINT "CHK_network_ended" CHECK ("ended_on" IS NULL OR "ended_on" >= "founded_on"), CONSTRAINT "CHK_network_kind" CHECK ("kind" IN ('NETWORK', 'CLUSTER')), CONSTRAINT "CHK_network_name" CHECK (char_length(btrim("name")) >= 1), CONSTRAINT "PK_network" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_network_founding_action" ON "network"  ("founding_action_id") `);
    await db.query(`CREATE UNIQUE INDEX "UQ_network_party" ON "network"  ("party_id") WHERE "party_id" IS NOT NULL`);
    await db.query(
      `CREATE TABLE "network_membership" ("network_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "members" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_network_membership_members" CHECK ("members" >= 0), CONSTRAINT "PK_network_membership" PRIMARY KEY ("network_id", "municipality_id"))`,
    );
    await db.query(`CREATE INDEX "IDX_network_membership_municipality" ON "network_membership"  ("municipality_id") `);
    await db.query(`ALTER TABLE "indicator" ADD "source" character varying(20) NOT NULL DEFAULT 'MANUAL'`);
    await db.query(`ALTER TABLE "indicator" ADD "source_reference" character varying(200)`);
    await db.query(`ALTER TABLE "indicator" ADD "publication_lag_months" smallint NOT NULL DEFAULT '0'`);
    await db.query(`ALTER TABLE "indicator" ADD "summable" boolean NOT NULL DEFAULT true`);
    await db.query(
      `ALTER TABLE "indicator" ADD CONSTRAINT "CHK_indicator_publication_lag" CHECK ("publication_lag_months" BETWEEN 0 AND 60)`,
    );
    await db.query(
      `ALTER TABLE "indicator" ADD CONSTRAINT "CHK_indicator_ssb_table" CHECK ("source" <> 'SSB' OR "source_reference" ~ '^[0-9]{5}$')`,
    );
    await db.query(
      `ALTER TABLE "indicator" ADD CONSTRAINT "CHK_indicator_source" CHECK ("source" IN ('MANUAL', 'NETWORK_REGISTER', 'CLUSTER_REGISTER', 'SSB', 'OTHER'))`,
    );
    await db.query(
      `ALTER TABLE "network" ADD CONSTRAINT "FK_network_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "network" ADD CONSTRAINT "FK_network_party" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "network" ADD CONSTRAINT "FK_network_founding_action" FOREIGN KEY ("founding_action_id") REFERENCES "action"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "network_membership" ADD CONSTRAINT "FK_network_membership_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "network_membership" ADD CONSTRAINT "FK_network_membership_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "network_membership" DROP CONSTRAINT "FK_network_membership_municipality"`);
    await db.query(`ALTER TABLE "network_membership" DROP CONSTRAINT "FK_network_membership_network"`);
    await db.query(`ALTER TABLE "network" DROP CONSTRAINT "FK_network_founding_action"`);
    await db.query(`ALTER TABLE "network" DROP CONSTRAINT "FK_network_party"`);
    await db.query(`ALTER TABLE "network" DROP CONSTRAINT "FK_network_region"`);
    await db.query(`ALTER TABLE "indicator" DROP CONSTRAINT "CHK_indicator_source"`);
    await db.query(`ALTER TABLE "indicator" DROP CONSTRAINT "CHK_indicator_ssb_table"`);
    await db.query(`ALTER TABLE "indicator" DROP CONSTRAINT "CHK_indicator_publication_lag"`);
    await db.query(`ALTER TABLE "indicator" DROP COLUMN "summable"`);
    await db.query(`ALTER TABLE "indicator" DROP COLUMN "publication_lag_months"`);
    await db.query(`ALTER TABLE "indicator" DROP COLUMN "source_reference"`);
    await db.query(`ALTER TABLE "indicator" DROP COLUMN "source"`);
    await db.query(`DROP INDEX "public"."IDX_network_membership_municipality"`);
    await db.query(`DROP TABLE "network_membership"`);
    await db.query(`DROP INDEX "public"."UQ_network_party"`);
    await db.query(`DROP INDEX "public"."IDX_network_founding_action"`);
    await db.query(`DROP TABLE "network"`);
  }
}
