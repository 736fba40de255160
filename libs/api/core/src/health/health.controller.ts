import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { HealthReport } from '@tiltak/domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PublicOperation } from '../auth/viewer';

/** `GET /health` for people and load balancers: 200 when the database answers, 503 when not. */
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
      const [{ executed }] = (await this.dataSource.query('SELECT count(*)::int AS executed FROM migration')) as [
        { executed: number },
      ];
      return {
        status: 'ok',
        database: 'up',
        databaseMode,
        migrationsPending: this.dataSource.migrations.length - executed,
      };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'degraded', database: 'down', databaseMode, migrationsPending: -1 };
    }
  }
}
