import { GraphQLError } from 'graphql';

/** The codes the dashboard branches on, in `extensions.code`. Never the message text. */
export enum ApiErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** A document over one of the query limits; `reason` names it (DEPTH, ALIASES, COST, TOKENS, DIRECTIVES). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Too many operations running at once on one graphql-ws connection. */
  TOO_MANY_OPERATIONS = 'TOO_MANY_OPERATIONS',
  /** A request body over the size limit (HTTP 413). */
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  /** Over a rate limit; `retryAfterSeconds` says when to try again (HTTP 429 with Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /**
   * The database cannot be reached just now (HTTP 503 with Retry-After when nothing else was
   * answered); `retryAfterSeconds` says when to try again. Nothing about the request was wrong.
   */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export interface ApiErrorDetails {
  /** The input field at fault, as a path like `input.progress`. */
  field?: string;
  /** A feature's own, finer reason, for example `MILESTONES_OPEN`. */
  reason?: string;
  /** With CONFLICT: the record as it is now, so the client can show it beside the user's version. */
  current?: unknown;
  /** With the limits: the limit that was exceeded. */
  limit?: number;
  /** With RATE_LIMITED and SERVICE_UNAVAILABLE: how long until the client may try again. */
  retryAfterSeconds?: number;
}

/** An error Tiltak means to show: carries its code and details into the GraphQL response. */
export class ApiError extends GraphQLError {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    details: ApiErrorDetails = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = 'ApiError';
  }
}

export function badUserInput(field: string, message: string, reason?: string): ApiError {
  return new ApiError(ApiErrorCode.BAD_USER_INPUT, message, { field, reason });
}

export function conflict(what: string, current: unknown): ApiError {
  return new ApiError(
    ApiErrorCode.CONFLICT,
    `Someone else changed this ${what} first. Nothing was saved; compare with the current version and try again.`,
    { reason: 'STALE_VERSION', current },
  );
}
