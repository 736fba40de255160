import { ApiError, ApiErrorCode } from '@tiltak/api-core';

/** Why a write to the register was refused; the dashboard reads `extensions.reason` for the finer case. */
export enum NetworkErrorReason {
  NETWORK_NOT_FOUND = 'NETWORK_NOT_FOUND',
  NAME_REQUIRED = 'NAME_REQUIRED',
  NETWORK_NAME_TAKEN = 'NETWORK_NAME_TAKEN',
  INVALID_DATE = 'INVALID_DATE',
  FOUNDED_IN_FUTURE = 'FOUNDED_IN_FUTURE',
  ENDED_BEFORE_FOUNDED = 'ENDED_BEFORE_FOUNDED',
  UNKNOWN_PARTY = 'UNKNOWN_PARTY',
  PARTY_KIND_MISMATCH = 'PARTY_KIND_MISMATCH',
  PARTY_TAKEN = 'PARTY_TAKEN',
  UNKNOWN_ACTION = 'UNKNOWN_ACTION',
  UNKNOWN_MUNICIPALITY = 'UNKNOWN_MUNICIPALITY',
  VERSION_REQUIRED = 'VERSION_REQUIRED',
}

function codeFor(reason: NetworkErrorReason): ApiErrorCode {
  switch (reason) {
    case NetworkErrorReason.NETWORK_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case NetworkErrorReason.NAME_REQUIRED:
    case NetworkErrorReason.NETWORK_NAME_TAKEN:
    case NetworkErrorReason.INVALID_DATE:
    case NetworkErrorReason.FOUNDED_IN_FUTURE:
    case NetworkErrorReason.ENDED_BEFORE_FOUNDED:
    case NetworkErrorReason.UNKNOWN_PARTY:
    case NetworkErrorReason.PARTY_KIND_MISMATCH:
    case NetworkErrorReason.PARTY_TAKEN:
    case NetworkErrorReason.UNKNOWN_ACTION:
    case NetworkErrorReason.UNKNOWN_MUNICIPALITY:
    case NetworkErrorReason.VERSION_REQUIRED:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export function networkError(reason: NetworkErrorReason, message: string, field?: string): ApiError {
  return new ApiError(codeFor(reason), message, { field, reason });
}
