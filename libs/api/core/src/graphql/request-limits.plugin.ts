import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { AuthenticatedRequest } from '../auth/viewer';
import { type ApiError, ApiErrorCode } from '../errors/api-error';
import { countOperation } from '../limits/operation-rate';
import type { RateLimits } from '../limits/rate-limits';
import { costBreach } from './query-limits';

interface HttpContext {
  req: AuthenticatedRequest & { ip?: string };
}

/** The refusal with the HTTP status (and headers) Apollo answers it with; the body stays the same. */
function withHttpStatus(error: ApiError, status: number, headers: [string, string][] = []): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...error.extensions, http: { status, headers: new HeaderMap(headers) } },
  });
}

/**
 * The checks over HTTP that need the operation and its variables, run once the document has been
 * parsed and validated: the rate limits (429 with Retry-After), then the cost (400). graphql-ws
 * runs the same checks in its `onSubscribe`.
 */
export function requestLimitsPlugin(rateLimits: RateLimits): ApolloServerPlugin<HttpContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) return;
          const { req } = contextValue;
          try {
            await countOperation(rateLimits, document, operation, {
              userId: req.viewer?.userId ?? null,
              address: req.ip ?? 'unknown',
            });
          } catch (error) {
            const refusal = error as ApiError;
            if (refusal.code !== ApiErrorCode.RATE_LIMITED) throw error;
            throw withHttpStatus(refusal, 429, [['retry-after', String(refusal.extensions['retryAfterSeconds'])]]);
          }
          const tooCostly = costBreach(schema, document, request.operationName, request.variables);
          if (tooCostly) throw withHttpStatus(tooCostly, 400);
        },
      };
    },
  };
}
