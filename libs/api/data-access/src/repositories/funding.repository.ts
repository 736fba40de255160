import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import { EffortEntryEntity, FundingLineEntity } from '../entities';
import { kronerColumn } from '../entities/sql';
import { EntitySql } from './entity-sql';
import { type RowPatch, updateIfVersion } from './guarded-update';
import { managerOf, type QueryScope } from './scope';

export type FundingLineFields = Pick<
  FundingLineEntity,
  'source' | 'municipalityId' | 'sourceName' | 'status' | 'amount' | 'year' | 'reference'
>;

/** The key of one effort entry: a party's hours on an action in a year. */
export interface EffortKey {
  actionId: string;
  partyId: string;
  year: number;
}

/**
 * Money and effort summed over a set of actions (or, for a municipality, over its own lines), as
 * exact integers: PostgreSQL sums the bigint amounts as numeric and hands them over as text.
 */
export interface FundingSums {
  key: string;
  /** Sum of the budgets of the actions counted; null when the total is not over actions. */
  budget: number | null;
  actions: number;
  budgetedActions: number;
  planned: number;
  applied: number;
  granted: number;
  refused: number;
  plannedLines: number;
  appliedLines: number;
  grantedLines: number;
  refusedLines: number;
  /** Hours of own effort; null when the total is not over actions. */
  hours: number | null;
}

type Row = Record<string, unknown>;

const LINE_SUMS = `
  coalesce(sum(f.amount) FILTER (WHERE f.status = 'PLANNED'), 0)::text AS planned,
  coalesce(sum(f.amount) FILTER (WHERE f.status = 'APPLIED'), 0)::text AS applied,
  coalesce(sum(f.amount) FILTER (WHERE f.status = 'GRANTED'), 0)::text AS granted,
  coalesce(sum(f.amount) FILTER (WHERE f.status = 'REFUSED'), 0)::text AS refused,
  count(*) FILTER (WHERE f.status = 'PLANNED')::int AS "plannedLines",
  count(*) FILTER (WHERE f.status = 'APPLIED')::int AS "appliedLines",
  count(*) FILTER (WHERE f.status = 'GRANTED')::int AS "grantedLines",
  count(*) FILTER (WHERE f.status = 'REFUSED')::int AS "refusedLines"`;

/**
 * Sums over the actions of `scope` (a SELECT of `action_id, key`), one row per key: budgets and
 * hours per action, amounts per line, each summed once (the three are summed apart, then joined).
 */
const sumsOver = (scope: string) => `
  WITH scope AS (${scope}),
  actions AS (
    SELECT s.key, count(*)::int AS actions, count(a.budget)::int AS "budgetedActions",
           coalesce(sum(a.budget), 0)::text AS budget
      FROM scope s JOIN action a ON a.id = s.action_id GROUP BY s.key),
  lines AS (SELECT s.key, ${LINE_SUMS} FROM scope s JOIN funding_line f ON f.action_id = s.action_id GROUP BY s.key),
  hours AS (
    SELECT s.key, coalesce(sum(e.hours), 0)::text AS hours
      FROM scope s JOIN effort_entry e ON e.action_id = s.action_id GROUP BY s.key)
  SELECT actions.*, lines.planned, lines.applied, lines.granted, lines.refused, lines."plannedLines",
         lines."appliedLines", lines."grantedLines", lines."refusedLines", coalesce(hours.hours, '0') AS hours
    FROM actions LEFT JOIN lines USING (key) LEFT JOIN hours USING (key)`;

const kroner = (value: unknown): number =>
  kronerColumn.from(value === null || value === undefined ? '0' : String(value)) ?? 0;

function sumsOf(row: Row, overActions: boolean): FundingSums {
  const count = (name: string) => Number(row[name] ?? 0);
  return {
    key: String(row['key']),
    budget: overActions ? kroner(row['budget']) : null,
    actions: count('actions'),
    budgetedActions: count('budgetedActions'),
    planned: kroner(row['planned']),
    applied: kroner(row['applied']),
    granted: kroner(row['granted']),
    refused: kroner(row['refused']),
    plannedLines: count('plannedLines'),
    appliedLines: count('appliedLines'),
    grantedLines: count('grantedLines'),
    refusedLines: count('refusedLines'),
    hours: overActions ? kroner(row['hours']) : null,
  };
}

/** Funding lines and effort entries: the reads behind the totals, and the guarded writes of the funding service. */
@Injectable()
export class FundingRepository {
  private readonly line: EntitySql<FundingLineEntity>;
  private readonly effort: EntitySql<EffortEntryEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.line = new EntitySql(dataSource, FundingLineEntity);
    this.effort = new EntitySql(dataSource, EffortEntryEntity);
  }

  /** The lines of the actions, by year then in the order they were recorded. */
  linesOfActions(actionIds: readonly string[]): Promise<FundingLineEntity[]> {
    return this.dataSource.manager.find(FundingLineEntity, {
      where: { actionId: In([...actionIds]) },
      order: { year: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  effortOfActions(actionIds: readonly string[]): Promise<EffortEntryEntity[]> {
    return this.dataSource.manager.find(EffortEntryEntity, {
      where: { actionId: In([...actionIds]) },
      order: { year: 'ASC', partyId: 'ASC' },
    });
  }

  lineById(id: string): Promise<FundingLineEntity | null> {
    return this.dataSource.manager.findOneBy(FundingLineEntity, { id });
  }

  /** The line locked for a write; the caller holds its action's lock first, as every write to an action does. */
  async lockLine(tx: WriteTransaction, id: string): Promise<FundingLineEntity | null> {
    const [row] = await rowsOf(tx, `SELECT ${this.line.selectList()} FROM funding_line WHERE id = $1 FOR UPDATE`, [id]);
    return row ? this.line.entity(row) : null;
  }

  async createLine(tx: WriteTransaction, actionId: string, fields: FundingLineFields): Promise<FundingLineEntity> {
    const [row] = await rowsOf(
      tx,
      `INSERT INTO funding_line (action_id, source, municipality_id, source_name, status, amount, year, reference)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${this.line.selectList()}`,
      [
        actionId,
        fields.source,
        fields.municipalityId,
        fields.sourceName,
        fields.status,
        fields.amount,
        fields.year,
        fields.reference,
      ],
    );
    return this.line.entity(row);
  }

  updateLine(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: RowPatch<FundingLineEntity>,
  ): Promise<FundingLineEntity | null> {
    return updateIfVersion(tx, FundingLineEntity, { id }, expectedVersion, patch);
  }

  /** Deletes the line if it is at the expected version; true when it did. */
  async deleteLine(tx: WriteTransaction, id: string, expectedVersion: number): Promise<boolean> {
    const rows = await rowsOf(tx, 'DELETE FROM funding_line WHERE id = $1 AND version = $2 RETURNING id', [
      id,
      expectedVersion,
    ]);
    return rows.length > 0;
  }

  async lockEffort(tx: WriteTransaction, key: EffortKey): Promise<EffortEntryEntity | null> {
    const [row] = await rowsOf(
      tx,
      `SELECT ${this.effort.selectList()} FROM effort_entry
        WHERE action_id = $1 AND party_id = $2 AND year = $3 FOR UPDATE`,
      [key.actionId, key.partyId, key.year],
    );
    return row ? this.effort.entity(row) : null;
  }

  async createEffort(tx: WriteTransaction, key: EffortKey, hours: number): Promise<EffortEntryEntity> {
    const [row] = await rowsOf(
      tx,
      `INSERT INTO effort_entry (action_id, party_id, year, hours) VALUES ($1, $2, $3, $4)
       RETURNING ${this.effort.selectList()}`,
      [key.actionId, key.partyId, key.year, hours],
    );
    return this.effort.entity(row);
  }

  updateEffort(
    tx: WriteTransaction,
    key: EffortKey,
    expectedVersion: number,
    hours: number,
  ): Promise<EffortEntryEntity | null> {
    return updateIfVersion(tx, EffortEntryEntity, key, expectedVersion, { hours });
  }

  /** Totals of each of the actions (those of the programme only). */
  async sumsByAction(programmeId: string, actionIds: readonly string[]): Promise<FundingSums[]> {
    const rows: Row[] = await this.dataSource.query(
      sumsOver('SELECT id AS action_id, id::text AS key FROM action WHERE programme_id = $1 AND id = ANY($2::uuid[])'),
      [programmeId, actionIds],
    );
    return rows.map((row) => sumsOf(row, true));
  }

  /** Totals of every focus area of the programme, over all its actions (cancelled ones too: their money was real). */
  async sumsByFocusArea(programmeId: string, scope: QueryScope = this.dataSource.manager): Promise<FundingSums[]> {
    const rows: Row[] = await managerOf(scope).query(
      sumsOver('SELECT id AS action_id, focus_area_id::text AS key FROM action WHERE programme_id = $1'),
      [programmeId],
    );
    return rows.map((row) => sumsOf(row, true));
  }

  /** The whole programme's totals, keyed by the programme's id. */
  async sumsOfProgramme(programmeId: string, scope: QueryScope = this.dataSource.manager): Promise<FundingSums | null> {
    const rows: Row[] = await managerOf(scope).query(
      sumsOver('SELECT id AS action_id, programme_id::text AS key FROM action WHERE programme_id = $1'),
      [programmeId],
    );
    return rows[0] ? sumsOf(rows[0], true) : null;
  }

  /** Totals of a set of actions as one, keyed by `key`: a goal's actions, or any other grouping the caller makes. */
  async sumsOfActionSet(programmeId: string, key: string, actionIds: readonly string[]): Promise<FundingSums | null> {
    const rows: Row[] = await this.dataSource.query(
      sumsOver('SELECT id AS action_id, $3::text AS key FROM action WHERE programme_id = $1 AND id = ANY($2::uuid[])'),
      [programmeId, actionIds, key],
    );
    return rows[0] ? sumsOf(rows[0], true) : null;
  }

  /**
   * Totals of each goal of the programme's region, over the programme's actions that serve it or
   * one of its sub-goals (at any depth), each action once however many of those goals it serves.
   */
  async sumsByGoal(programmeId: string): Promise<FundingSums[]> {
    const rows: Row[] = await this.dataSource.query(
      sumsOver(`
        WITH RECURSIVE tree AS (
          SELECT g.id AS goal_id, g.id AS member_id FROM goal g JOIN programme p ON p.region_id = g.region_id
           WHERE p.id = $1
          UNION ALL
          SELECT t.goal_id, g.id FROM tree t JOIN goal g ON g.parent_id = t.member_id)
        SELECT DISTINCT ag.action_id, t.goal_id::text AS key
          FROM tree t JOIN action_goal ag ON ag.goal_id = t.member_id
          JOIN action a ON a.id = ag.action_id AND a.programme_id = $1`),
      [programmeId],
    );
    return rows.map((row) => sumsOf(row, true));
  }

  /**
   * Each municipality's own money: the amounts of the lines that are its share (source MUNICIPALITY),
   * on the programme's actions. Other money of actions it takes part in is not its own, and is left out.
   */
  async sumsByMunicipality(programmeId: string, scope: QueryScope = this.dataSource.manager): Promise<FundingSums[]> {
    const rows: Row[] = await managerOf(scope).query(
      `SELECT f.municipality_id::text AS key, count(DISTINCT f.action_id)::int AS actions, ${LINE_SUMS}
         FROM funding_line f JOIN action a ON a.id = f.action_id
        WHERE a.programme_id = $1 AND f.source = 'MUNICIPALITY'
        GROUP BY f.municipality_id`,
      [programmeId],
    );
    return rows.map((row) => sumsOf(row, false));
  }
}
