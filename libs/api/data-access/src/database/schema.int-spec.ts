import { createTestDatabase, type TestDatabase } from '../testing';
import { pendingSchemaChanges } from './data-source';

describe('database schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('is exactly what the entities describe, so no entity change ships without its migration', async () => {
    await expect(pendingSchemaChanges(db.dataSource)).resolves.toEqual([]);
  });

  it('reverts every migration and applies them again', async () => {
    for (let i = 0; i < db.dataSource.migrations.length; i++) {
      await db.dataSource.undoLastMigration();
    }
    const tables = await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migration'`,
    );
    expect(tables).toEqual([]);

    await db.dataSource.runMigrations();
    await expect(pendingSchemaChanges(db.dataSource)).resolves.toEqual([]);
  });
});
