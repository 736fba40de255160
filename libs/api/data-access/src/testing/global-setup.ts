import { startTestDatabaseServer, TEST_ENV, type TestDatabaseServer } from './test-database-server';

declare global {
  var tiltakTestDatabaseServer: TestDatabaseServer | undefined;
}

/** Jest global setup: one PostgreSQL and one migrated template for the whole run. */
export default async function globalSetup(): Promise<void> {
  const server = await startTestDatabaseServer(process.env['DATABASE_URL']);
  globalThis.tiltakTestDatabaseServer = server;
  process.env[TEST_ENV.adminUrl] = server.adminUrl;
  process.env[TEST_ENV.template] = server.template;
}
