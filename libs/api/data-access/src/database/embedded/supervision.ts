import type { PostgresProcess } from './postgres-process';

/** A PostgreSQL that has stayed up this long has recovered: earlier failures no longer count. */
const RECOVERED_AFTER_MS = 60_000;

/** What a clean shutdown nobody in Tiltak asked for waits for, so that Tiltak's own stop can begin first. */
const OWN_STOP_GRACE_MS = 1_000;

export interface SupervisionSettings {
  /** Starts PostgreSQL again, on the same port and cluster. */
  relaunch(): Promise<PostgresProcess>;
  /** Pauses before each restart; one failure more than there are pauses ends the restarts. */
  restartDelaysMs: number[];
  warn(message: string): void;
  log(message: string): void;
  /** PostgreSQL is gone for good; the sentence says why and what to do. */
  onLost(message: string): void;
}

export interface Supervision {
  current(): PostgresProcess | undefined;
  stop(): Promise<void>;
}

/**
 * Keeps the embedded PostgreSQL running under the API. A crash (a signal such as SIGKILL, or an
 * error exit) is met with a restart after a pause that doubles each time, until it has failed more
 * often than there are pauses without staying up for a minute in between; then `onLost` says so.
 * A clean shutdown that Tiltak did not ask for (someone stopped PostgreSQL on purpose, or Ctrl-C
 * reached the whole process group) is respected and reported through `onLost` too.
 */
export function supervise(first: PostgresProcess, settings: SupervisionSettings): Supervision {
  let current: PostgresProcess | undefined;
  let stopping = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  const lose = (message: string) => {
    try {
      settings.onLost(message);
    } catch (error) {
      settings.warn(`${message} (${String(error)})`);
    }
  };

  const watch = (server: PostgresProcess) => {
    current = server;
    const since = Date.now();
    server.exited
      .then((exit) => {
        if (stopping || current !== server) return;
        current = undefined;
        if (Date.now() - since >= RECOVERED_AFTER_MS) failures = 0;
        if (exit.code === 0 && exit.signal === null) {
          timer = setTimeout(() => {
            if (!stopping) {
              lose(
                'The embedded PostgreSQL was shut down from outside Tiltak, so Tiltak stops too; start Tiltak again to bring both back.',
              );
            }
          }, OWN_STOP_GRACE_MS);
          return;
        }
        // Killed by a signal, it had no last words; what its connections said then is noise.
        restartAfter(
          exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}; it said: ${server.lastWords()}`,
        );
      })
      .catch((error: unknown) => settings.warn(`Watching the embedded PostgreSQL failed: ${String(error)}`));
  };

  const restartAfter = (why: string) => {
    failures += 1;
    const attempts = settings.restartDelaysMs.length;
    if (failures > attempts) {
      lose(
        `The embedded PostgreSQL stopped and did not come back after ${attempts} attempts (${why}); ` +
          `see its whole log with LOG_LEVEL=debug, put the cause right and start Tiltak again.`,
      );
      return;
    }
    const delay = settings.restartDelaysMs[failures - 1];
    settings.warn(
      `The embedded PostgreSQL stopped (${why}); starting it again in ${delay} ms (attempt ${failures} of ${attempts})`,
    );
    timer = setTimeout(() => {
      timer = undefined;
      restarting = settings.relaunch().then(
        async (server) => {
          restarting = undefined;
          if (stopping) return server.stop();
          watch(server);
          settings.log('The embedded PostgreSQL is running again');
        },
        (error: unknown) => {
          restarting = undefined;
          if (!stopping)
            restartAfter(`it did not start again: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    }, delay);
  };

  watch(first);
  return {
    current: () => current,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await restarting;
      await current?.stop();
      current = undefined;
    },
  };
}
