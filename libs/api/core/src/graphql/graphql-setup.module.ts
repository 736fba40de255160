import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessGuard } from '../auth/access.guard';
import { PolicyService } from '../auth/policy.service';
import type { AppConfig } from '../config/config';
import { ApiErrorFilter } from '../errors/api-error.filter';
import { formatGraphqlError } from '../errors/format-error';
import { inputValidationPipe } from '../errors/validation';

/**
 * GraphQL over HTTP at /graphql, code-first. The schema is built in memory at start-up; its
 * printed form is committed as apps/api/schema.graphql and a test keeps the two equal.
 */
@Module({})
export class GraphqlSetupModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GraphqlSetupModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: config.environment !== 'production',
          graphiql: config.environment === 'development',
          formatError: formatGraphqlError,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        PolicyService,
      ],
      exports: [PolicyService],
      global: true,
    };
  }
}
