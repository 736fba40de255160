import { ApiError, ApiErrorCode } from '@tiltak/api-core';

/** Why a proposal write was refused; the dashboard reads `extensions.reason` for the finer case. */
export enum GovernanceErrorReason {
  PROPOSAL_NOT_FOUND = 'PROPOSAL_NOT_FOUND',
  NO_CHANGES = 'NO_CHANGES',
  REASON_REQUIRED = 'REASON_REQUIRED',
  NOT_PENDING = 'NOT_PENDING',
}

function codeFor(reason: GovernanceErrorReason): ApiErrorCode {
  switch (reason) {
    case GovernanceErrorReason.PROPOSAL_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case GovernanceErrorReason.NO_CHANGES:
    case GovernanceErrorReason.REASON_REQUIRED:
    case GovernanceErrorReason.NOT_PENDING:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export function governanceError(
  reason: GovernanceErrorReason,
  message: string,
  details: { field?: string; current?: unknown } = {},
): ApiError {
  return new ApiError(codeFor(reason), message, { ...details, reason });
}
