import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail: each user's language and the kinds of mail they stopped, and the outbox every mail passes
 * through. A row is QUEUED until an instance delivers it (SENT), gives up after its attempts
 * (FAILED), or finds no SMTP server configured (KEPT, readable by admins). The dedupe key makes a
 * mail that two instances decide on at the same moment one row.
 */
export class Mail1796410000000 implements MigrationInterface {
  name = 'Mail1796410000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "app_user" ADD "language" character varying(2) NOT NULL DEFAULT 'nb'`);
    await db.query(`ALTER TABLE "app_user" ADD "mail_opt_outs" text array NOT NULL DEFAULT '{}'`);
    await db.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_language" CHECK ("language" IN ('nb', 'nn', 'en'))`,
    );
    await db.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(40) NOT NULL, "recipient" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "language" character varying(2) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "stop_url" character varying(500), "state" character varying(10) NOT NULL DEFAULT 'QUEUED', "attempts" smallint NOT NULL DEFAULT '0', "last_error" character varying(500), "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_mail_outbox_dedupe_key" UNIQUE ("dedupe_key"), CONSTRAINT "CHK_mail_outbox_state" CHECK ("state" IN ('QUEUED', 'SENT', 'KEPT', 'FAILED')), CONSTRAINT "CHK_mail_outbox_language" CHECK ("language" IN ('nb', 'nn', 'en')), CONSTRAINT "PK_mail_outbox" PRIMARY KEY ("id"))`,
    );
    await db.query(`CREATE INDEX "IDX_mail_outbox_created" ON "mail_outbox" ("created_at") `);
    await db.query(`CREATE INDEX "IDX_mail_outbox_due" ON "mail_outbox" ("next_attempt_at") WHERE "state" = 'QUEUED'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "public"."IDX_mail_outbox_due"`);
    await db.query(`DROP INDEX "public"."IDX_mail_outbox_created"`);
    await db.query(`DROP TABLE "mail_outbox"`);
    await db.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_language"`);
    await db.query(`ALTER TABLE "app_user" DROP COLUMN "mail_opt_outs"`);
    await db.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
  }
}
