import { ApiError, ApiErrorCode } from '@tiltak/api-core';

/** Why a write of money or effort was refused; the dashboard reads `extensions.reason` for the finer case. */
export enum FundingErrorReason {
  FUNDING_LINE_NOT_FOUND = 'FUNDING_LINE_NOT_FOUND',
  MUNICIPALITY_REQUIRED = 'MUNICIPALITY_REQUIRED',
  MUNICIPALITY_NOT_ALLOWED = 'MUNICIPALITY_NOT_ALLOWED',
  NOT_A_MUNICIPALITY_OF_ACTION = 'NOT_A_MUNICIPALITY_OF_ACTION',
  SOURCE_NAME_REQUIRED = 'SOURCE_NAME_REQUIRED',
  AMOUNT_NOT_POSITIVE = 'AMOUNT_NOT_POSITIVE',
  PARTY_NOT_INVOLVED = 'PARTY_NOT_INVOLVED',
}

function codeFor(reason: FundingErrorReason): ApiErrorCode {
  switch (reason) {
    case FundingErrorReason.FUNDING_LINE_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case FundingErrorReason.MUNICIPALITY_REQUIRED:
    case FundingErrorReason.MUNICIPALITY_NOT_ALLOWED:
    case FundingErrorReason.NOT_A_MUNICIPALITY_OF_ACTION:
    case FundingErrorReason.SOURCE_NAME_REQUIRED:
    case FundingErrorReason.AMOUNT_NOT_POSITIVE:
    case FundingErrorReason.PARTY_NOT_INVOLVED:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export function fundingError(reason: FundingErrorReason, message: string, field?: string): ApiError {
  return new ApiError(codeFor(reason), message, { field, reason });
}
