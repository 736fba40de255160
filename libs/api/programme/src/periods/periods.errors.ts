import { ApiError, ApiErrorCode } from '@tiltak/api-core';

/** Why starting a programme period was refused; the dashboard reads `extensions.reason`. */
export enum PeriodErrorReason {
  /** An action of the current period is neither carried over nor ended with a reason. */
  ACTION_NOT_DECIDED = 'ACTION_NOT_DECIDED',
  /** An action is both carried over and ended, or named twice. */
  ACTION_DECIDED_TWICE = 'ACTION_DECIDED_TWICE',
  /** An action that is not one of the current period's. */
  UNKNOWN_ACTION = 'UNKNOWN_ACTION',
  REASON_REQUIRED = 'REASON_REQUIRED',
  INVALID_PERIOD = 'INVALID_PERIOD',
  SLUG_TAKEN = 'SLUG_TAKEN',
}

function codeFor(reason: PeriodErrorReason): ApiErrorCode {
  switch (reason) {
    case PeriodErrorReason.ACTION_NOT_DECIDED:
    case PeriodErrorReason.ACTION_DECIDED_TWICE:
    case PeriodErrorReason.UNKNOWN_ACTION:
    case PeriodErrorReason.REASON_REQUIRED:
    case PeriodErrorReason.INVALID_PERIOD:
    case PeriodErrorReason.SLUG_TAKEN:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export function periodError(reason: PeriodErrorReason, message: string, field: string): ApiError {
  return new ApiError(codeFor(reason), message, { reason, field });
}
