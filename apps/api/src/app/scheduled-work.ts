import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '@tiltak/api-jobs';
import { ReportingRoundsService } from '@tiltak/api-programme';

export const CLOSE_DUE_ROUNDS_JOB = 'close-due-rounds';

/**
 * Scheduled work that belongs to no one feature's library: here, closing the reporting rounds
 * whose deadline and grace have passed. The rounds service decides by the injected clock, and a
 * round another instance closed first is left alone, so a run on every instance is harmless.
 */
@Injectable()
export class ScheduledWork implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly rounds: ReportingRoundsService,
  ) {}

  onModuleInit(): void {
    this.jobs.every({
      name: CLOSE_DUE_ROUNDS_JOB,
      cron: '*/5 * * * *',
      run: async () => void (await this.rounds.closeDueRounds()),
    });
  }
}
