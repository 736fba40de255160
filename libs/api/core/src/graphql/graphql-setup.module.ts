import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessGuard } from '../auth/access.guard';
import { LiveConnections } from '../auth/live-connections';
import { PolicyService } from '../auth/policy.service';
import type { AppConfig } from '../config/config';
import { ApiErrorFilter } from '../errors/api-error.filter';
import { formatGraphqlError } from '../errors/format-error';
import { inputValidationPipe } from '../errors/validation';
import { RateLimits } from '../limits/rate-limits';
import { GraphqlWsServer } from './graphql-ws-server';
import { documentRules, PARSE_OPTIONS } from './query-limits';
import { requestLimitsPlugin } from './request-limits.plugin';
import { serviceUnavailablePlugin } from './service-unavailable.plugin';

/**
 * GraphQL over HTTP and, for subscriptions, graphql-ws (GraphqlWsServer), both at /graphql,
 * code-first. The schema is built in memory at start-up; its printed form is committed as
 * apps/api/schema.graphql and a test keeps the two equal. Both transports apply the same query
 * limits (query-limits.ts), rate limits and error format.
 */
@Module({})
export class GraphqlSetupModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GraphqlSetupModule,
      global: true,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [RateLimits],
          useFactory: (rateLimits: RateLimits): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            // Refused in production by documentRules instead, the same rule as over graphql-ws.
            introspection: true,
            graphiql: config.environment === 'development',
            includeStacktraceInErrorResponses: config.environment === 'development',
            allowBatchedHttpRequests: false,
            parseOptions: PARSE_OPTIONS,
            validationRules: documentRules(config.environment),
            plugins: [requestLimitsPlugin(rateLimits), serviceUnavailablePlugin()],
            // Nest would otherwise answer 200 whenever execution ran, over the 503 set above.
            // Tiltak's execution errors carry no HTTP status of their own, so this changes nothing else.
            preserveHttpStatusForExecutionErrors: false,
            formatError: formatGraphqlError,
            context: (input: { req: unknown; res: unknown }) => ({ req: input.req, res: input.res }),
          }),
        }),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        PolicyService,
        LiveConnections,
        RateLimits,
        GraphqlWsServer,
      ],
      exports: [PolicyService, LiveConnections, RateLimits],
    };
  }
}
