import { inspect } from 'node:util';

export interface ProcessGuardOptions {
  /** Nest's Logger in the app; anything with these two methods in a test. */
  logger: { error(message: string): void; fatal(message: string): void };
  /**
   * Whether an uncaught exception concerns one connection only (a database or client connection
   * that was refused, reset or cut, reported through an `error` event nobody listened for).
   */
  survivable(error: unknown): boolean;
  /** Stops the app before the process exits after an exception it cannot outlive. */
  stop(): Promise<void>;
  /** How long `stop` may take before the process exits anyway. */
  stopDeadlineMs: number;
}

/** The reason in full: its stack (where it was made and, for awaited calls, from where), its code, its cause. */
function described(reason: unknown): string {
  return reason instanceof Error
    ? inspect(reason, { depth: 4, breakLength: Infinity })
    : `a value that is not an Error: ${inspect(reason, { depth: 4 })}`;
}

/**
 * The last line of defence, for what escapes the code's own handling (every promise is meant to
 * be awaited or caught; lint holds the API to it):
 *
 * - An unhandled rejection is logged with its stack and the process keeps running. A rejection
 *   changes nothing by not being handled: the work it belonged to has already failed, and the
 *   API serves everyone else as before. Node's default (exit) would take every user down for one
 *   failed background task, which is what this guard is here to prevent.
 * - An uncaught exception that only concerns one connection (`survivable`) is logged and the
 *   process keeps running: the connection is gone, and the pools and the change feed replace
 *   their own connections. Any other uncaught exception may have stopped code half-way through
 *   changing shared state (a listener list, a lock, a counter); carrying on could serve wrong
 *   answers. That one is logged as fatal, the app is stopped (the embedded PostgreSQL shuts down
 *   cleanly) and the process exits with 1, so that its supervisor starts a clean one.
 *
 * Returns a function that takes the guards away again.
 */
export function installProcessGuards(options: ProcessGuardOptions): () => void {
  const { logger } = options;
  let exiting = false;

  const rejected = (reason: unknown) => {
    logger.error(`An unhandled promise rejection escaped; Tiltak keeps running. ${described(reason)}`);
  };

  const uncaught = (error: unknown) => {
    if (!exiting && options.survivable(error)) {
      logger.error(`An uncaught error about one connection escaped; Tiltak keeps running. ${described(error)}`);
      return;
    }
    logger.fatal(`An uncaught exception escaped; Tiltak stops so that it can be started clean. ${described(error)}`);
    if (exiting) return;
    exiting = true;
    process.exitCode = 1;
    setTimeout(() => process.exit(1), options.stopDeadlineMs).unref();
    options.stop().then(
      () => process.exit(1),
      (failure: unknown) => {
        logger.error(`Could not stop cleanly: ${described(failure)}`);
        process.exit(1);
      },
    );
  };

  process.on('unhandledRejection', rejected);
  process.on('uncaughtException', uncaught);
  return () => {
    process.off('unhandledRejection', rejected);
    process.off('uncaughtException', uncaught);
  };
}
