import { Injectable } from '@nestjs/common';
import { type ActionStatus, type Health, weightedMean } from '@tiltak/domain';
import { DataSource } from 'typeorm';
import { managerOf, type QueryScope } from './scope';

export interface MatrixCellRow {
  /** The day on which health and overdue milestones were judged (YYYY-MM-DD). */
  asOf: string;
  municipalityId: string;
  focusAreaId: string;
  progress: number | null;
  actionCount: number;
  notStarted: number;
  inProgress: number;
  onHold: number;
  completed: number;
  cancelled: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  overdueMilestones: number;
}

/** An action's figures in one municipality, as the cells of the matrix count them. */
export interface ContributionRow {
  actionId: string;
  code: string;
  title: string;
  municipalityId: string;
  focusAreaId: string;
  status: ActionStatus;
  progress: number;
  health: Health;
  weight: number;
  startDate: string;
  dueDate: string;
  overdueMilestones: number;
}

/**
 * The figures that depend on the calendar more than on the kept sums: per cell (a municipality, or
 * null for the action axis, × focus area) the expected progress summed as progress is, the actions
 * without a recent status update, and on the action axis the actions at risk and off track.
 */
export interface ExpectationRow {
  municipalityId: string | null;
  focusAreaId: string;
  /** Σ expected progress × weight over the non-cancelled actions. */
  weightedExpected: number;
  /** Σ weight over the non-cancelled actions: the same weight progress is divided by. */
  countedWeight: number;
  /** Unfinished actions whose last status update (or creation) was before `staleBefore`. */
  stale: number;
  /** The actions that are not cancelled. */
  counted: number;
  /** Unfinished actions at risk and off track, by the same rule the action list filters by. */
  atRisk: number;
  offTrack: number;
}

/** The sums of expected progress over a set of cells, and the actions they count. */
export interface ExpectationSums {
  weightedExpected: number;
  countedWeight: number;
  stale: number;
  counted: number;
  atRisk: number;
  offTrack: number;
}

/** Adds up expectation rows: the programme's, a focus area's or a municipality's, as the dashboard rolls them up. */
export function sumExpectations(rows: readonly ExpectationRow[]): ExpectationSums {
  const sums: ExpectationSums = { weightedExpected: 0, countedWeight: 0, stale: 0, counted: 0, atRisk: 0, offTrack: 0 };
  for (const row of rows) {
    sums.weightedExpected += row.weightedExpected;
    sums.countedWeight += row.countedWeight;
    sums.stale += row.stale;
    sums.counted += row.counted;
    sums.atRisk += row.atRisk;
    sums.offTrack += row.offTrack;
  }
  return sums;
}

export const expectedOfSums = (sums: ExpectationSums) => weightedMean(sums.weightedExpected, sums.countedWeight);

/** One matrix cell as the overview and a snapshot show it: its kept sums, with the expected progress of today. */
export interface MatrixCellFigures {
  municipalityId: string;
  focusAreaId: string;
  progress: number | null;
  expectedProgress: number | null;
  /** Unfinished actions without a recent status update. */
  stale: number;
  actionCount: number;
  byStatus: { notStarted: number; inProgress: number; onHold: number; completed: number; cancelled: number };
  byHealth: { onTrack: number; atRisk: number; offTrack: number };
  overdueMilestones: number;
}

/**
 * The matrix's cells with their expected progress, one shape for every reader (the overview, a
 * snapshot), so a cell and the report that copies it can never count differently.
 */
export function matrixCellFigures(cells: readonly MatrixCellRow[], expectations: readonly ExpectationRow[]) {
  const key = (municipalityId: string | null, focusAreaId: string) => `${municipalityId ?? ''}:${focusAreaId}`;
  const byCell = new Map(expectations.map((row) => [key(row.municipalityId, row.focusAreaId), row]));
  return cells.map((cell): MatrixCellFigures => {
    const row = byCell.get(key(cell.municipalityId, cell.focusAreaId));
    const sums = sumExpectations(row ? [row] : []);
    return {
      municipalityId: cell.municipalityId,
      focusAreaId: cell.focusAreaId,
      progress: cell.progress,
      expectedProgress: expectedOfSums(sums),
      stale: sums.stale,
      actionCount: cell.actionCount,
      byStatus: {
        notStarted: cell.notStarted,
        inProgress: cell.inProgress,
        onHold: cell.onHold,
        completed: cell.completed,
        cancelled: cell.cancelled,
      },
      byHealth: { onTrack: cell.onTrack, atRisk: cell.atRisk, offTrack: cell.offTrack },
      overdueMilestones: cell.overdueMilestones,
    };
  });
}

export interface RollUpRow {
  key: string;
  progress: number | null;
}

/**
 * The figures behind each action in one municipality: local status and progress where set, and a
 * health judged by them (the action's own health, override included, where nothing local is set).
 */
const LOCAL_ITEMS = `
  SELECT p.municipality_id, a.focus_area_id, a.id, a.code, a.title, a.weight, a.start_date, a.due_date,
         COALESCE(p.status, a.status) AS status,
         COALESCE(p.progress, a.progress) AS progress,
         CASE WHEN p.status IS NULL AND p.progress IS NULL
              THEN COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, $2))
              ELSE tiltak_health(COALESCE(p.status, a.status), COALESCE(p.progress, a.progress), a.start_date, a.due_date, $2)
         END AS health
    FROM action a JOIN participation p ON p.action_id = a.id
   WHERE a.programme_id = $1`;

/**
 * libs/domain's `rollUpProgress` in SQL, from a kept cell's sums (weighted progress and weight of
 * the non-cancelled actions): a weighted mean with one decimal, null when nothing counts.
 */
function rollUpSql(weightedProgress: string, countedWeight: string): string {
  return `tiltak_rounded_ratio(10 * (${weightedProgress})::bigint, NULLIF(${countedWeight}, 0)::bigint)::numeric / 10`;
}

const ACTION_HEALTH = `COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, $2))`;
const UNFINISHED = `status NOT IN ('COMPLETED', 'CANCELLED')`;

const toProgress = (value: string | number | null) => (value === null ? null : Number(value));

/**
 * Progress aggregates, read from the kept figures (`kept_figure_cell`, see the kept-figures
 * migration) that every write keeps up to date in its own transaction: a fixed number of rows
 * whatever the number of actions, with the same arithmetic as libs/domain.
 */
@Injectable()
export class ProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every municipality × focus area cell of the programme, judged on `today`. Health and overdue
   * milestones depend on the day, and the kept figures are all judged on one date: when that is not
   * `today`, the first reader rebuilds them for today (others wait on the rebuild's lock and find it
   * done), then reads again. Progress and the status counts do not depend on the day, so the
   * progress reads below need no such check. The rebuild runs under the ordinary statement
   * timeout: it is one pass over the actions, milliseconds for a programme of hundreds, and should
   * it ever run out it rolls back whole and the next reader starts it again.
   */
  async matrix(
    programmeId: string,
    regionId: string,
    today: string,
    scope: QueryScope = this.dataSource.manager,
  ): Promise<MatrixCellRow[]> {
    let rows = await this.keptCells(programmeId, regionId, scope);
    if (rows.length > 0 && rows[0].asOf !== today) {
      await managerOf(scope).query('SELECT tiltak_roll_figures_to($1::date)', [today]);
      rows = await this.keptCells(programmeId, regionId, scope);
    }
    return rows.map((row) => ({ ...row, progress: toProgress(row.progress) }));
  }

  private keptCells(
    programmeId: string,
    regionId: string,
    scope: QueryScope,
  ): Promise<(Omit<MatrixCellRow, 'progress'> & { progress: string | null })[]> {
    return managerOf(scope).query(
      `SELECT d.as_of::text AS "asOf", mu.id AS "municipalityId", f.id AS "focusAreaId",
              ${rollUpSql('c.weighted_progress', 'c.counted_weight')} AS progress,
              COALESCE(c.action_count, 0) AS "actionCount",
              COALESCE(c.not_started, 0) AS "notStarted",
              COALESCE(c.in_progress, 0) AS "inProgress",
              COALESCE(c.on_hold, 0) AS "onHold",
              COALESCE(c.completed, 0) AS completed,
              COALESCE(c.cancelled, 0) AS cancelled,
              COALESCE(c.on_track, 0) AS "onTrack",
              COALESCE(c.at_risk, 0) AS "atRisk",
              COALESCE(c.off_track, 0) AS "offTrack",
              COALESCE(c.overdue_milestones, 0) AS "overdueMilestones"
         FROM municipality mu
        CROSS JOIN focus_area f
        CROSS JOIN kept_figure_date d
         LEFT JOIN kept_figure_cell c ON c.municipality_id = mu.id AND c.focus_area_id = f.id
        WHERE mu.region_id = $2 AND f.programme_id = $1
        ORDER BY mu.name, f.sort_order`,
      [programmeId, regionId],
    );
  }

  /**
   * Progress of each focus area: the roll-up of its column of the matrix, on the municipalities'
   * own figures, so that a column total moves only when one of its cells does.
   */
  async focusAreaProgress(programmeId: string, scope: QueryScope = this.dataSource.manager): Promise<RollUpRow[]> {
    const rows: { key: string; progress: string | null }[] = await managerOf(scope).query(
      `SELECT c.focus_area_id AS key, ${rollUpSql('sum(c.weighted_progress)', 'sum(c.counted_weight)')} AS progress
         FROM kept_figure_cell c JOIN focus_area f ON f.id = c.focus_area_id
        WHERE f.programme_id = $1 AND c.municipality_id IS NOT NULL
        GROUP BY 1`,
      [programmeId],
    );
    return rows.map((row) => ({ key: row.key, progress: toProgress(row.progress) }));
  }

  /** Progress of each municipality (local figures), from its kept cells. */
  async municipalityProgress(programmeId: string, scope: QueryScope = this.dataSource.manager): Promise<RollUpRow[]> {
    const rows: { key: string; progress: string | null }[] = await managerOf(scope).query(
      `SELECT c.municipality_id AS key, ${rollUpSql('sum(c.weighted_progress)', 'sum(c.counted_weight)')} AS progress
         FROM kept_figure_cell c JOIN focus_area f ON f.id = c.focus_area_id
        WHERE f.programme_id = $1 AND c.municipality_id IS NOT NULL
        GROUP BY 1`,
      [programmeId],
    );
    return rows.map((row) => ({ key: row.key, progress: toProgress(row.progress) }));
  }

  /** The programme's progress: the roll-up of every cell of the matrix, as the row and column totals are. */
  async programmeProgress(programmeId: string, scope: QueryScope = this.dataSource.manager): Promise<number | null> {
    const [row]: { progress: string | null }[] = await managerOf(scope).query(
      `SELECT ${rollUpSql('sum(c.weighted_progress)', 'sum(c.counted_weight)')} AS progress
         FROM kept_figure_cell c JOIN focus_area f ON f.id = c.focus_area_id
        WHERE f.programme_id = $1 AND c.municipality_id IS NOT NULL`,
      [programmeId],
    );
    return toProgress(row.progress);
  }

  /**
   * Expected progress, stale actions and health of unfinished actions, for every cell and focus area
   * of the programme in one statement, judged on `today`. An action's last update is its latest
   * status update, or its creation when it has none.
   */
  async expectations(
    programmeId: string,
    today: string,
    staleBefore: string,
    scope: QueryScope = this.dataSource.manager,
  ): Promise<ExpectationRow[]> {
    const rows: (Omit<ExpectationRow, 'weightedExpected' | 'countedWeight'> & {
      weightedExpected: string;
      countedWeight: string;
    })[] = await managerOf(scope).query(
      `WITH acts AS (
         SELECT a.id, a.focus_area_id, a.weight, a.status, a.start_date, a.due_date,
                ${ACTION_HEALTH} AS health,
                (COALESCE((SELECT max(su.created_at) FROM status_update su WHERE su.action_id = a.id), a.created_at)
                   AT TIME ZONE 'Europe/Oslo')::date < $3::date AS stale
           FROM action a WHERE a.programme_id = $1),
       items AS (
         SELECT p.municipality_id, x.focus_area_id, x.weight, COALESCE(p.status, x.status) AS status,
                x.start_date, x.due_date, x.stale, NULL::text AS health
           FROM acts x JOIN participation p ON p.action_id = x.id
         UNION ALL
         SELECT NULL::uuid, x.focus_area_id, x.weight, x.status, x.start_date, x.due_date, x.stale, x.health
           FROM acts x)
       SELECT municipality_id AS "municipalityId", focus_area_id AS "focusAreaId",
              COALESCE(sum(tiltak_expected_progress(start_date, due_date, $2) * weight)
                       FILTER (WHERE status <> 'CANCELLED'), 0) AS "weightedExpected",
              COALESCE(sum(weight) FILTER (WHERE status <> 'CANCELLED'), 0) AS "countedWeight",
              count(*) FILTER (WHERE ${UNFINISHED} AND stale)::int AS stale,
              count(*) FILTER (WHERE status <> 'CANCELLED')::int AS counted,
              count(*) FILTER (WHERE ${UNFINISHED} AND health = 'AT_RISK')::int AS "atRisk",
              count(*) FILTER (WHERE ${UNFINISHED} AND health = 'OFF_TRACK')::int AS "offTrack"
         FROM items
        GROUP BY municipality_id, focus_area_id`,
      [programmeId, today, staleBefore],
    );
    return rows.map((row) => ({
      ...row,
      weightedExpected: Number(row.weightedExpected),
      countedWeight: Number(row.countedWeight),
    }));
  }

  /**
   * What a roll-up counts, action by action and municipality by municipality (local figures), in one
   * cell, one row, one column or the whole matrix, with each one's overdue milestones as the cells
   * count them (none for a finished action).
   */
  async contributions(
    programmeId: string,
    scope: { municipalityId?: string; focusAreaId?: string },
    today: string,
    db: QueryScope = this.dataSource.manager,
  ): Promise<ContributionRow[]> {
    return managerOf(db).query(
      `SELECT i.municipality_id AS "municipalityId", i.focus_area_id AS "focusAreaId", i.id AS "actionId",
              i.code, i.title, i.weight, i.status, i.progress, i.health,
              i.start_date::text AS "startDate", i.due_date::text AS "dueDate",
              CASE WHEN i.status IN ('COMPLETED', 'CANCELLED') THEN 0
                   ELSE (SELECT count(*)::int FROM milestone m
                          WHERE m.action_id = i.id AND m.completed_on IS NULL AND m.due_date < $2::date)
              END AS "overdueMilestones"
         FROM (${LOCAL_ITEMS}) i JOIN municipality mu ON mu.id = i.municipality_id
        WHERE ($3::uuid IS NULL OR i.municipality_id = $3) AND ($4::uuid IS NULL OR i.focus_area_id = $4)
        ORDER BY split_part(i.code, '-', 1), split_part(i.code, '-', 2)::int, mu.name`,
      [programmeId, today, scope.municipalityId ?? null, scope.focusAreaId ?? null],
    );
  }
}
