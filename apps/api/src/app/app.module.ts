import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, type Clock, ConfigModule, GraphqlSetupModule, HealthModule } from '@tiltak/api-core';
import { DatabaseModule } from '@tiltak/api-data-access';
import { AccountsModule } from '@tiltak/api-accounts';
import { CouncilReportModule } from '@tiltak/api-council-report';
import { JobsModule } from '@tiltak/api-jobs';
import { LiveModule } from '@tiltak/api-live';
import { MailModule } from '@tiltak/api-mail';
import {
  ActionsModule,
  ExchangeModule,
  FundingModule,
  SnapshotsModule,
  IndicatorsModule,
  NetworksModule,
  PartiesModule,
  PeriodsModule,
  ProgrammeModule,
  ReportingModule,
  GoalsModule,
  GovernanceModule,
  ReportLinksModule,
  OpenDataModule,
} from '@tiltak/api-programme';
import { MailerModule } from './mailer.module';
import { ScheduledWork } from './scheduled-work';

/** Composes Tiltak's API from the feature libraries; the features themselves live in libs/api. */
@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    options: { onQuery?: (sql: string) => void; clock?: Clock } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, options.clock),
        DatabaseModule.forRoot(databaseUrl, config.databasePool, options.onQuery),
        GraphqlSetupModule.forRoot(config),
        HealthModule,
        AccountsModule,
        LiveModule,
        ProgrammeModule,
        ActionsModule,
        FundingModule,
        SnapshotsModule,
        PartiesModule,
        IndicatorsModule,
        NetworksModule,
        JobsModule,
        MailModule,
        ReportingModule,
        GoalsModule,
        GovernanceModule,
        MailerModule,
        ReportLinksModule,
        PeriodsModule,
        CouncilReportModule,
        OpenDataModule,
        ExchangeModule,
      ],
      providers: [ScheduledWork],
    };
  }
}
