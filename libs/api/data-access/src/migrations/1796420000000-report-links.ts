import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Links that let a partner without an account answer one report; only the token's hash is kept. */
export class ReportLinks1796420000000 implements MigrationInterface {
  name = 'ReportLinks1796420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "report_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "recipient_name" character varying(200) NOT NULL, "recipient_email" character varying(254) NOT NULL, "party_id" uuid, "sent_by_user_id" uuid NOT NULL, "sent_by_name" character varying(200) NOT NULL, "sent_for" character varying(200) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_name" character varying(200), "last_used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_report_link_token_hash" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'), CONSTRAINT "CHK_report_link_revoked" CHECK (("revoked_at" IS NULL) = ("revoked_by_name" IS NULL)), CONSTRAINT "PK_report_link" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE UNIQUE INDEX "UQ_report_link_token_hash" ON "report_link" ("token_hash") `);
    await db.query(`CREATE INDEX "IDX_report_link_report" ON "report_link" ("report_id") `);
    await db.query(
      `ALTER TABLE "report_link" ADD CONSTRAINT "FK_report_link_report" FOREIGN KEY ("report_id") REFERENCES "round_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "report_link" ADD CONSTRAINT "FK_report_link_party" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "report_link" ADD CONSTRAINT "FK_report_link_sent_by" FOREIGN KEY ("sent_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "report_link" DROP CONSTRAINT "FK_report_link_sent_by"`);
    await db.query(`ALTER TABLE "report_link" DROP CONSTRAINT "FK_report_link_party"`);
    await db.query(`ALTER TABLE "report_link" DROP CONSTRAINT "FK_report_link_report"`);
    await db.query(`DROP INDEX "public"."IDX_report_link_report"`);
    await db.query(`DROP INDEX "public"."UQ_report_link_token_hash"`);
    await db.query(`DROP TABLE "report_link"`);
  }
}
