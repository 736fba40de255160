import { ApiError, ApiErrorCode } from '@tiltak/api-core';

/** Why an action write was refused; the dashboard reads `extensions.reason` for the finer case. */
export enum ActionErrorReason {
  ACTION_NOT_FOUND = 'ACTION_NOT_FOUND',
  MILESTONE_NOT_FOUND = 'MILESTONE_NOT_FOUND',
  INVOLVEMENT_NOT_FOUND = 'INVOLVEMENT_NOT_FOUND',
  NOT_A_MUNICIPALITY_OF_ACTION = 'NOT_A_MUNICIPALITY_OF_ACTION',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  CODE_TAKEN = 'CODE_TAKEN',
  CODE_NOT_OF_FOCUS_AREA = 'CODE_NOT_OF_FOCUS_AREA',
  INVALID_DATE = 'INVALID_DATE',
  DUE_BEFORE_START = 'DUE_BEFORE_START',
  PROGRESS_FROM_MILESTONES = 'PROGRESS_FROM_MILESTONES',
  MILESTONES_OPEN = 'MILESTONES_OPEN',
  OVERRIDE_NEEDS_COMMENT = 'OVERRIDE_NEEDS_COMMENT',
  SECOND_LEAD = 'SECOND_LEAD',
  PARTY_ALREADY_INVOLVED = 'PARTY_ALREADY_INVOLVED',
  NOT_A_PROJECT_LEAD = 'NOT_A_PROJECT_LEAD',
  PROJECT_LEAD_ALREADY_NAMED = 'PROJECT_LEAD_ALREADY_NAMED',
  PROJECT_LEAD_NOT_NAMED = 'PROJECT_LEAD_NOT_NAMED',
}

function codeFor(reason: ActionErrorReason): ApiErrorCode {
  switch (reason) {
    case ActionErrorReason.ACTION_NOT_FOUND:
    case ActionErrorReason.MILESTONE_NOT_FOUND:
    case ActionErrorReason.INVOLVEMENT_NOT_FOUND:
    case ActionErrorReason.NOT_A_MUNICIPALITY_OF_ACTION:
    case ActionErrorReason.PROJECT_LEAD_NOT_NAMED:
      return ApiErrorCode.NOT_FOUND;
    case ActionErrorReason.UNKNOWN_REFERENCE:
    case ActionErrorReason.CODE_TAKEN:
    case ActionErrorReason.CODE_NOT_OF_FOCUS_AREA:
    case ActionErrorReason.INVALID_DATE:
    case ActionErrorReason.DUE_BEFORE_START:
    case ActionErrorReason.PROGRESS_FROM_MILESTONES:
    case ActionErrorReason.MILESTONES_OPEN:
    case ActionErrorReason.OVERRIDE_NEEDS_COMMENT:
    case ActionErrorReason.SECOND_LEAD:
    case ActionErrorReason.PARTY_ALREADY_INVOLVED:
    case ActionErrorReason.NOT_A_PROJECT_LEAD:
    case ActionErrorReason.PROJECT_LEAD_ALREADY_NAMED:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export function actionError(
  reason: ActionErrorReason,
  message: string,
  details: { field?: string; current?: unknown } = {},
): ApiError {
  return new ApiError(codeFor(reason), message, { ...details, reason });
}
