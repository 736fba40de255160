import type { AppConfig } from '@tiltak/api-core';
import { type RunningDatabase, startEmbeddedDatabase } from '@tiltak/api-data-access';
import { Logger } from '@nestjs/common';

/** The server given by DATABASE_URL, or Tiltak's own embedded PostgreSQL under the data folder. */
export async function openDatabase(config: AppConfig): Promise<RunningDatabase> {
  const { database } = config;
  if (database.mode === 'external') return { url: database.url, stop: async () => undefined };

  const logger = new Logger('EmbeddedPostgreSQL');
  logger.log(`Starting the embedded PostgreSQL in ${database.dataDir} (set DATABASE_URL to use a server)`);
  return startEmbeddedDatabase({
    dataDir: database.dataDir,
    port: database.port,
    database: 'tiltak',
    log: (message) => logger.debug(message.trim()),
  });
}
