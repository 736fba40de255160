import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, isDatabaseUnavailable, loadConfig } from '@tiltak/api-core';
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
  const tiltak = await startTiltak(config);
  running = tiltak;
  const logger = new Logger('Tiltak');
  logger.log(`Tiltak is running at ${tiltak.url} (GraphQL at ${tiltak.url}/graphql). Stop it with Ctrl-C.`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, stopping`);
    setTimeout(() => {
      logger.error('Shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    tiltak.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else new Logger('Tiltak').fatal(error);
  process.exit(1);
});
