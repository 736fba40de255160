import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, isDatabaseUnavailable } from '@tiltak/api-core';
import { DatabaseConnections } from '@tiltak/api-data-access';
import PgBoss from 'pg-boss';
import pg from 'pg';

/** Work that runs on a schedule, on one instance at a time. */
export interface ScheduledJob {
  /** The queue's name in pg-boss: letters, digits, dashes. */
  name: string;
  /** Cron, in Oslo time. */
  cron: string;
  /** Safe to run on several instances at once: the job itself must make its effects happen once. */
  run(): Promise<void>;
}

/** pg-boss keeps its queue here, beside Tiltak's own tables and out of their way. */
const SCHEMA = 'pgboss';
/** How often each worker asks for a job; a schedule fires within this much after its minute. */
const POLLING_SECONDS = 10;
/** A job that has not finished by then is taken for lost (its instance died) and may run again. */
const EXPIRE_SECONDS = 15 * 60;
/** How long shutdown waits for a job under way before it lets go (pg-boss then fails it, to run again). */
const STOP_WAIT_MS = 5_000;
/** One warning a minute at most while the database is away; pg-boss retries by itself. */
const AWAY_WARNING_EVERY_MS = 60_000;

/**
 * Tiltak's scheduled work through pg-boss 10, on the API's own database. Features register their
 * jobs (`every`) while the app starts; at bootstrap each gets a queue, a schedule and a worker. With
 * several instances, pg-boss hands each scheduled run to one of them. A database that goes away is
 * a state: pg-boss reports each failed poll as an `error` event, which is logged here (once a
 * minute), and polling goes on until the database is back.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, ScheduledJob>();
  private boss?: PgBoss;
  private pool?: pg.Pool;
  private stopping = false;
  private lastAwayWarning = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseConnections,
  ) {}

  /** Registers a scheduled job; call it before the app has started (onModuleInit). */
  every(job: ScheduledJob): void {
    if (this.boss) throw new Error(`Job ${job.name} was registered after the queue started`);
    this.jobs.set(job.name, job);
  }

  /** Runs a registered job here and now, as a worker would: for tests, and for operators. */
  async runNow(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No job named ${name}`);
    await job.run();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.enabled || this.jobs.size === 0) return;
    const pool = new pg.Pool({
      connectionString: this.database.url,
      ...this.database.poolOptions(3),
      application_name: 'tiltak-jobs',
    });
    // An idle connection the server dropped: the pool replaces it when next asked.
    pool.on('error', (error) => this.failed(error));
    this.pool = pool;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: SCHEMA,
      // Finished jobs stay a day, then a week in the archive, for an operator to look into.
      archiveCompletedAfterSeconds: 24 * 60 * 60,
      deleteAfterDays: 7,
    });
    boss.on('error', (error) => this.failed(error));
    this.boss = boss;
    await boss.start();
    for (const job of this.jobs.values()) {
      // A queue with the singleton policy runs one job at a time: a slow run is never overtaken.
      await boss.createQueue(job.name, {
        name: job.name,
        policy: 'singleton',
        retryLimit: 2,
        retryDelay: 30,
        expireInSeconds: EXPIRE_SECONDS,
      });
      await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Oslo', singletonKey: job.name });
      await boss.work(job.name, { pollingIntervalSeconds: POLLING_SECONDS }, async () => {
        // A job fetched as shutdown began goes back to the queue for another instance.
        if (this.stopping) throw new Error('This instance is stopping');
        // pg-boss keeps the failure on the job and retries it; the log says why it failed.
        await job.run().catch((error: unknown) => {
          this.failed(error, job.name);
          throw error;
        });
      });
    }
    this.logger.log(`Scheduled ${[...this.jobs.values()].map((job) => `${job.name} (${job.cron})`).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    try {
      await this.boss?.stop({ graceful: true, wait: true, timeout: STOP_WAIT_MS, close: false });
    } catch (error) {
      // Most likely the database is away; the jobs under way expire and run again elsewhere.
      this.logger.warn(`The job queue did not stop cleanly: ${String(error)}`);
    }
    await this.pool?.end().catch((error: unknown) => this.logger.debug(`Job queue pool: ${String(error)}`));
  }

  private failed(error: unknown, jobName?: string): void {
    if (!isDatabaseUnavailable(error)) {
      const what = jobName ? `Job ${jobName} failed` : 'Job queue';
      this.logger.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    const now = Date.now();
    if (now - this.lastAwayWarning < AWAY_WARNING_EVERY_MS) return;
    this.lastAwayWarning = now;
    this.logger.warn('The job queue cannot reach the database; scheduled work waits until it is back');
  }
}
