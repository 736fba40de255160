import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule, GraphqlSetupModule, HealthModule } from '@tiltak/api-core';
import { DatabaseModule } from '@tiltak/api-data-access';
import { ProgrammeModule } from '@tiltak/api-programme';

/** Composes Tiltak's API from the feature libraries; the features themselves live in libs/api. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        GraphqlSetupModule.forRoot(config),
        HealthModule,
        ProgrammeModule,
      ],
    };
  }
}
