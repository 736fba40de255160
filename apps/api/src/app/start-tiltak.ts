import { type Abstract, type LogLevel, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, boundedJsonBodies, Clock } from '@tiltak/api-core';
import { checkDatabaseServer, loadDemoProgrammeIfEmpty, migrateDatabase } from '@tiltak/api-data-access';
import { DataSource } from 'typeorm';
import { hashPassword } from '@tiltak/api-accounts';
import { JobQueue } from '@tiltak/api-jobs';
import { AppModule } from './app.module';
import { databaseTarget, openDatabase } from './database';
import { hostDashboard } from './dashboard-hosting';
import { listenProblem } from './listen-problem';
import { securityHeaders } from './security-headers';
import { TiltakLogger } from './tiltak-logger';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

export interface RunningTiltak {
  /** Where a browser reaches the dashboard, for example http://localhost:3000. */
  url: string;
  /** Runs a scheduled job (`reminder-sweep`, `deliver-mail`, …) in this instance now, as its schedule would. */
  runJob(name: string): Promise<void>;
  /** A provider of the running API, for work no request starts (closing the rounds whose time has come). */
  get<T>(provider: Abstract<T>): T;
  close(): Promise<void>;
}

/** Database, migrations, demo programme, then the API and the dashboard on one port. */
export interface StartOptions {
  /** Sees every SQL statement the API sends (tests count them). */
  onQuery?: (sql: string) => void;
  /**
   * The embedded PostgreSQL has gone and could not be started again; the sentence says why and what
   * to do. Without it, the sentence is logged and the API goes on answering that the database is down.
   */
  onDatabaseLost?: (message: string) => void;
  /** The time every deadline, reminder and closing goes by; tests share a settable one between instances. */
  clock?: Clock;
}

export async function startTiltak(config: AppConfig, options: StartOptions = {}): Promise<RunningTiltak> {
  const tiltakLogger = new TiltakLogger({ logLevels: LOG_LEVELS[config.logLevel] });
  Logger.overrideLogger(tiltakLogger);
  const logger = new Logger('Tiltak');
  const database = await openDatabase(config, options.onDatabaseLost ?? ((message) => logger.error(message)));
  let app: NestExpressApplication | undefined;
  try {
    await checkDatabaseServer(database.url, databaseTarget(config));
    const applied = await migrateDatabase(database.url, config.databasePool);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, database.url, { onQuery: options.onQuery, clock: options.clock }),
      {
        logger: tiltakLogger,
        // Replaced by boundedJsonBodies below, which answers an oversized body with a clear 413.
        bodyParser: false,
        // Nest's default ends the process with abort() when a module fails to start (the database
        // not answering in time, say): a core dump in production and a dead worker in the tests.
        // The error comes back here instead, and the catch below closes what had started.
        abortOnError: false,
      },
    );
    // Before every route, so the API's answers carry the headers and compression as the dashboard's do.
    // WebSocket upgrades (graphql-ws, socket.io) never pass through here.
    app.use(securityHeaders(config), compression());
    app.use(boundedJsonBodies());
    if (
      shouldLoadDemo(config) &&
      (await loadDemoProgrammeIfEmpty(app.get(DataSource), hashPassword, app.get(Clock).now()))
    ) {
      logger.log('The database was empty: loaded the demo programme');
    }
    if (config.auth.secretGenerated) {
      logger.warn('AUTH_SECRET is not set: sign-ins last until this process stops. Set it to run several instances.');
    }
    // Only the proxies the operator names may say who the client is (X-Forwarded-For): sign-in
    // throttling and the audit log go by that address, so no client may choose it.
    app.set('trust proxy', config.trustProxy);
    hostDashboard(app, config.dashboardDir);
    await app.listen(config.http.port, config.http.host).catch((error: unknown) => {
      throw listenProblem(error, config.http.host, config.http.port) ?? error;
    });

    const running = app;
    const address = running.getHttpServer().address() as { port: number };
    const host = ['0.0.0.0', '::', '127.0.0.1'].includes(config.http.host) ? 'localhost' : config.http.host;
    return {
      url: `http://${host}:${address.port}`,
      runJob: (name) => running.get(JobQueue).runNow(name),
      get: (provider) => running.get(provider),
      async close() {
        await running.close();
        await database.stop();
      },
    };
  } catch (error) {
    // Whatever had started is closed in order, so a failed start leaves nothing running.
    await app?.close();
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
