import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A party's organisation number (organisasjonsnummer): nine digits, or none. It keys parties in
 * spreadsheets, so no two parties of a region share one; the modulus 11 check is the API's.
 */
export class PartyOrganisationNumber1796700000000 implements MigrationInterface {
  name = 'PartyOrganisationNumber1796700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "party" ADD "organisation_number" character varying(9)`);
    await db.query(
      `ALTER TABLE "party" ADD CONSTRAINT "CHK_party_organisation_number" CHECK ("organisation_number" ~ '^[0-9]{9}$')`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_party_region_organisation_number" ON "party"  ("region_id", "organisation_number") WHERE "organisation_number" IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "public"."UQ_party_region_organisation_number"`);
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "CHK_party_organisation_number"`);
    await db.query(`ALTER TABLE "party" DROP COLUMN "organisation_number"`);
  }
}
