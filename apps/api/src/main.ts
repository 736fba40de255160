import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, isDatabaseUnavailable, loadConfig } from '@tiltak/api-core';
import { StartupProblem } from '@tiltak/api-data-access';
import { fileURLToPath } from 'node:url';
import { installProcessGuards } from './app/process-guards';
import { type RunningTiltak, startTiltak } from './app/start-tiltak';

/** Everything must be down well within the 10 seconds an operator (or a container runtime) waits. */
const SHUTDOWN_DEADLINE_MS = 8_000;

let running: RunningTiltak | null = null;

// From the start, so that nothing that escapes during start-up or later takes the API down unseen.
installProcessGuards({
  logger: new Logger('Process'),
  survivable: isDatabaseUnavailable,
  stop: async () => running?.close(),
  stopDeadlineMs: SHUTDOWN_DEADLINE_MS,
});

async function main(): Promise<void> {
  const config = loadConfig(process.env, {
    dashboardDir: fileURLToPath(new URL('../dashboard', import.meta.url)),
  });
  const logger = new Logger('Tiltak');
  let stopping = false;
  const stop = (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}, stopping`);
    setTimeout(() => {
      logger.error('Shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // A stop asked for during start-up waits for the start to end; a start that fails says why itself.
    starting
      .then(
        (tiltak) => tiltak.close(),
        () => new Promise<never>(() => undefined),
      )
      .then(
        () => {
          if (exitCode === 0) logger.log('Tiltak has stopped');
          process.exit(exitCode);
        },
        (error: unknown) => {
          logger.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT received', 0));
  process.on('SIGTERM', () => stop('SIGTERM received', 0));

  const starting = startTiltak(config, {
    onDatabaseLost: (message) => {
      if (stopping) return;
      logger.fatal(message);
      stop('The database is gone', 1);
    },
  });
  const tiltak = await starting;
  running = tiltak;
  if (!stopping) {
    logger.log(`Tiltak is running at ${tiltak.url} (GraphQL at ${tiltak.url}/graphql). Stop it with Ctrl-C.`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  // Something the operator can put right: the sentence says what, and a stack trace would only hide it.
  else if (error instanceof StartupProblem) new Logger('Tiltak').fatal(error.message);
  else new Logger('Tiltak').fatal(error);
  process.exit(1);
});
