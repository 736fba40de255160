import { badUserInput } from '@tiltak/api-core';
import {
  type ArchiveReferenceInput,
  archiveReferenceIssues,
  type ArchiveReferenceIssue,
  CASE_REFERENCE_MAX_LENGTH,
  RECORD_URL_MAX_LENGTH,
  trimmedReference,
} from '@tiltak/domain';

function explain(issue: ArchiveReferenceIssue): string {
  switch (issue.problem) {
    case 'NOT_A_CASE_NUMBER':
      return 'is not a case number (saksnummer) such as 2025/1432 or 25/1432-3';
    case 'TOO_LONG':
      return `is longer than ${issue.field === 'caseReference' ? CASE_REFERENCE_MAX_LENGTH : RECORD_URL_MAX_LENGTH} characters`;
    case 'NOT_A_URL':
      return 'is not a web address';
    case 'NOT_HTTPS':
      return 'must be an https address';
    case 'HAS_CREDENTIALS':
      return 'must not carry a user name or password';
  }
}

/**
 * Refuses an archive reference of the wrong form with BAD_USER_INPUT naming the field, before
 * anything is written; `extensions.reason` is the domain's problem (NOT_A_CASE_NUMBER, NOT_HTTPS, …).
 */
export function requireArchiveReference(input: ArchiveReferenceInput): void {
  const [issue] = archiveReferenceIssues(input);
  if (issue) throw badUserInput(issue.field, `${issue.field}: ${explain(issue)}`, issue.problem);
}

/** The columns an input changes: a field left out stays, null or an empty text clears it. */
export function archiveReferencePatch(input: ArchiveReferenceInput): {
  caseReference?: string | null;
  recordUrl?: string | null;
} {
  return {
    ...(input.caseReference !== undefined && { caseReference: trimmedReference(input.caseReference) }),
    ...(input.recordUrl !== undefined && { recordUrl: trimmedReference(input.recordUrl) }),
  };
}
