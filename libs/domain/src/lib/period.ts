/** A programme period in whole years, for example 2025–2028. */
export interface ProgrammePeriod {
  startYear: number;
  endYear: number;
}

export function formatPeriod({ startYear, endYear }: ProgrammePeriod): string {
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}

/**
 * The SQLSTATE the database raises for a write to an ended programme period
 * (`tiltak_require_current_period`); the API answers it as FORBIDDEN with reason PERIOD_ENDED.
 */
export const PERIOD_ENDED_SQLSTATE = 'TK001';

/** The request header with which the dashboard reads an earlier period: the programme's id. */
export const PERIOD_HEADER = 'Tiltak-Period';
