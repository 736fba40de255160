/**
 * Money and effort of an action: funding lines by source and status, in whole kroner, and hours of
 * own effort per party. Amounts are integers everywhere (bigint in PostgreSQL, sums in SQL): a
 * kroner figure is never a float.
 */

/** Where the money of a funding line comes from. */
export const FUNDING_SOURCES = [
  'MUNICIPALITY',
  'COUNTY',
  'INNOVASJON_NORGE',
  'STATE',
  'EU',
  'PRIVATE',
  'OTHER',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Where a funding line stands: planned, applied for, granted or refused. */
export const FUNDING_STATUSES = ['PLANNED', 'APPLIED', 'GRANTED', 'REFUSED'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

/**
 * The largest amount one line, a budget or an hour count may hold: far beyond any regional action,
 * and small enough that the sums over a whole programme stay exact JavaScript numbers.
 */
export const MAX_KRONER = 1_000_000_000_000;
export const MAX_EFFORT_HOURS = 1_000_000;
export const MAX_FUNDING_REFERENCE_LENGTH = 100;
export const MAX_FUNDER_NAME_LENGTH = 200;
/** The years a line or an hour count may belong to: those a programme of the strategic plan can span. */
export const FUNDING_YEARS = { min: 2000, max: 2100 } as const;

/** A municipal share names its municipality; no other source does. */
export function sourceNeedsMunicipality(source: FundingSource): boolean {
  return source === 'MUNICIPALITY';
}

/** "Other", private and EU money say whose it is (the fund, the business, the programme); the rest may. */
export function sourceNeedsName(source: FundingSource): boolean {
  return source === 'OTHER' || source === 'PRIVATE' || source === 'EU';
}

/** Whether a value is a whole number of kroner Tiltak takes: 0 up to MAX_KRONER. */
export function isKroner(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_KRONER;
}

/** The statuses each total counts; every total says which, so it can explain itself. */
export const FUNDING_TOTAL_RULE =
  'Sum of the amounts of the funding lines in each status, in whole kroner; refused lines are shown apart and ' +
  'count in no other total. Secured funding is the granted lines; the budget is the action’s own figure.';
