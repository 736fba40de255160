import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'MUNICIPALITY', 'BUSINESS', 'NETWORK', 'CLUSTER', 'RESEARCH_INNOVATION', 'REGIONAL_AUTHORITY', 'NEIGHBOUR_REGION'`;
const KINDS_AFTER = `'MUNICIPALITY', 'BUSINESS', 'NETWORK', 'CLUSTER', 'RESEARCH_INNOVATION', 'INTERMUNICIPAL_COUNCIL', 'REGIONAL_AUTHORITY', 'NEIGHBOUR_REGION'`;

/**
 * A party kind for the council the municipalities form together (interkommunalt politisk råd):
 * it is neither one municipality nor a regional authority.
 */
export class IntermunicipalCouncil1796350000000 implements MigrationInterface {
  name = 'IntermunicipalCouncil1796350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "CHK_party_kind"`);
    await db.query(`ALTER TABLE "party" ADD CONSTRAINT "CHK_party_kind" CHECK ("kind" IN (${KINDS_AFTER}))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The older schema knows no such kind; the nearest it has is a regional authority.
    await db.query(`UPDATE "party" SET "kind" = 'REGIONAL_AUTHORITY' WHERE "kind" = 'INTERMUNICIPAL_COUNCIL'`);
    await db.query(`ALTER TABLE "party" DROP CONSTRAINT "CHK_party_kind"`);
    await db.query(`ALTER TABLE "party" ADD CONSTRAINT "CHK_party_kind" CHECK ("kind" IN (${KINDS_BEFORE}))`);
  }
}
