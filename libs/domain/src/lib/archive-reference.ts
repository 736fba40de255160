/**
 * Archive references (arkivreferanser): where a decision, an action or a report is filed in a
 * municipality's or the council's public record. A case number (saksnummer) and a link to the
 * public record (eInnsyn or the archive's own journal). Checked for form only: Tiltak cannot ask
 * the archive whether the case exists, but it can refuse what no archive would have issued.
 */

/** Longest case number kept; the form below never needs more, the column leaves room. */
export const CASE_REFERENCE_MAX_LENGTH = 50;

/** Longest link kept: eInnsyn's and the archives' journal links are far shorter. */
export const RECORD_URL_MAX_LENGTH = 500;

/**
 * Saksnummer as Norwegian archive systems write it: the year in four or two digits, a slash, the
 * case's sequence number in the year, and optionally a dash and the document's number in the case
 * (`2025/1432`, `25/1432-3`). Sequence and document numbers may carry leading zeros, as some
 * systems print them, but are never zero.
 */
const CASE_REFERENCE = /^(?:(?:19|20)\d{2}|\d{2})\/(?!0+(?:-|$))\d{1,7}(?:-(?!0+$)\d{1,4})?$/;

export type CaseReferenceProblem = 'TOO_LONG' | 'NOT_A_CASE_NUMBER';

export type RecordUrlProblem = 'TOO_LONG' | 'NOT_A_URL' | 'NOT_HTTPS' | 'HAS_CREDENTIALS';

/** What is wrong with a case number's form, or null when it has the form of one. Give it trimmed. */
export function caseReferenceProblem(value: string): CaseReferenceProblem | null {
  if (value.length > CASE_REFERENCE_MAX_LENGTH) return 'TOO_LONG';
  return CASE_REFERENCE.test(value) ? null : 'NOT_A_CASE_NUMBER';
}

/**
 * What is wrong with a link to the public record, or null. Only https: the council follows these
 * links from a public page, and a link carrying a user name and password would publish them.
 */
export function recordUrlProblem(value: string): RecordUrlProblem | null {
  if (value.length > RECORD_URL_MAX_LENGTH) return 'TOO_LONG';
  const url = parsedUrl(value);
  if (!url || !url.hostname.includes('.') || /\s/.test(value)) return 'NOT_A_URL';
  if (url.protocol !== 'https:') return 'NOT_HTTPS';
  if (url.username !== '' || url.password !== '') return 'HAS_CREDENTIALS';
  return null;
}

/** An input's archive reference as stored: trimmed, and an empty field means none. */
export function trimmedReference(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export interface ArchiveReferenceInput {
  caseReference?: string | null;
  recordUrl?: string | null;
}

export type ArchiveReferenceIssue =
  { field: 'caseReference'; problem: CaseReferenceProblem } | { field: 'recordUrl'; problem: RecordUrlProblem };

/** Every problem with the fields given (left-out and empty fields have none), in field order. */
export function archiveReferenceIssues(input: ArchiveReferenceInput): ArchiveReferenceIssue[] {
  const issues: ArchiveReferenceIssue[] = [];
  const caseReference = trimmedReference(input.caseReference);
  const caseProblem = caseReference === null ? null : caseReferenceProblem(caseReference);
  if (caseProblem) issues.push({ field: 'caseReference', problem: caseProblem });
  const recordUrl = trimmedReference(input.recordUrl);
  const urlProblem = recordUrl === null ? null : recordUrlProblem(recordUrl);
  if (urlProblem) issues.push({ field: 'recordUrl', problem: urlProblem });
  return issues;
}

/** Which public record a link opens, so that its name can say so before it is followed. */
export type RecordSource = 'EINNSYN' | 'ARCHIVE';

export function recordSource(recordUrl: string): RecordSource {
  const host = parsedUrl(recordUrl)?.hostname ?? '';
  return host === 'einnsyn.no' || host.endsWith('.einnsyn.no') ? 'EINNSYN' : 'ARCHIVE';
}

function parsedUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
