import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { HealthReport } from '@tiltak/domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PublicOperation } from '../auth/viewer';
import { RETRY_AFTER_SECONDS } from '../errors/database-unavailable';

/**
 * How long the check waits for the database. A server that is gone refuses at once, but one that
 * stopped answering (a network that drops packets) would hold the check until the pool gives up;
 * a load balancer wants its answer sooner than that.
 */
const CHECK_TIMEOUT_MS = 2_000;

/** Resolves with what `work` gives, or rejects once `ms` have passed; `work` may still settle later, unheard. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** `GET /health` for people and load balancers: 200 when the database answers, 503 when not (within 2 s). */
@Controller('health')
@PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const databaseMode = this.config.database.mode;
    try {
      const [{ executed }] = (await within(
        this.dataSource.query('SELECT count(*)::int AS executed FROM migration'),
        CHECK_TIMEOUT_MS,
      )) as [{ executed: number }];
      return {
        status: 'ok',
        database: 'up',
        databaseMode,
        migrationsPending: this.dataSource.migrations.length - executed,
      };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE).set('retry-after', String(RETRY_AFTER_SECONDS));
      return { status: 'degraded', database: 'down', databaseMode, migrationsPending: -1 };
    }
  }
}
