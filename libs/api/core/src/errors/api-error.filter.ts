import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError, ApiErrorCode } from './api-error';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, serviceUnavailable } from './database-unavailable';
import { isPeriodEnded, periodEnded } from './period-ended';

/**
 * Refusals Tiltak means to give (bad input, conflicts, missing records, a write to an ended
 * programme period) go straight to the client; Nest would otherwise log each one as an unexpected
 * server error. So does a database that cannot
 * be reached: over GraphQL as SERVICE_UNAVAILABLE, on the plain HTTP routes as a 503 with
 * Retry-After and the same typed body, never as a 500. Anything else is left to Nest, which logs
 * it and answers without internals.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    const refusal =
      error instanceof ApiError
        ? error
        : isPeriodEnded(error)
          ? periodEnded()
          : isDatabaseUnavailable(error)
            ? serviceUnavailable()
            : null;
    if (host.getType<string>() !== 'http') return refusal ?? undefined;
    if (refusal?.code !== ApiErrorCode.SERVICE_UNAVAILABLE) {
      // An error handed back is one this filter leaves to Nest's own answer.
      return error instanceof Error ? error : new Error(String(error));
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return response.end();
    response
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .set('retry-after', String(RETRY_AFTER_SECONDS))
      .json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
    return undefined;
  }
}
