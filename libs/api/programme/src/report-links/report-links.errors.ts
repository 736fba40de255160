import { ApiError, ApiErrorCode } from '@tiltak/api-core';

/** Why a report link, or a use of one, was refused; the public page reads `extensions.reason`. */
export enum ReportLinkErrorReason {
  /** No link has this token: mistyped, cut short, or never sent. */
  LINK_UNKNOWN = 'LINK_UNKNOWN',
  LINK_EXPIRED = 'LINK_EXPIRED',
  LINK_REVOKED = 'LINK_REVOKED',
  /** The round has closed: its reports are frozen. */
  ROUND_CLOSED = 'ROUND_CLOSED',
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
  LINK_NOT_FOUND = 'LINK_NOT_FOUND',
  PARTY_NOT_FOUND = 'PARTY_NOT_FOUND',
  /** The party has no contact address to send to. */
  NO_CONTACT = 'NO_CONTACT',
  /** Neither a party nor an address (with a name) was given, or both were. */
  RECIPIENT_REQUIRED = 'RECIPIENT_REQUIRED',
  /** A milestone to complete that is not one of the action's open milestones. */
  MILESTONE_NOT_OPEN = 'MILESTONE_NOT_OPEN',
}

function codeFor(reason: ReportLinkErrorReason): ApiErrorCode {
  switch (reason) {
    case ReportLinkErrorReason.LINK_UNKNOWN:
    case ReportLinkErrorReason.REPORT_NOT_FOUND:
    case ReportLinkErrorReason.LINK_NOT_FOUND:
    case ReportLinkErrorReason.PARTY_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case ReportLinkErrorReason.LINK_EXPIRED:
    case ReportLinkErrorReason.LINK_REVOKED:
      return ApiErrorCode.FORBIDDEN;
    // As the rounds answer it: the report cannot change now, whoever asks.
    case ReportLinkErrorReason.ROUND_CLOSED:
    case ReportLinkErrorReason.NO_CONTACT:
    case ReportLinkErrorReason.RECIPIENT_REQUIRED:
    case ReportLinkErrorReason.MILESTONE_NOT_OPEN:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export function reportLinkError(reason: ReportLinkErrorReason, message: string, field?: string): ApiError {
  return new ApiError(codeFor(reason), message, { reason, field });
}
