import { ApiError, ApiErrorCode } from '@tiltak/api-core';

/** Why a write to goals or the innovation plan was refused; the dashboard reads `extensions.reason`. */
export enum GoalErrorReason {
  GOAL_NOT_FOUND = 'GOAL_NOT_FOUND',
  PLAN_NOT_FOUND = 'PLAN_NOT_FOUND',
  FOCUS_AREA_NOT_FOUND = 'FOCUS_AREA_NOT_FOUND',
  CODE_TAKEN = 'CODE_TAKEN',
  UNKNOWN_GOAL = 'UNKNOWN_GOAL',
  UNKNOWN_PRIORITY = 'UNKNOWN_PRIORITY',
  PARENT_IS_SUB_GOAL = 'PARENT_IS_SUB_GOAL',
  IN_USE = 'IN_USE',
  PLAN_REPLACED = 'PLAN_REPLACED',
  PLAN_EXISTS = 'PLAN_EXISTS',
  DUPLICATE_CODE = 'DUPLICATE_CODE',
  PRIORITY_OF_REPLACED_PLAN = 'PRIORITY_OF_REPLACED_PLAN',
}

function codeFor(reason: GoalErrorReason): ApiErrorCode {
  switch (reason) {
    case GoalErrorReason.GOAL_NOT_FOUND:
    case GoalErrorReason.PLAN_NOT_FOUND:
    case GoalErrorReason.FOCUS_AREA_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case GoalErrorReason.CODE_TAKEN:
    case GoalErrorReason.UNKNOWN_GOAL:
    case GoalErrorReason.UNKNOWN_PRIORITY:
    case GoalErrorReason.PARENT_IS_SUB_GOAL:
    case GoalErrorReason.IN_USE:
    case GoalErrorReason.PLAN_REPLACED:
    case GoalErrorReason.PLAN_EXISTS:
    case GoalErrorReason.DUPLICATE_CODE:
    case GoalErrorReason.PRIORITY_OF_REPLACED_PLAN:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export function goalError(reason: GoalErrorReason, message: string, details: { field?: string } = {}): ApiError {
  return new ApiError(codeFor(reason), message, { ...details, reason });
}
