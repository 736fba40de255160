import { Global, Module } from '@nestjs/common';
import { DatabaseStatus } from './database-status';
import { HealthController } from './health.controller';

/** `/health`, and whether the database can be reached for the parts that tell clients so. */
@Global()
@Module({ controllers: [HealthController], providers: [DatabaseStatus], exports: [DatabaseStatus] })
export class HealthModule {}
