import pg from 'pg';
import { createDataSource } from './data-source';

/**
 * Applies every pending migration, each in its own transaction; returns the names applied.
 * Several API instances may start together on one database: a session advisory lock, held on a
 * connection of its own, lets one migrate while the others wait and then find nothing to do.
 */
export async function migrateDatabase(url: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url, application_name: 'tiltak-migrate' });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('tiltak:migrations'))`);
    const dataSource = createDataSource(url);
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
