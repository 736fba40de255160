import { PROGRAMME_TIME_ZONE } from './clock';
import { daysBetween } from './progress';

/** The languages Tiltak writes mail in: bokmål, nynorsk and English. */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Kinds of mail a user can stop one by one. */
export const MAIL_KINDS = ['ROUND_OPENED', 'REMINDER'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * QUEUED: waiting for delivery; SENT: handed to the SMTP server; KEPT: no SMTP server is
 * configured, so it stays in the outbox for admins to read; FAILED: given up after its attempts.
 */
export const MAIL_STATES = ['QUEUED', 'SENT', 'KEPT', 'FAILED'] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** What a round needs for the reminder rule: when it opened and its deadline, in Oslo dates. */
export interface RoundCalendar {
  openedOn: string;
  deadline: string;
  reminderDaysBefore: readonly number[];
  reminderDaysAfter: readonly number[];
}

/**
 * Which mail a round calls for on an Oslo date, if any: ROUND_OPENED on the day it opened, REMINDER
 * on each reminder day before the deadline, on the deadline day itself, and on each reminder day
 * after it. Opening wins when it falls on a reminder day.
 */
export function mailDueOn(round: RoundCalendar, today: string): MailKind | null {
  if (today === round.openedOn) return 'ROUND_OPENED';
  const untilDeadline = daysBetween(today, round.deadline);
  if (untilDeadline === 0) return 'REMINDER';
  if (untilDeadline > 0) return round.reminderDaysBefore.includes(untilDeadline) ? 'REMINDER' : null;
  return round.reminderDaysAfter.includes(-untilDeadline) ? 'REMINDER' : null;
}

/** Digests go out from this hour of the day in Oslo, so that they arrive in the working day, not at night. */
export const DIGEST_FROM_HOUR = 7;

const OSLO_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROGRAMME_TIME_ZONE,
  hour: '2-digit',
  hourCycle: 'h23',
});

/** Whether it is late enough in the Oslo day at `now` for the day's digests. */
export function digestTime(now: Date): boolean {
  return Number(OSLO_HOUR.format(now)) >= DIGEST_FROM_HOUR;
}
