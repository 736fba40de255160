import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import { migrateDatabase } from '../database/migrate';
import { adminQuery, TEST_ENV, withDatabase } from './test-database-server';

export interface TestDatabase {
  url: string;
  /** An initialised connection to the copy, for arranging data and asserting on it. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file: a copy of the run's template, so tests
 * run in parallel without sharing state.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  if (!adminUrl || !template) {
    throw new Error('No test database server: run this test through the workspace jest config (npm test).');
  }
  const name = `tiltak_test_${randomUUID().replaceAll('-', '')}`;
  // One test file at a time brings the template up to date and copies it: a copy needs the
  // template to have no other connections, and the first caller of the run does the migrating.
  const lock = new pg.Client({ connectionString: adminUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    await migrateDatabase(withDatabase(adminUrl, template));
    await lock.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
  } finally {
    await lock.end();
  }
  const url = withDatabase(adminUrl, name);
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}
