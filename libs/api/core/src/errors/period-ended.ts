import { PERIOD_ENDED_SQLSTATE } from '@tiltak/domain';
import { ApiError, ApiErrorCode } from './api-error';

/** The database refused a write to an ended programme period (`tiltak_require_current_period`). */
export function isPeriodEnded(error: unknown): boolean {
  const failed = error as { code?: string; driverError?: { code?: string } } | null;
  return (failed?.driverError?.code ?? failed?.code) === PERIOD_ENDED_SQLSTATE;
}

export function periodEnded(): ApiError {
  return new ApiError(
    ApiErrorCode.FORBIDDEN,
    'This programme period has ended: it can be read, not changed. Nothing was saved.',
    { reason: 'PERIOD_ENDED' },
  );
}
