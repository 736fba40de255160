import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users with their roles, rotating refresh tokens, and sign-in throttling. */
export class Accounts1795794646911 implements MigrationInterface {
  name = 'Accounts1795794646911';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "change_event" ADD "actor_user_id" uuid`);
    await db.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "municipality_id" uuid, "party_id" uuid, "password_hash" character varying(200), "active" boolean NOT NULL DEFAULT true, "token_version" integer NOT NULL DEFAULT '1', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_app_user_email" UNIQUE ("email"), CONSTRAINT "CHK_app_user_project_lead" CHECK ("role" <> 'PROJECT_LEAD' OR "party_id" IS NOT NULL), CONSTRAINT "CHK_app_user_coordinator" CHECK ("role" <> 'COORDINATOR' OR "municipality_id" IS NOT NULL), CONSTRAINT "CHK_app_user_role" CHECK ("role" IN ('ADMIN', 'COUNCIL', 'COORDINATOR', 'PROJECT_LEAD')), CONSTRAINT "CHK_app_user_email" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%'), CONSTRAINT "PK_app_user" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "family_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_refresh_token" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_refresh_token_family" ON "refresh_token"  ("family_id") `);
    await db.query(`CREATE UNIQUE INDEX "UQ_refresh_token_hash" ON "refresh_token"  ("token_hash") `);
    await db.query(
      `CREATE TABLE "login_throttle" ("key" character varying(300) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_login_throttle" PRIMARY KEY ("key"))`,
    );
    await db.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_app_user_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_app_user_party" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_refresh_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_refresh_token_user"`);
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_app_user_party"`);
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_app_user_municipality"`);
    await db.query(`DROP TABLE "login_throttle"`);
    await db.query(`DROP INDEX "public"."UQ_refresh_token_hash"`);
    await db.query(`DROP INDEX "public"."IDX_refresh_token_family"`);
    await db.query(`DROP TABLE "refresh_token"`);
    await db.query(`DROP TABLE "app_user"`);
    await db.query(`ALTER TABLE "change_event" DROP COLUMN "actor_user_id"`);
  }
}
