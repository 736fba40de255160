import type { AppConfig } from '@tiltak/api-core';
import {
  type DatabaseTarget,
  embeddedPasswordFile,
  type RunningDatabase,
  startEmbeddedDatabase,
} from '@tiltak/api-data-access';
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';

/**
 * The server given by DATABASE_URL, or Tiltak's own embedded PostgreSQL under the data folder.
 * `onLost` hears when the embedded one has gone and could not be started again.
 */
export async function openDatabase(config: AppConfig, onLost?: (message: string) => void): Promise<RunningDatabase> {
  const { database } = config;
  if (database.mode === 'external') return { url: database.url, stop: async () => undefined };

  const logger = new Logger('EmbeddedPostgreSQL');
  logger.log(`Starting the embedded PostgreSQL for ${resolve(database.dataDir)} (set DATABASE_URL to use a server)`);
  const embedded = await startEmbeddedDatabase({
    dataDir: database.dataDir,
    port: database.port,
    database: 'tiltak',
    logger: {
      debug: (message) => logger.debug(message),
      log: (message) => logger.log(message),
      warn: (message) => logger.warn(message),
    },
    onLost,
  });
  logger.log(
    `The embedded PostgreSQL listens on 127.0.0.1:${embedded.port} and keeps its data in ${embedded.clusterDir}` +
      (embedded.elsewhereBecause ? ` (outside the data folder, because ${embedded.elsewhereBecause})` : ''),
  );
  return embedded;
}

/** The database as the sentences about start-up problems name it. */
export function databaseTarget(config: AppConfig): DatabaseTarget {
  const { database } = config;
  if (database.mode === 'external') return { kind: 'server', url: database.url };
  const dataDir = resolve(database.dataDir);
  return { kind: 'embedded', dataDir, passwordFile: embeddedPasswordFile(dataDir) };
}
