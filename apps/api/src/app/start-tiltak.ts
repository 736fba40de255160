import { type LogLevel, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, boundedJsonBodies } from '@tiltak/api-core';
import { loadDemoProgrammeIfEmpty, migrateDatabase } from '@tiltak/api-data-access';
import { DataSource } from 'typeorm';
import { hashPassword } from '@tiltak/api-accounts';
import { AppModule } from './app.module';
import { openDatabase } from './database';
import { hostDashboard } from './dashboard-hosting';
import { securityHeaders } from './security-headers';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

export interface RunningTiltak {
  /** Where a browser reaches the dashboard, for example http://localhost:3000. */
  url: string;
  close(): Promise<void>;
}

/** Database, migrations, demo programme, then the API and the dashboard on one port. */
export interface StartOptions {
  /** Sees every SQL statement the API sends (tests count them). */
  onQuery?: (sql: string) => void;
}

export async function startTiltak(config: AppConfig, options: StartOptions = {}): Promise<RunningTiltak> {
  Logger.overrideLogger(LOG_LEVELS[config.logLevel]);
  const logger = new Logger('Tiltak');
  const database = await openDatabase(config);
  try {
    const applied = await migrateDatabase(database.url, config.databasePool);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, database.url, options.onQuery),
      {
        logger: LOG_LEVELS[config.logLevel],
        // Replaced by boundedJsonBodies below, which answers an oversized body with a clear 413.
        bodyParser: false,
      },
    );
    // Before every route, so the API's answers carry the headers and compression as the dashboard's do.
    // WebSocket upgrades (graphql-ws, socket.io) never pass through here.
    app.use(securityHeaders(config), compression());
    app.use(boundedJsonBodies());
    if (shouldLoadDemo(config) && (await loadDemoProgrammeIfEmpty(app.get(DataSource), hashPassword))) {
      logger.log('The database was empty: loaded the demo programme');
    }
    if (config.auth.secretGenerated) {
      logger.warn('AUTH_SECRET is not set: sign-ins last until this process stops. Set it to run several instances.');
    }
    // Only the proxies the operator names may say who the client is (X-Forwarded-For): sign-in
    // throttling and the audit log go by that address, so no client may choose it.
    app.set('trust proxy', config.trustProxy);
    hostDashboard(app, config.dashboardDir);
    await app.listen(config.http.port, config.http.host);

    const address = app.getHttpServer().address() as { port: number };
    const host = ['0.0.0.0', '::', '127.0.0.1'].includes(config.http.host) ? 'localhost' : config.http.host;
    return {
      url: `http://${host}:${address.port}`,
      async close() {
        await app.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

function shouldLoadDemo(config: AppConfig): boolean {
  switch (config.demoData) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'auto':
      return config.environment !== 'production';
  }
}
