import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError, ApiErrorCode } from './api-error';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, serviceUnavailable } from './database-unavailable';

const STATUS: Partial<Record<ApiErrorCode, number>> = {
  [ApiErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ApiErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ApiErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ApiErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ApiErrorCode.REQUEST_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ApiErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ApiErrorCode.SERVICE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * Answers a plain HTTP route's refusal as GraphQL would word it (`{ errors: [{ message, extensions:
 * { code, … } }] }`) with its HTTP status and, when waiting helps, Retry-After. Anything that is not
 * a refusal is thrown on, for Nest to log and answer without internals.
 */
export function answerRefusal(error: unknown, response: Response): void {
  // Once a file has begun, the only honest answer left is a cut-off download.
  if (response.headersSent) {
    response.destroy(error instanceof Error ? error : undefined);
    return;
  }
  const refusal = error instanceof ApiError ? error : isDatabaseUnavailable(error) ? serviceUnavailable() : null;
  const status = refusal && STATUS[refusal.code];
  if (!refusal || !status) throw error;
  const retryAfter = refusal.extensions['retryAfterSeconds'] ?? (status === 503 ? RETRY_AFTER_SECONDS : undefined);
  if (retryAfter !== undefined) response.set('Retry-After', String(retryAfter));
  // The rest of an oversized upload is not read: the connection closes after the answer.
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) response.set('Connection', 'close');
  response.status(status).json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
}
