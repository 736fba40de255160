import pg from 'pg';
import { createDataSource } from './data-source';
import { type ConnectionSettings, DatabaseConnections } from './database-connections';

/**
 * Applies every pending migration, each in its own transaction; returns the names applied.
 * Several API instances may start together on one database: a session advisory lock, held on a
 * connection of its own, lets one migrate while the others wait and then find nothing to do.
 *
 * With `settings`, the app's connect timeout, idle-in-transaction timeout and keepalive hold, but
 * no statement timeout: a migration, or the rebuild of kept figures one may start, can take
 * minutes on a large programme, and cancelling it half-way would only fail the start and leave the
 * same work to the next one. The lock's wait is unbounded for the same reason: it lasts as long as
 * another instance's migration.
 */
export async function migrateDatabase(url: string, settings?: ConnectionSettings): Promise<string[]> {
  const connections = settings && new DatabaseConnections(url, { ...settings, statementTimeoutMs: 0 });
  const lock = connections
    ? connections.client('tiltak-migrate', null)
    : new pg.Client({ connectionString: url, application_name: 'tiltak-migrate' });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('tiltak:migrations'))`);
    const dataSource = createDataSource(url, connections);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end();
  }
}

/** Reverts the newest migration; returns false when there was none to revert. */
export async function revertLastMigration(url: string): Promise<boolean> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const before = await dataSource.query('SELECT count(*)::int AS n FROM migration').catch(() => [{ n: 0 }]);
    await dataSource.undoLastMigration({ transaction: 'each' });
    return (before as [{ n: number }])[0].n > 0;
  } finally {
    await dataSource.destroy();
  }
}
