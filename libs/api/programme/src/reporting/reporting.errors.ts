import { ApiError, ApiErrorCode } from '@tiltak/api-core';

/** Why a reporting write was refused; the dashboard reads `extensions.reason` for the finer case. */
export enum ReportingErrorReason {
  ROUND_NOT_FOUND = 'ROUND_NOT_FOUND',
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
  ROUND_CLOSED = 'ROUND_CLOSED',
  NAME_TAKEN = 'NAME_TAKEN',
  NAME_REQUIRED = 'NAME_REQUIRED',
  INVALID_DATE = 'INVALID_DATE',
  DEADLINE_IN_PAST = 'DEADLINE_IN_PAST',
  NO_ACTIONS = 'NO_ACTIONS',
  UNKNOWN_ACTION = 'UNKNOWN_ACTION',
  REMINDER_AFTER_GRACE = 'REMINDER_AFTER_GRACE',
  NARRATIVE_REQUIRED = 'NARRATIVE_REQUIRED',
  ALREADY_SUBMITTED = 'ALREADY_SUBMITTED',
  NOT_SUBMITTED = 'NOT_SUBMITTED',
  COMMENT_REQUIRED = 'COMMENT_REQUIRED',
  MILESTONE_NOT_OF_ACTION = 'MILESTONE_NOT_OF_ACTION',
  MILESTONES_ONLY_ON_SUBMIT = 'MILESTONES_ONLY_ON_SUBMIT',
}

function codeFor(reason: ReportingErrorReason): ApiErrorCode {
  switch (reason) {
    case ReportingErrorReason.ROUND_NOT_FOUND:
    case ReportingErrorReason.REPORT_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case ReportingErrorReason.ROUND_CLOSED:
    case ReportingErrorReason.NAME_TAKEN:
    case ReportingErrorReason.NAME_REQUIRED:
    case ReportingErrorReason.INVALID_DATE:
    case ReportingErrorReason.DEADLINE_IN_PAST:
    case ReportingErrorReason.NO_ACTIONS:
    case ReportingErrorReason.UNKNOWN_ACTION:
    case ReportingErrorReason.REMINDER_AFTER_GRACE:
    case ReportingErrorReason.NARRATIVE_REQUIRED:
    case ReportingErrorReason.ALREADY_SUBMITTED:
    case ReportingErrorReason.NOT_SUBMITTED:
    case ReportingErrorReason.COMMENT_REQUIRED:
    case ReportingErrorReason.MILESTONE_NOT_OF_ACTION:
    case ReportingErrorReason.MILESTONES_ONLY_ON_SUBMIT:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export function reportingError(
  reason: ReportingErrorReason,
  message: string,
  details: { field?: string } = {},
): ApiError {
  return new ApiError(codeFor(reason), message, { ...details, reason });
}
