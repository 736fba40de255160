import { Injectable } from '@nestjs/common';
import type { ReportingRoundState, ReportState } from '@tiltak/domain';
import { DataSource, In } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import { ReportingRoundEntity, RoundReportEntity } from '../entities';
import { EntitySql } from './entity-sql';
import { type RowPatch, updateIfVersion } from './guarded-update';

export type RoundFields = Pick<
  ReportingRoundEntity,
  'name' | 'deadline' | 'graceDays' | 'reminderDaysBefore' | 'reminderDaysAfter' | 'openedAt' | 'openedByName'
>;

export type RoundPatch = Partial<
  Pick<ReportingRoundEntity, 'name' | 'deadline' | 'graceDays' | 'reminderDaysBefore' | 'reminderDaysAfter'>
>;

export type ReportPatch = RowPatch<RoundReportEntity>;

export interface ReportFilter {
  municipalityId?: string;
  focusAreaId?: string;
  state?: ReportState;
}

/** A report locked for a write, with what its round says about writing to it. */
export interface LockedReport {
  report: RoundReportEntity;
  round: ReportingRoundEntity;
}

/** Reports of a round counted by one key (a municipality or a focus area, in name or code order), state and lateness. */
export interface CompletionTally {
  roundId: string;
  key: string;
  state: ReportState;
  late: boolean;
  count: number;
}

/** Where a round closes: the midnight in Oslo after its deadline plus grace days. */
const CLOSES_AT = `(("deadline" + "grace_days" + 1)::timestamp AT TIME ZONE 'Europe/Oslo')`;

/** The reports that count for a municipality: its own parts, and the own reports of the actions it takes part in. */
const OF_MUNICIPALITY = `(r.municipality_id = $M OR (r.municipality_id IS NULL AND EXISTS (
  SELECT 1 FROM participation p WHERE p.action_id = r.action_id AND p.municipality_id = $M)))`;

/** Reporting rounds and their reports: reads, and the guarded writes of the reporting services. */
@Injectable()
export class ReportingRepository {
  private readonly round: EntitySql<ReportingRoundEntity>;
  private readonly report: EntitySql<RoundReportEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.round = new EntitySql(dataSource, ReportingRoundEntity);
    this.report = new EntitySql(dataSource, RoundReportEntity);
  }

  /** The programme's rounds, newest first. */
  roundsOfProgramme(programmeId: string, state?: ReportingRoundState): Promise<ReportingRoundEntity[]> {
    return this.dataSource.manager.find(ReportingRoundEntity, {
      where: { programmeId, ...(state && { state }) },
      order: { openedAt: 'DESC', id: 'ASC' },
      take: 500,
    });
  }

  roundsByIds(ids: readonly string[]): Promise<ReportingRoundEntity[]> {
    return this.dataSource.manager.findBy(ReportingRoundEntity, { id: In([...ids]) });
  }

  async nameTaken(tx: WriteTransaction, name: string, exceptRoundId: string | null): Promise<boolean> {
    const rows = await rowsOf(
      tx,
      `SELECT 1 FROM reporting_round WHERE programme_id = $1 AND name = $2 AND id IS DISTINCT FROM $3`,
      [tx.programmeId, name, exceptRoundId],
    );
    return rows.length > 0;
  }

  /** The actions under way on `today`: in progress, or not started though their start date has come. */
  async actionsUnderWay(programmeId: string, today: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM action
        WHERE programme_id = $1 AND (status = 'IN_PROGRESS' OR (status = 'NOT_STARTED' AND start_date <= $2))
        ORDER BY code`,
      [programmeId, today],
    );
    return rows.map((row) => row.id);
  }

  /** Those of `ids` that are actions of the programme. */
  async actionsOfProgramme(programmeId: string, ids: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM action WHERE programme_id = $1 AND id = ANY($2::uuid[])`,
      [programmeId, ids],
    );
    return rows.map((row) => row.id);
  }

  async createRound(tx: WriteTransaction, fields: RoundFields): Promise<ReportingRoundEntity> {
    const [row] = await rowsOf(
      tx,
      `INSERT INTO reporting_round (programme_id, name, deadline, grace_days, reminder_days_before,
              reminder_days_after, opened_at, opened_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${this.round.selectList()}`,
      [
        tx.programmeId,
        fields.name,
        fields.deadline,
        fields.graceDays,
        fields.reminderDaysBefore,
        fields.reminderDaysAfter,
        fields.openedAt,
        fields.openedByName,
      ],
    );
    return this.round.entity(row);
  }

  /**
   * A report for each action, and one for each of their municipalities that keeps its own status or
   * progress, all not started.
   */
  async createReports(tx: WriteTransaction, roundId: string, actionIds: readonly string[]): Promise<number> {
    const [row] = await rowsOf<{ count: number }>(
      tx,
      `WITH own AS (
         INSERT INTO round_report (round_id, action_id) SELECT $1, a FROM unnest($2::uuid[]) a RETURNING 1),
       parts AS (
         INSERT INTO round_report (round_id, action_id, municipality_id)
         SELECT $1, p.action_id, p.municipality_id FROM participation p
          WHERE p.action_id = ANY($2::uuid[]) AND (p.status IS NOT NULL OR p.progress IS NOT NULL)
         RETURNING 1)
       SELECT ((SELECT count(*) FROM own) + (SELECT count(*) FROM parts))::int AS count`,
      [roundId, actionIds],
    );
    return row.count;
  }

  updateRound(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: RowPatch<ReportingRoundEntity>,
  ): Promise<ReportingRoundEntity | null> {
    return updateIfVersion(tx, ReportingRoundEntity, { id }, expectedVersion, patch);
  }

  /** Locks an open round for closing, or answers null when it is closed or gone. */
  async lockRound(tx: WriteTransaction, id: string): Promise<ReportingRoundEntity | null> {
    const rows = await rowsOf(
      tx,
      `SELECT ${this.round.selectList()} FROM reporting_round WHERE id = $1 AND programme_id = $2 FOR UPDATE`,
      [id, tx.programmeId],
    );
    return rows[0] ? this.round.entity(rows[0]) : null;
  }

  /** The open rounds (of any programme) whose close has come by `now`. */
  async dueRounds(now: Date): Promise<ReportingRoundEntity[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.round.selectList()} FROM reporting_round WHERE state = 'OPEN' AND ${CLOSES_AT} <= $1
        ORDER BY deadline, id`,
      [now],
    );
    return rows.map((row) => this.round.entity(row));
  }

  async reportsOfRound(roundId: string, filter: ReportFilter = {}): Promise<RoundReportEntity[]> {
    const conditions = ['r.round_id = $1'];
    const values: unknown[] = [roundId];
    if (filter.municipalityId) {
      values.push(filter.municipalityId);
      conditions.push(OF_MUNICIPALITY.replaceAll('$M', `$${values.length}`));
    }
    if (filter.focusAreaId) {
      values.push(filter.focusAreaId);
      conditions.push(`a.focus_area_id = $${values.length}`);
    }
    if (filter.state) {
      values.push(filter.state);
      conditions.push(`r.state = $${values.length}`);
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.report.selectList('r')} FROM round_report r
         JOIN action a ON a.id = r.action_id
         LEFT JOIN municipality m ON m.id = r.municipality_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY a.code, m.name NULLS FIRST`,
      values,
    );
    return rows.map((row) => this.report.entity(row));
  }

  reportsByIds(ids: readonly string[]): Promise<RoundReportEntity[]> {
    return this.dataSource.manager.findBy(RoundReportEntity, { id: In([...ids]) });
  }

  reportById(id: string): Promise<RoundReportEntity | null> {
    return this.dataSource.manager.findOneBy(RoundReportEntity, { id });
  }

  /**
   * Locks a report for a write, and its round against closing meanwhile (FOR SHARE: reports of one
   * round are written side by side, a close waits for them). Null when there is no such report.
   */
  async lockReport(tx: WriteTransaction, id: string): Promise<LockedReport | null> {
    const [row] = await rowsOf<{ report: Record<string, unknown>; round: Record<string, unknown> }>(
      tx,
      `SELECT ${this.report.json('r')} AS report, ${this.round.json('rr')} AS round
         FROM round_report r JOIN reporting_round rr ON rr.id = r.round_id
        WHERE r.id = $1 AND rr.programme_id = $2
          FOR UPDATE OF r FOR SHARE OF rr`,
      [id, tx.programmeId],
    );
    return row ? { report: this.report.entity(row.report), round: this.round.entity(row.round) } : null;
  }

  updateReport(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: ReportPatch,
  ): Promise<RoundReportEntity | null> {
    return updateIfVersion(tx, RoundReportEntity, { id }, expectedVersion, { ...patch, updatedAt: () => 'now()' });
  }

  /** Each report of a round counted once for every municipality it counts for (see OF_MUNICIPALITY). */
  /** Reports of these rounds by municipality, state and lateness; an action's own report counts for each of its municipalities. */
  byMunicipality(roundIds: readonly string[]): Promise<CompletionTally[]> {
    return this.dataSource.query(
      `SELECT r.round_id AS "roundId", m.id AS key, r.state, r.late, count(*)::int AS count
         FROM round_report r
         LEFT JOIN participation p ON r.municipality_id IS NULL AND p.action_id = r.action_id
         JOIN municipality m ON m.id = coalesce(r.municipality_id, p.municipality_id)
        WHERE r.round_id = ANY($1)
        GROUP BY r.round_id, m.id, m.name, r.state, r.late
        ORDER BY m.name`,
      [roundIds],
    );
  }

  /** Reports of these rounds by focus area, state and lateness: each report once. */
  byFocusArea(roundIds: readonly string[]): Promise<CompletionTally[]> {
    return this.dataSource.query(
      `SELECT r.round_id AS "roundId", f.id AS key, r.state, r.late, count(*)::int AS count
         FROM round_report r JOIN action a ON a.id = r.action_id JOIN focus_area f ON f.id = a.focus_area_id
        WHERE r.round_id = ANY($1)
        GROUP BY r.round_id, f.id, f.code, r.state, r.late
        ORDER BY f.code`,
      [roundIds],
    );
  }
}
