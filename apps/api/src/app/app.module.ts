import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule, GraphqlSetupModule, HealthModule } from '@tiltak/api-core';
import { DatabaseModule } from '@tiltak/api-data-access';
import { AccountsModule } from '@tiltak/api-accounts';
import { LiveModule } from '@tiltak/api-live';
import { ActionsModule, IndicatorsModule, PartiesModule, ProgrammeModule } from '@tiltak/api-programme';

/** Composes Tiltak's API from the feature libraries; the features themselves live in libs/api. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, onQuery?: (sql: string) => void): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl, config.databasePool, onQuery),
        GraphqlSetupModule.forRoot(config),
        HealthModule,
        AccountsModule,
        LiveModule,
        ProgrammeModule,
        ActionsModule,
        PartiesModule,
        IndicatorsModule,
      ],
    };
  }
}
