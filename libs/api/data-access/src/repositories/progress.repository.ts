import { Injectable } from '@nestjs/common';
import type { ActionStatus, Health } from '@tiltak/domain';
import { DataSource } from 'typeorm';

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
  overdueMilestones: number;
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
  SELECT p.municipality_id, a.focus_area_id, a.id, a.code, a.title, a.weight,
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
  async matrix(programmeId: string, regionId: string, today: string): Promise<MatrixCellRow[]> {
    let rows = await this.keptCells(programmeId, regionId);
    if (rows.length > 0 && rows[0].asOf !== today) {
      await this.dataSource.query('SELECT tiltak_roll_figures_to($1::date)', [today]);
      rows = await this.keptCells(programmeId, regionId);
    }
    return rows.map((row) => ({ ...row, progress: toProgress(row.progress) }));
  }

  private keptCells(
    programmeId: string,
    regionId: string,
  ): Promise<(Omit<MatrixCellRow, 'progress'> & { progress: string | null })[]> {
    return this.dataSource.query(
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
  async focusAreaProgress(programmeId: string): Promise<RollUpRow[]> {
    const rows: { key: string; progress: string | null }[] = await this.dataSource.query(
      `SELECT c.focus_area_id AS key, ${rollUpSql('sum(c.weighted_progress)', 'sum(c.counted_weight)')} AS progress
         FROM kept_figure_cell c JOIN focus_area f ON f.id = c.focus_area_id
        WHERE f.programme_id = $1 AND c.municipality_id IS NOT NULL
        GROUP BY 1`,
      [programmeId],
    );
    return rows.map((row) => ({ key: row.key, progress: toProgress(row.progress) }));
  }

  /** Progress of each municipality (local figures), from its kept cells. */
  async municipalityProgress(programmeId: string): Promise<RollUpRow[]> {
    const rows: { key: string; progress: string | null }[] = await this.dataSource.query(
      `SELECT c.municipality_id AS key, ${rollUpSql('sum(c.weighted_progress)', 'sum(c.counted_weight)')} AS progress
         FROM kept_figure_cell c JOIN focus_area f ON f.id = c.focus_area_id
        WHERE f.programme_id = $1 AND c.municipality_id IS NOT NULL
        GROUP BY 1`,
      [programmeId],
    );
    return rows.map((row) => ({ key: row.key, progress: toProgress(row.progress) }));
  }

  /** The programme's progress: the roll-up of every cell of the matrix, as the row and column totals are. */
  async programmeProgress(programmeId: string): Promise<number | null> {
    const [row]: { progress: string | null }[] = await this.dataSource.query(
      `SELECT ${rollUpSql('sum(c.weighted_progress)', 'sum(c.counted_weight)')} AS progress
         FROM kept_figure_cell c JOIN focus_area f ON f.id = c.focus_area_id
        WHERE f.programme_id = $1 AND c.municipality_id IS NOT NULL`,
      [programmeId],
    );
    return toProgress(row.progress);
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
  ): Promise<ContributionRow[]> {
    return this.dataSource.query(
      `SELECT i.municipality_id AS "municipalityId", i.focus_area_id AS "focusAreaId", i.id AS "actionId",
              i.code, i.title, i.weight, i.status, i.progress, i.health,
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
