import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing, type RunningDatabase, startEmbeddedDatabase } from '../database/embedded-database';

/** What the jest global setup hands to the test workers, through the environment. */
export const TEST_ENV = {
  adminUrl: 'TILTAK_TEST_ADMIN_URL',
  template: 'TILTAK_TEST_TEMPLATE',
} as const;

export interface TestDatabaseServer {
  adminUrl: string;
  template: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL the tests use: the server named by DATABASE_URL, or an embedded one in a
 * throw-away folder, and makes an empty template database that the first test file migrates.
 * This module runs in jest's global setup, outside the test module system, so it must not load
 * the entities (they import workspace libraries by alias).
 */
export async function startTestDatabaseServer(databaseUrl: string | undefined): Promise<TestDatabaseServer> {
  let embedded: (RunningDatabase & { dir: string }) | undefined;
  let adminUrl: string;
  if (databaseUrl) {
    adminUrl = databaseUrl;
    const database = new URL(databaseUrl).pathname.slice(1) || 'postgres';
    await createDatabaseIfMissing(withDatabase(databaseUrl, 'postgres'), database);
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'tiltak-test-pg-'));
    // mkdtemp makes the folder private; the `postgres` user that runs the cluster under root must enter it.
    await chmod(dir, 0o755);
    embedded = { ...(await startEmbeddedDatabase({ dataDir: dir, database: 'tiltak_admin' })), dir };
    adminUrl = embedded.url;
  }

  const template = `tiltak_template_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(template)}`);

  return {
    adminUrl,
    template,
    async stop() {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
      if (embedded) {
        await embedded.stop();
        await rm(embedded.dir, { recursive: true, force: true });
      }
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
