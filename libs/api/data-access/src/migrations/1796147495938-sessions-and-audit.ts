import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions the server can end (idle, absolute lifetime, sign-out) as token families; single
 * sign-on matched by issuer and subject; a longer throttle key (account and address together);
 * and the append-only audit log of accounts.
 */
export class SessionsAndAudit1796147495938 implements MigrationInterface {
  name = 'SessionsAndAudit1796147495938';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "action" character varying(30) NOT NULL, "outcome" character varying(30) NOT NULL, "actor_user_id" uuid, "user_id" uuid, "email" character varying(254), "address" character varying(100), "detail" jsonb, CONSTRAINT "CHK_audit_entry_outcome" CHECK ("outcome" IN ('SUCCESS', 'WRONG_CREDENTIALS', 'THROTTLED', 'REFUSED', 'IDLE', 'LIFETIME')), CONSTRAINT "CHK_audit_entry_action" CHECK ("action" IN ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'SESSION_EXPIRED', 'PASSWORD_CHANGED', 'USER_CREATED', 'ROLE_CHANGED', 'ASSIGNMENT_CHANGED', 'DEACTIVATED', 'REACTIVATED')), CONSTRAINT "PK_audit_entry" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_audit_entry_user" ON "audit_entry" ("user_id", "occurred_at") `);
    await db.query(
      `CREATE TABLE "token_family" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "method" character varying(20) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "authenticated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_token_family_method" CHECK ("method" IN ('PASSWORD', 'SINGLE_SIGN_ON')), CONSTRAINT "PK_token_family" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_token_family_user" ON "token_family"  ("user_id") `);
    await db.query(`ALTER TABLE "app_user" ADD "oidc_issuer" character varying(300)`);
    await db.query(`ALTER TABLE "app_user" ADD "oidc_subject" character varying(255)`);
    await db.query(`ALTER TABLE "login_throttle" ALTER COLUMN "key" TYPE character varying(400)`);
    await db.query(`CREATE UNIQUE INDEX "UQ_app_user_oidc_identity" ON "app_user"  ("oidc_issuer", "oidc_subject") `);
    await db.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_oidc_identity" CHECK (("oidc_issuer" IS NULL) = ("oidc_subject" IS NULL))`,
    );
    await db.query(
      `ALTER TABLE "token_family" ADD CONSTRAINT "FK_token_family_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Sessions begun before this migration become families that began with their first token.
    await db.query(`INSERT INTO "token_family" ("id", "user_id", "method", "started_at", "authenticated_at", "last_used_at", "ended_at")
      SELECT "family_id", (array_agg("user_id"))[1], 'PASSWORD', min("created_at"), min("created_at"), max("created_at"),
             CASE WHEN bool_and("revoked_at" IS NOT NULL) THEN max("revoked_at") END
        FROM "refresh_token" GROUP BY "family_id"`);
    await db.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_refresh_token_family" FOREIGN KEY ("family_id") REFERENCES "token_family"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Like the change log, the audit log is append-only: the database refuses to rewrite it.
    await db.query(`CREATE TRIGGER "TRG_audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry"
      FOR EACH ROW EXECUTE FUNCTION tiltak_refuse_rewrite()`);
    await db.query(`CREATE TRIGGER "TRG_audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry"
      FOR EACH STATEMENT EXECUTE FUNCTION tiltak_refuse_rewrite()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "TRG_audit_entry_no_truncate" ON "audit_entry"`);
    await db.query(`DROP TRIGGER "TRG_audit_entry_append_only" ON "audit_entry"`);
    await db.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_refresh_token_family"`);
    await db.query(`ALTER TABLE "token_family" DROP CONSTRAINT "FK_token_family_user"`);
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_oidc_identity"`);
    await db.query(`DROP INDEX "public"."UQ_app_user_oidc_identity"`);
    // Keys of account and address together do not fit the old column; they only count failures.
    await db.query(`DELETE FROM "login_throttle" WHERE length("key") > 300`);
    await db.query(`ALTER TABLE "login_throttle" ALTER COLUMN "key" TYPE character varying(300)`);
    await db.query(`ALTER TABLE "app_user" DROP COLUMN "oidc_subject"`);
    await db.query(`ALTER TABLE "app_user" DROP COLUMN "oidc_issuer"`);
    await db.query(`DROP INDEX "public"."IDX_token_family_user"`);
    await db.query(`DROP TABLE "token_family"`);
    await db.query(`DROP INDEX "public"."IDX_audit_entry_user"`);
    await db.query(`DROP TABLE "audit_entry"`);
  }
}
