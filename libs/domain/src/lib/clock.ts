/** Tiltak's calendar is Norway's: "today" and "overdue" turn at midnight in Oslo, not in UTC. */
export const PROGRAMME_TIME_ZONE = 'Europe/Oslo';

// Made once: building a formatter costs far more than using one, and every request asks for today.
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: PROGRAMME_TIME_ZONE });

/** The date in Oslo at `now`, as YYYY-MM-DD. */
export function osloDate(now: Date = new Date()): string {
  return OSLO_DATE.format(now);
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
