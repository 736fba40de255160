import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { tokenLimitBreach } from '../graphql/query-limits';
import { ApiError, ApiErrorCode } from './api-error';
import { isDatabaseUnavailable, serviceUnavailable } from './database-unavailable';
import { isPeriodEnded, periodEnded } from './period-ended';

/** PostgreSQL refusals that mean the input broke a rule: the client gets BAD_USER_INPUT, not a 500. */
const INPUT_VIOLATIONS: Record<string, string> = {
  '23505': 'already exists',
  '23503': 'refers to something that does not exist',
  '23514': 'breaks a rule of the programme',
  '22001': 'is too long',
  '22P02': 'is not a valid value',
};

interface DatabaseError {
  code?: string;
  constraint?: string;
  driverError?: { code?: string; constraint?: string };
}

/** The ApiError behind an error, also when Apollo wrapped it (a limit reported during validation). */
function raisedBy(error: unknown): ApiError | null {
  for (let cause = error, depth = 0; cause && depth < 3; depth += 1) {
    if (cause instanceof ApiError) return cause;
    cause = (cause as { originalError?: unknown }).originalError;
  }
  return null;
}

/**
 * GraphQL's "Did you mean …?" would spell out the schema that production keeps from introspection;
 * the rest of the message still says what is wrong.
 */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/\s*Did you mean .+\?\s*$/s, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

/**
 * The one place where errors become GraphQL responses, over HTTP and graphql-ws alike. Errors
 * Tiltak raised keep their code; a database that cannot be reached becomes SERVICE_UNAVAILABLE;
 * database rule violations become BAD_USER_INPUT naming the constraint; anything unexpected is
 * reported without internals; field suggestions are left out.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return withoutSuggestions(classified(formatted, error));
}

function classified(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && (Object.values(ApiErrorCode) as string[]).includes(code)) return formatted;
  const raised = raisedBy(error);
  if (raised) return { ...formatted, extensions: { ...formatted.extensions, code: raised.code } };
  const tooManyTokens = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitBreach(formatted.message) : null;
  if (tooManyTokens) {
    return { message: tooManyTokens.message, locations: formatted.locations, extensions: tooManyTokens.extensions };
  }

  // Before anything reads the driver's message: it names hosts and ports, never the client's fault.
  if (isDatabaseUnavailable(error)) {
    const unavailable = serviceUnavailable();
    return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
  }

  const original = unwrapResolverError(error) as DatabaseError;
  const sqlState = original?.driverError?.code ?? original?.code;
  if (isPeriodEnded(original)) {
    const ended = periodEnded();
    return { message: ended.message, path: formatted.path, extensions: ended.extensions };
  }
  if (sqlState && sqlState in INPUT_VIOLATIONS) {
    const constraint = original.driverError?.constraint ?? original.constraint;
    return {
      message: `The input ${INPUT_VIOLATIONS[sqlState]}${constraint ? ` (${constraint})` : ''}. Nothing was saved.`,
      path: formatted.path,
      extensions: { code: ApiErrorCode.BAD_USER_INPUT, reason: constraint ?? sqlState },
    };
  }
  // GraphQL's own input validation (unknown enum values, wrong types) is the client's input too.
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') {
    return { ...formatted, extensions: { ...formatted.extensions, code: ApiErrorCode.BAD_USER_INPUT } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    return {
      message: 'Something went wrong in Tiltak. Nothing was saved.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return formatted;
}
