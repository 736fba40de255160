import { type ActionStatus, type Health, isFinished } from './enums';

/**
 * Tiltak's progress and health rules. They live here once; the API's SQL aggregates implement the
 * same arithmetic (migrations' `tiltak_*` functions) and a test proves both give the same numbers.
 * All rounding is integer arithmetic, half up, so JavaScript and PostgreSQL can never disagree.
 */

/** `round(numerator / denominator)`, half up, for non-negative integers, without floating point. */
export function roundedRatio(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export interface MilestoneLike {
  weight: number;
  completed: boolean;
}

export type ProgressSource = 'MILESTONES' | 'MANUAL';

/** An action's progress: the weighted share of completed milestones, or the lead's own figure without any. */
export function actionProgress(
  milestones: readonly MilestoneLike[],
  manualProgress: number | null,
): { progress: number; source: ProgressSource } {
  if (milestones.length === 0) return { progress: manualProgress ?? 0, source: 'MANUAL' };
  const total = milestones.reduce((sum, m) => sum + m.weight, 0);
  const done = milestones.filter((m) => m.completed).reduce((sum, m) => sum + m.weight, 0);
  return { progress: roundedRatio(100 * done, total), source: 'MILESTONES' };
}

const DAY_MS = 86_400_000;

/** Whole days from one ISO date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The progress a steady pace from start to due would have reached by `today`, 0–100. */
export function expectedProgress(startDate: string, dueDate: string, today: string): number {
  const elapsed = daysBetween(startDate, today);
  const span = daysBetween(startDate, dueDate);
  if (elapsed >= span) return 100;
  if (elapsed <= 0) return 0;
  return roundedRatio(100 * elapsed, span);
}

/** Percentage points behind the expected progress at which an action is at risk, and off track. */
export const HEALTH_THRESHOLDS = { atRisk: 10, offTrack: 25 } as const;

export interface HealthAssessment {
  health: Health;
  expected: number;
  /** Expected minus actual progress, in percentage points; positive when behind. */
  gap: number;
  overdue: boolean;
}

/**
 * Health compares actual with expected progress. Finished actions are on track; an unfinished action
 * past its due date is off track whatever its figures say.
 */
export function assessHealth(input: {
  status: ActionStatus;
  progress: number;
  startDate: string;
  dueDate: string;
  today: string;
}): HealthAssessment {
  const expected = expectedProgress(input.startDate, input.dueDate, input.today);
  const gap = expected - input.progress;
  if (isFinished(input.status)) return { health: 'ON_TRACK', expected, gap, overdue: false };
  const overdue = input.today > input.dueDate;
  const health: Health =
    overdue || gap > HEALTH_THRESHOLDS.offTrack ? 'OFF_TRACK' : gap > HEALTH_THRESHOLDS.atRisk ? 'AT_RISK' : 'ON_TRACK';
  return { health, expected, gap, overdue };
}

export interface RollUpItem {
  progress: number;
  weight: number;
  status: ActionStatus;
}

export interface RollUp {
  /** Weighted mean progress with one decimal, or null when nothing counts. */
  progress: number | null;
  weightedSum: number;
  totalWeight: number;
  counted: number;
  skippedCancelled: number;
}

/** A weighted mean with one decimal, half up, from its sums; null when nothing counts. */
export function weightedMean(weightedSum: number, totalWeight: number): number | null {
  return totalWeight === 0 ? null : roundedRatio(10 * weightedSum, totalWeight) / 10;
}

/** Focus-area, municipality and programme progress: the weighted mean of actions, cancelled ones skipped. */
export function rollUpProgress(items: readonly RollUpItem[]): RollUp {
  const counted = items.filter((item) => item.status !== 'CANCELLED');
  const weightedSum = counted.reduce((sum, item) => sum + item.progress * item.weight, 0);
  const totalWeight = counted.reduce((sum, item) => sum + item.weight, 0);
  return {
    progress: weightedMean(weightedSum, totalWeight),
    weightedSum,
    totalWeight,
    counted: counted.length,
    skippedCancelled: items.length - counted.length,
  };
}

/**
 * An action's figures in one municipality: the local status and progress where the municipality set
 * them, the action's own otherwise. Health follows the local figures once there are any; the lead's
 * override speaks for the action as a whole.
 */
export function localFigures(
  action: { status: ActionStatus; progress: number; health: Health; startDate: string; dueDate: string },
  local: { status: ActionStatus | null; progress: number | null },
  today: string,
): { status: ActionStatus; progress: number; health: Health } {
  if (local.status === null && local.progress === null) {
    return { status: action.status, progress: action.progress, health: action.health };
  }
  const status = local.status ?? action.status;
  const progress = local.progress ?? action.progress;
  const { health } = assessHealth({ status, progress, startDate: action.startDate, dueDate: action.dueDate, today });
  return { status, progress, health };
}

/** How long an unfinished action may go without a status update before the overview flags it, unless configured. */
export const DEFAULT_STALE_AFTER_DAYS = 60;

/**
 * Whether an action's last update is too old: it is unfinished, and more than `staleAfterDays`
 * whole days lie between the day of its last update (in Oslo) and `today`.
 */
export function isStale(input: {
  status: ActionStatus;
  lastUpdatedOn: string;
  today: string;
  staleAfterDays: number;
}): boolean {
  return !isFinished(input.status) && daysBetween(input.lastUpdatedOn, input.today) > input.staleAfterDays;
}

/** The first day an update may have been made on without being stale `today`. */
export function staleBoundary(today: string, staleAfterDays: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - staleAfterDays * DAY_MS).toISOString().slice(0, 10);
}

export interface HealthCounts {
  onTrack: number;
  atRisk: number;
  offTrack: number;
}

/** How many actions are on track, at risk and off track, cancelled ones left out as roll-ups leave them out. */
export function countHealth(items: readonly { status: ActionStatus; health: Health }[]): HealthCounts {
  const counted = items.filter((item) => item.status !== 'CANCELLED');
  const withHealth = (health: Health) => counted.filter((item) => item.health === health).length;
  return { onTrack: withHealth('ON_TRACK'), atRisk: withHealth('AT_RISK'), offTrack: withHealth('OFF_TRACK') };
}
