import { Injectable } from '@nestjs/common';
import type { ActionStatus, Health } from '@tiltak/domain';
import { DataSource } from 'typeorm';

export interface MatrixCellRow {
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

/** An action's figures as one roll-up counts them (local figures on the municipality axis). */
export interface ContributionRow {
  actionId: string;
  code: string;
  title: string;
  municipalityId: string | null;
  focusAreaId: string;
  status: ActionStatus;
  progress: number;
  health: Health;
  weight: number;
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

/** libs/domain's `rollUpProgress` in SQL: weighted mean with one decimal, cancelled actions skipped. */
function rollUpSql(table: string): string {
  const counted = `FILTER (WHERE ${table}.status <> 'CANCELLED')`;
  return `tiltak_rounded_ratio(10 * sum(${table}.progress * ${table}.weight) ${counted}, sum(${table}.weight) ${counted})::numeric / 10`;
}

const toProgress = (value: string | number | null) => (value === null ? null : Number(value));

/** Progress aggregates, computed in PostgreSQL with the same arithmetic as libs/domain. */
@Injectable()
export class ProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every municipality × focus area cell of the programme, in one statement. */
  async matrix(programmeId: string, regionId: string, today: string): Promise<MatrixCellRow[]> {
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `WITH items AS (${LOCAL_ITEMS}),
            overdue AS (
              SELECT p.municipality_id, a.focus_area_id, count(*)::int AS n
                FROM milestone m JOIN action a ON a.id = m.action_id JOIN participation p ON p.action_id = a.id
               WHERE a.programme_id = $1 AND m.completed_on IS NULL AND m.due_date < $2
                 AND COALESCE(p.status, a.status) NOT IN ('COMPLETED', 'CANCELLED')
               GROUP BY 1, 2)
       SELECT mu.id AS "municipalityId", f.id AS "focusAreaId",
              ${rollUpSql('i')} AS progress,
              count(i.id)::int AS "actionCount",
              count(*) FILTER (WHERE i.status = 'NOT_STARTED')::int AS "notStarted",
              count(*) FILTER (WHERE i.status = 'IN_PROGRESS')::int AS "inProgress",
              count(*) FILTER (WHERE i.status = 'ON_HOLD')::int AS "onHold",
              count(*) FILTER (WHERE i.status = 'COMPLETED')::int AS completed,
              count(*) FILTER (WHERE i.status = 'CANCELLED')::int AS cancelled,
              count(*) FILTER (WHERE i.status <> 'CANCELLED' AND i.health = 'ON_TRACK')::int AS "onTrack",
              count(*) FILTER (WHERE i.status <> 'CANCELLED' AND i.health = 'AT_RISK')::int AS "atRisk",
              count(*) FILTER (WHERE i.status <> 'CANCELLED' AND i.health = 'OFF_TRACK')::int AS "offTrack",
              COALESCE(o.n, 0) AS "overdueMilestones"
         FROM municipality mu
        CROSS JOIN focus_area f
         LEFT JOIN items i ON i.municipality_id = mu.id AND i.focus_area_id = f.id
         LEFT JOIN overdue o ON o.municipality_id = mu.id AND o.focus_area_id = f.id
        WHERE mu.region_id = $3 AND f.programme_id = $1
        GROUP BY mu.id, mu.name, f.id, f.sort_order, o.n
        ORDER BY mu.name, f.sort_order`,
      [programmeId, today, regionId],
    );
    return rows.map((row) => ({ ...row, progress: toProgress(row['progress']) }) as MatrixCellRow);
  }

  /** Progress of each focus area (action figures), in one statement. */
  async focusAreaProgress(programmeId: string): Promise<RollUpRow[]> {
    const rows: { key: string; progress: string | null }[] = await this.dataSource.query(
      `SELECT a.focus_area_id AS key, ${rollUpSql('a')} AS progress FROM action a WHERE a.programme_id = $1 GROUP BY 1`,
      [programmeId],
    );
    return rows.map((row) => ({ key: row.key, progress: toProgress(row.progress) }));
  }

  /** Progress of each municipality (local figures), in one statement. */
  async municipalityProgress(programmeId: string, today: string): Promise<RollUpRow[]> {
    const rows: { key: string; progress: string | null }[] = await this.dataSource.query(
      `SELECT i.municipality_id AS key, ${rollUpSql('i')} AS progress FROM (${LOCAL_ITEMS}) i GROUP BY 1`,
      [programmeId, today],
    );
    return rows.map((row) => ({ key: row.key, progress: toProgress(row.progress) }));
  }

  /** The programme's progress over all its actions. */
  async programmeProgress(programmeId: string): Promise<number | null> {
    const [row]: { progress: string | null }[] = await this.dataSource.query(
      `SELECT ${rollUpSql('a')} AS progress FROM action a WHERE a.programme_id = $1`,
      [programmeId],
    );
    return toProgress(row.progress);
  }

  /** What a roll-up counts, action by action: in a municipality (local figures), or programme-wide. */
  async contributions(
    programmeId: string,
    scope: { municipalityId?: string; focusAreaId?: string },
    today: string,
  ): Promise<ContributionRow[]> {
    const items = scope.municipalityId
      ? `SELECT i.municipality_id, i.focus_area_id, i.id, i.code, i.title, i.weight, i.status, i.progress, i.health
           FROM (${LOCAL_ITEMS}) i WHERE i.municipality_id = $3`
      : `SELECT NULL::uuid AS municipality_id, a.focus_area_id, a.id, a.code, a.title, a.weight, a.status, a.progress,
                COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, $2)) AS health
           FROM action a WHERE a.programme_id = $1`;
    const params: unknown[] = [programmeId, today];
    if (scope.municipalityId) params.push(scope.municipalityId);
    params.push(scope.focusAreaId ?? null);
    return this.dataSource.query(
      `SELECT c.municipality_id AS "municipalityId", c.focus_area_id AS "focusAreaId", c.id AS "actionId",
              c.code, c.title, c.weight, c.status, c.progress, c.health
         FROM (${items}) c
        WHERE $${params.length}::uuid IS NULL OR c.focus_area_id = $${params.length}
        ORDER BY split_part(c.code, '-', 1), split_part(c.code, '-', 2)::int`,
      params,
    );
  }
}
