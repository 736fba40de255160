import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { AccessGuard } from '../auth/access.guard';
import { LiveConnections } from '../auth/live-connections';
import { PolicyService } from '../auth/policy.service';
import type { AuthenticatedRequest } from '../auth/viewer';
import { VIEWER_RESOLVER, type ViewerResolver } from '../auth/viewer-resolver';
import type { AppConfig } from '../config/config';
import { ApiErrorFilter } from '../errors/api-error.filter';
import { formatGraphqlError } from '../errors/format-error';
import { inputValidationPipe } from '../errors/validation';
import { sharedSubscriptions } from './shared-subscriptions';

/** What graphql-ws keeps for one connection: the socket and who opened it. */
interface ConnectionExtra {
  socket: { close(code: number, reason: string): void };
  auth?: AuthenticatedRequest;
}

interface WsContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: unknown;
}

/**
 * GraphQL over HTTP and, for subscriptions, graphql-ws, both at /graphql, code-first. The schema
 * is built in memory at start-up; its printed form is committed as apps/api/schema.graphql and a
 * test keeps the two equal. A subscription connection authenticates in its init message (closed
 * with 4403 when the token does not hold, 4408 when no init comes within 3 seconds).
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
          inject: [VIEWER_RESOLVER, LiveConnections],
          useFactory: (viewers: ViewerResolver, connections: LiveConnections): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            introspection: config.environment !== 'production',
            graphiql: config.environment === 'development',
            formatError: formatGraphqlError,
            context: (input: { req?: unknown; res?: unknown; extra?: ConnectionExtra }) =>
              input.extra ? { req: input.extra.auth ?? { viewer: null } } : { req: input.req, res: input.res },
            subscriptions: {
              'graphql-ws': {
                path: '/graphql',
                connectionInitWaitTimeout: 3_000,
                onConnect: async (ctx: WsContext) => {
                  const extra = ctx.extra as ConnectionExtra;
                  const header = ctx.connectionParams?.['authorization'];
                  const token = typeof header === 'string' ? header.replace(/^Bearer\s+/i, '') : '';
                  if (!token) {
                    extra.auth = { viewer: null };
                    return config.auth.publicDashboard;
                  }
                  const outcome = await viewers.resolve(token);
                  if ('problem' in outcome) return false;
                  extra.auth = { viewer: outcome.viewer, viewerName: outcome.name, sessionId: outcome.sessionId };
                  connections.register(outcome.viewer.userId, outcome.sessionId, extra.socket, outcome.expiresAt);
                  return true;
                },
                onClose: (ctx: WsContext) => connections.unregister((ctx.extra as ConnectionExtra).socket),
                // Passed on to graphql-ws's own `subscribe` (Nest's type does not list it).
                ...{ subscribe: sharedSubscriptions() },
              } as GraphQLWsSubscriptionsConfig,
            },
          }),
        }),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        PolicyService,
        LiveConnections,
      ],
      exports: [PolicyService, LiveConnections],
    };
  }
}
