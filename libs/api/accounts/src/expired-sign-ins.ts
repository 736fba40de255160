import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tiltak/api-core';
import { SessionRepository, SignInThrottleRepository } from '@tiltak/api-data-access';
import { SESSION_LIMITS } from './session-limits';
import { THROTTLE } from './sign-in-throttle';

/** Rows deleted per statement: short transactions, however much piled up while no instance ran. */
const BATCH = 1_000;

/**
 * Deletes what sign-in leaves behind once it has expired: sessions that can no longer be used
 * (with their refresh tokens) and throttle counts whose window has passed. It runs at start-up and
 * then every `pruneIntervalMs`. Several instances may run it at once: each delete skips the rows
 * another holds, so they share the work and never wait for each other or for a sign-in. A run
 * that fails is logged and the next one tries again; shutdown stops the timer and waits for a run
 * under way.
 */
@Injectable()
export class ExpiredSignIns implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpiredSignIns');
  private timer?: NodeJS.Timeout;
  private run: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly throttle: SignInThrottleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.start(), this.config.pruneIntervalMs);
    this.timer.unref();
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.run;
  }

  /** Deletes everything that has expired, a batch at a time; returns how many rows of each went. */
  async prune(): Promise<{ sessions: number; throttleCounts: number }> {
    const deleted = { sessions: 0, throttleCounts: 0 };
    let batch: number;
    do {
      batch = await this.sessions.deleteUnusedFor(SESSION_LIMITS.lifetimeSeconds, BATCH);
      deleted.sessions += batch;
    } while (batch === BATCH && !this.stopped);
    do {
      batch = await this.throttle.deleteExpired(THROTTLE.windowSeconds, BATCH);
      deleted.throttleCounts += batch;
    } while (batch === BATCH && !this.stopped);
    return deleted;
  }

  /** Starts a run unless one is still under way (then this turn is skipped, not queued). */
  private start(): void {
    if (this.run || this.stopped) return;
    this.run = this.prune()
      .then(
        ({ sessions, throttleCounts }) => {
          if (sessions + throttleCounts > 0) {
            this.logger.debug(`Deleted ${sessions} expired sessions and ${throttleCounts} sign-in throttle counts`);
          }
        },
        (error: unknown) => this.logger.warn(`Could not delete expired sessions and throttle counts: ${String(error)}`),
      )
      .finally(() => (this.run = null));
  }
}
