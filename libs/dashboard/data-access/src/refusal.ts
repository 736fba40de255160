import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** The refusals a user can act on; everything else is `other`, shown with the server's own words. */
const KNOWN = [
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SECOND_LEAD',
  'PARTY_ALREADY_INVOLVED',
  'MILESTONES_OPEN',
  'EMAIL_TAKEN',
  'SELF_LOCKOUT',
  'MISSING_MUNICIPALITY',
  'MISSING_PARTY',
  'NOT_A_PROJECT_LEAD',
  'PROJECT_LEAD_ALREADY_NAMED',
  'RATE_LIMITED',
  'REQUEST_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'ROUND_CLOSED',
  'NARRATIVE_REQUIRED',
  'NAME_TAKEN',
  'DEADLINE_IN_PAST',
  'NOT_SUBMITTED',
  'REPORT_NOT_FOUND',
  'ALREADY_SUBMITTED',
  'COMMENT_REQUIRED',
  'NO_ACTIONS',
  'REMINDER_AFTER_GRACE',
  // The register of networks and clusters, and indicator sources.
  'NETWORK_NAME_TAKEN',
  'FOUNDED_IN_FUTURE',
  'ENDED_BEFORE_FOUNDED',
  'PARTY_KIND_MISMATCH',
  'PARTY_TAKEN',
  'VERSION_REQUIRED',
  'SSB_TABLE_ID',
  'REFERENCE_REQUIRED',
  'NO_REFERENCE_FOR_REGISTER',
  'COMPUTED',
  'CODE_TAKEN',
  'PARENT_IS_SUB_GOAL',
  'PERIOD_ENDED',
  'ACTION_NOT_DECIDED',
  'SLUG_TAKEN',
  'NO_CHANGES',
  'REASON_REQUIRED',
  'NOT_PENDING',
] as const;

export type RefusalReason = (typeof KNOWN)[number] | 'other';

export interface Refusal {
  reason: RefusalReason;
  /** The input field the server named, if any. */
  field: string | null;
  /** The server's message, for `other`. */
  detail: string;
}

/**
 * Why the server refused a change. The server stays the authority: whatever the page let through,
 * its answer is shown, never swallowed.
 */
export function refusalOf(error: unknown): Refusal {
  const problem = CombinedGraphQLErrors.is(error) ? error.errors[0] : ServerError.is(error) ? bodyError(error) : null;
  const extensions = problem?.extensions ?? {};
  // The finer reason when there is one the user can act on, else the broad code.
  const reason =
    KNOWN.find((value) => value === extensions['reason']) ?? KNOWN.find((value) => value === extensions['code']);
  return {
    reason: reason ?? 'other',
    field: typeof extensions['field'] === 'string' ? extensions['field'] : null,
    detail: problem?.message ?? (error instanceof Error ? error.message : String(error)),
  };
}

/**
 * A refusal the server answered with an HTTP status of its own (429 over the rate limit, 413 over
 * the size limit, 503 while its database is away) still carries a GraphQL error in its body; Apollo Client hands it over unread.
 */
function bodyError(error: ServerError): { message: string; extensions?: Record<string, unknown> } | null {
  try {
    const body = JSON.parse(error.bodyText) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return body.errors?.[0] ?? null;
  } catch {
    return null;
  }
}
