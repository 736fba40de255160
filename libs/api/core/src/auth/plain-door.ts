import type { Permission, Principal } from '@tiltak/domain';
import type { Request } from 'express';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { serviceUnavailable } from '../errors/database-unavailable';
import type { RateLimited, RateLimits } from '../limits/rate-limits';
import type { PolicyService } from './policy.service';
import type { AuthenticatedRequest } from './viewer';

/**
 * The checks GraphQL's door makes, for a plain HTTP route that makes files (a report, a workbook, an
 * import): its own rate limit first (a file costs far more than a query, so one account cannot keep
 * the CPU busy), then a token that could not be checked (503) or was refused (401), then the
 * permission. Answers the viewer it admits, who is signed in whenever the permission needs it.
 */
export async function admitPlainRequest(
  request: Request & AuthenticatedRequest,
  door: { rateLimits: RateLimits; policy: PolicyService; limit: RateLimited; permission: Permission },
): Promise<Principal | null> {
  await door.rateLimits.consume(door.limit, {
    userId: request.viewer?.userId ?? null,
    address: request.ip ?? 'unknown',
  });
  if (request.tokenUnchecked) throw serviceUnavailable();
  if (request.authProblem) {
    throw new ApiError(ApiErrorCode.UNAUTHENTICATED, request.authProblem, { reason: 'TOKEN_REJECTED' });
  }
  const viewer = request.viewer ?? null;
  door.policy.require(viewer, door.permission);
  return viewer;
}

/** A query parameter that must be one of a few words; anything else is BAD_USER_INPUT naming them. */
export function queryChoice<T extends string>(values: readonly T[], value: unknown, field: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new ApiError(ApiErrorCode.BAD_USER_INPUT, `${field} must be one of ${values.join(', ')}.`, {
    field,
    reason: 'UNKNOWN_VALUE',
  });
}
