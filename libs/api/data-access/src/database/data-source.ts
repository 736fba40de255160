import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';
import type { DatabaseConnections } from './database-connections';

/**
 * The one description of Tiltak's database for the app, the CLI and the tests. The schema only
 * ever comes from the migrations; `synchronize` stays off everywhere. With `connections`, the pool
 * takes their size, timeouts and watch; without, pg's defaults (tests that arrange data, the CLI).
 */
export function dataSourceOptions(url: string, connections?: DatabaseConnections): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    applicationName: 'tiltak',
    // gen_random_uuid() is built into PostgreSQL 13 and newer; no extension to install.
    uuidExtension: 'pgcrypto',
    ...(connections && { extra: connections.poolOptions() }),
  };
}

export function createDataSource(url: string, connections?: DatabaseConnections): DataSource {
  return new DataSource(dataSourceOptions(url, connections));
}

/** SQL that would bring the schema in line with the entities; empty when the migrations cover them. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
