/** A programme period in whole years, for example 2025–2028. */
export interface ProgrammePeriod {
  startYear: number;
  endYear: number;
}

export function formatPeriod({ startYear, endYear }: ProgrammePeriod): string {
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}
