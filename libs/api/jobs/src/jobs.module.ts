import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** Scheduled work, kept in PostgreSQL (pg-boss), run once whichever instance picks it up. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
