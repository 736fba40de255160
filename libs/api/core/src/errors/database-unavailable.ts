import { ApiError, ApiErrorCode } from './api-error';

/** How long a client is asked to wait before it tries again (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

/** The operating system's words for a connection that could not be made or was lost. */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres and its pool say when a connection ends, cannot be had, or stops answering. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable$/,
  /^Query read timeout$/,
];

/**
 * SQLSTATEs of a server that is away or going: class 08 (connection exception), 57P01 to 57P03
 * (shut down by an administrator, crashed, not accepting connections yet) and 53300 (no
 * connection slot free). Each passes once the server is back; none says anything about the input.
 */
function isConnectionState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/** The error and what it wraps: TypeORM's driverError, GraphQL's originalError, `cause`, an AggregateError's. */
function* chainOf(error: unknown, depth = 0): Generator<object> {
  if (typeof error !== 'object' || error === null || depth > 5) return;
  yield error;
  const wrapper = error as { driverError?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown };
  for (const inner of [wrapper.driverError, wrapper.originalError, wrapper.cause]) yield* chainOf(inner, depth + 1);
  if (Array.isArray(wrapper.errors)) for (const inner of wrapper.errors) yield* chainOf(inner, depth + 1);
}

/**
 * Whether an error means the database could not be reached (refused, reset, timed out, shutting
 * down), rather than that the request or the code was wrong: a state that passes by itself, which
 * clients are told as SERVICE_UNAVAILABLE and asked to retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of chainOf(error)) {
    if (link instanceof ApiError) return link.code === ApiErrorCode.SERVICE_UNAVAILABLE;
    const { code, message, name } = link as { code?: unknown; message?: unknown; name?: unknown };
    // TypeORM gives a transaction's connection back the moment it breaks; the next statement says so.
    if (name === 'QueryRunnerAlreadyReleasedError') return true;
    if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || isConnectionState(code))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** The refusal a client gets while the database is away: plain words, none of the driver's. */
export function serviceUnavailable(): ApiError {
  return new ApiError(
    ApiErrorCode.SERVICE_UNAVAILABLE,
    'Tiltak cannot reach its database just now. Try again in a moment.',
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
  );
}
