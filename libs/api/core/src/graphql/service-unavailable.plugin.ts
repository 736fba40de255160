import type { ApolloServerPlugin } from '@apollo/server';
import { ApiErrorCode } from '../errors/api-error';
import { RETRY_AFTER_SECONDS } from '../errors/database-unavailable';

/**
 * An answer that is nothing but SERVICE_UNAVAILABLE (the database was away) goes out as HTTP 503
 * with Retry-After, so that proxies, load balancers and the dashboard see a state that passes, not
 * a success. An answer that still carries data keeps its 200: the client has something to show.
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const unavailable =
            errors !== undefined &&
            errors.length > 0 &&
            errors.every((error) => error.extensions?.['code'] === ApiErrorCode.SERVICE_UNAVAILABLE);
          const nothingElse = !data || Object.values(data).every((value) => value === null);
          if (!unavailable || !nothingElse) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
