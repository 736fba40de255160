import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme periods (rullering): parties move from one programme to the region, so every period
 * shares them; a programme knows its predecessor and whether it is the region's current one; an
 * action knows the action it continues and, when it was not carried over, why it ended.
 */
export class ProgrammePeriods1796500000000 implements MigrationInterface {
  name = 'ProgrammePeriods1796500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "party" ADD "region_id" uuid`);
    await db.query(
      `UPDATE "party" p SET "region_id" = pr."region_id" FROM "programme" pr WHERE pr."id" = p."programme_id"`,
    );
    await db.query(`ALTER TABLE "party" ALTER COLUMN "region_id" SET NOT NULL`);
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "UQ_party_programme_name"`);
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "FK_party_programme"`);
    await db.query(`ALTER TABLE "party" DROP COLUMN "programme_id"`);
    // Until now a region had one programme, so no two of its parties share a name.
    await db.query(`ALTER TABLE "party" ADD CONSTRAINT "UQ_party_region_name" UNIQUE ("region_id", "name")`);
    await db.query(
      `ALTER TABLE "party" ADD CONSTRAINT "FK_party_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await db.query(`ALTER TABLE "programme" ADD "state" character varying(10) NOT NULL DEFAULT 'CURRENT'`);
    await db.query(`ALTER TABLE "programme" ADD "predecessor_id" uuid`);
    await db.query(`ALTER TABLE "programme" ADD "version" integer NOT NULL DEFAULT '1'`);
    await db.query(
      `ALTER TABLE "programme" ADD CONSTRAINT "CHK_programme_state" CHECK ("state" IN ('CURRENT', 'ENDED'))`,
    );
    // Of several programmes in one region, the one Tiltak showed (the latest period) stays current.
    await db.query(
      `UPDATE "programme" p SET "state" = 'ENDED'
        WHERE p."id" <> (SELECT l."id" FROM "programme" l WHERE l."region_id" = p."region_id"
                          ORDER BY l."end_year" DESC, l."created_at" DESC LIMIT 1)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_programme_region_current" ON "programme" ("region_id") WHERE "state" = 'CURRENT'`,
    );
    await db.query(`CREATE UNIQUE INDEX "UQ_programme_predecessor" ON "programme" ("predecessor_id") `);
    await db.query(
      `ALTER TABLE "programme" ADD CONSTRAINT "FK_programme_predecessor" FOREIGN KEY ("predecessor_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await db.query(`ALTER TABLE "action" ADD "predecessor_id" uuid`);
    await db.query(`ALTER TABLE "action" ADD "ended_reason" text`);
    await db.query(
      `ALTER TABLE "action" ADD CONSTRAINT "CHK_action_ended_reason" CHECK ("ended_reason" IS NULL OR char_length(btrim("ended_reason")) BETWEEN 1 AND 2000)`,
    );
    await db.query(`CREATE UNIQUE INDEX "UQ_action_predecessor" ON "action" ("predecessor_id") `);
    await db.query(
      `ALTER TABLE "action" ADD CONSTRAINT "FK_action_predecessor" FOREIGN KEY ("predecessor_id") REFERENCES "action"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Refuses a write whose change log belongs to an ended period; the write path calls it just
    // before it appends its changes. The key-share lock waits for a period being ended (which locks
    // the row FOR UPDATE) and then sees it ENDED; writes in a current period do not wait on each other.
    await db.query(`
      CREATE FUNCTION tiltak_require_current_period(programme uuid)
      RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM 1 FROM programme p WHERE p.id = programme AND p.state = 'CURRENT' FOR KEY SHARE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'The programme period % has ended: it can be read, not changed', programme
            USING ERRCODE = 'TK001';
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION tiltak_require_current_period(uuid)`);

    await db.query(`ALTER TABLE "action" DROP CONSTRAINT "FK_action_predecessor"`);
    await db.query(`DROP INDEX "public"."UQ_action_predecessor"`);
    await db.query(`ALTER TABLE "action" DROP CONSTRAINT "CHK_action_ended_reason"`);
    await db.query(`ALTER TABLE "action" DROP COLUMN "ended_reason"`);
    await db.query(`ALTER TABLE "action" DROP COLUMN "predecessor_id"`);

    await db.query(`ALTER TABLE "programme" DROP CONSTRAINT "FK_programme_predecessor"`);
    await db.query(`DROP INDEX "public"."UQ_programme_predecessor"`);
    await db.query(`DROP INDEX "public"."UQ_programme_region_current"`);
    await db.query(`ALTER TABLE "programme" DROP CONSTRAINT "CHK_programme_state"`);
    await db.query(`ALTER TABLE "programme" DROP COLUMN "version"`);
    await db.query(`ALTER TABLE "programme" DROP COLUMN "predecessor_id"`);
    await db.query(`ALTER TABLE "programme" DROP COLUMN "state"`);

    // Back to one programme per party: the region's current (latest) one.
    await db.query(`ALTER TABLE "party" ADD "programme_id" uuid`);
    await db.query(
      `UPDATE "party" p SET "programme_id" = (SELECT l."id" FROM "programme" l WHERE l."region_id" = p."region_id"
                                                ORDER BY l."end_year" DESC, l."created_at" DESC LIMIT 1)`,
    );
    await db.query(`ALTER TABLE "party" ALTER COLUMN "programme_id" SET NOT NULL`);
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "FK_party_region"`);
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "UQ_party_region_name"`);
    await db.query(`ALTER TABLE "party" DROP COLUMN "region_id"`);
    await db.query(`ALTER TABLE "party" ADD CONSTRAINT "UQ_party_programme_name" UNIQUE ("programme_id", "name")`);
    await db.query(
      `ALTER TABLE "party" ADD CONSTRAINT "FK_party_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
