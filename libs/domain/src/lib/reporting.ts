import type { Health } from './enums';
import { osloDate } from './clock';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a day begins in Oslo: midnight local time, one or two hours before midnight UTC. */
export function startOfOsloDay(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * HOUR_MS);
    if (osloDate(candidate) === date && osloDate(new Date(candidate.getTime() - 1)) !== date) return candidate;
  }
  throw new Error(`No Oslo midnight found for ${date}`);
}

/** A round closes at the end of its deadline plus grace days, Oslo time: the midnight after that day. */
export function roundClosesAt(deadline: string, graceDays: number): Date {
  return startOfOsloDay(addDays(deadline, graceDays + 1));
}

/** A report submitted on a day after its round's deadline (Oslo calendar) is late. */
export function isLate(deadline: string, today: string): boolean {
  return today > deadline;
}

/** At risk or off track, a report must say why: the narrative is required. */
export function needsNarrative(health: Health): boolean {
  return health !== 'ON_TRACK';
}

/** Bounds of a round's settings, shared by the API's checks and the dashboard's form. */
export const ROUND_LIMITS = {
  nameLength: 120,
  maxGraceDays: 60,
  maxReminderDays: 60,
  narrativeLength: 10_000,
} as const;
