import pg from 'pg';
import { adminQuery, TEST_ENV, withDatabase } from '../testing/test-database-server';
import { migrateDatabase } from './migrate';

describe('migrateDatabase', () => {
  const adminUrl = process.env[TEST_ENV.adminUrl] as string;
  const name = `tiltak_migrate_${process.pid}_${Date.now()}`;
  const url = withDatabase(adminUrl, name);

  beforeAll(async () => {
    await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });

  afterAll(async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });

  it('lets two instances that start together on an empty database apply each migration once', async () => {
    const [first, second] = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);

    const appliedByBoth = [...first, ...second].sort();
    expect(appliedByBoth.length).toBeGreaterThan(0);
    expect(first.length === 0 || second.length === 0).toBe(true);
    await expect(migrateDatabase(url)).resolves.toEqual([]);
  });
});
