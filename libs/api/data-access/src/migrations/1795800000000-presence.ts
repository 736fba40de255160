import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table the socket.io PostgreSQL adapter uses for messages too large for NOTIFY, so presence
 * works across API instances. It is the adapter's, not Tiltak's: no entity maps it.
 */
export class Presence1795800000000 implements MigrationInterface {
  name = 'Presence1795800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "socket_io_attachments" (
        "id" bigserial UNIQUE,
        "created_at" timestamptz DEFAULT now(),
        "payload" bytea
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "socket_io_attachments"`);
  }
}
