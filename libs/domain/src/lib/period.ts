/** A programme period in whole years, for example 2025–2028. */
export interface ProgrammePeriod {
  startYear: number;
  endYear: number;
}

export function formatPeriod({ startYear, endYear }: ProgrammePeriod): string {
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}

export function isValidPeriod({ startYear, endYear }: ProgrammePeriod): boolean {
  return Number.isInteger(startYear) && Number.isInteger(endYear) && startYear <= endYear;
}
