import { createDataSource } from './data-source';

/** Applies every pending migration, each in its own transaction; returns the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
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
