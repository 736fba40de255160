import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import { type ActionEntity, ProgrammeEntity } from '../entities';
import { EntitySql } from './entity-sql';

export type NewPeriod = Pick<ProgrammeEntity, 'id' | 'regionId' | 'slug' | 'name' | 'startYear' | 'endYear'> & {
  predecessorId: string;
};

/** An action seen from another period: enough to name it and to open it there. */
export interface ActionInPeriodRow {
  /** The action asked about. */
  forActionId: string;
  id: string;
  code: string;
  title: string;
  programmeId: string;
  startYear: number;
  endYear: number;
  endedReason: string | null;
}

/** Programme periods: their order, and the frame of a revision (rullering) that ends one and starts the next. */
@Injectable()
export class PeriodRepository {
  private readonly programme: EntitySql<ProgrammeEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.programme = new EntitySql(dataSource, ProgrammeEntity);
  }

  /**
   * Locks the period's actions (in id order, as every write touching several actions does) and then
   * the programme row, and answers the action ids with the programme as it is now. Writes under way
   * finish first; those after find the period ended (`tiltak_require_current_period`).
   */
  async lockPeriod(
    tx: WriteTransaction,
    programmeId: string,
  ): Promise<{ programme: ProgrammeEntity | null; actions: Pick<ActionEntity, 'id' | 'code'>[] }> {
    const actions = await rowsOf<Pick<ActionEntity, 'id' | 'code'>>(
      tx,
      `SELECT id, code FROM action WHERE programme_id = $1 ORDER BY id FOR UPDATE`,
      [programmeId],
    );
    const [row] = await rowsOf(tx, `SELECT ${this.programme.selectList()} FROM programme WHERE id = $1 FOR UPDATE`, [
      programmeId,
    ]);
    return { programme: row ? this.programme.entity(row) : null, actions };
  }

  /** Closes the period's open reporting rounds: its reports are frozen as they stand when it ends. */
  closeOpenRounds(
    tx: WriteTransaction,
    programmeId: string,
    now: Date,
  ): Promise<{ id: string; name: string; state: string; closedAt: Date; version: number }[]> {
    return rowsOf(
      tx,
      `UPDATE reporting_round SET state = 'CLOSED', closed_at = $2, version = version + 1
        WHERE programme_id = $1 AND state = 'OPEN'
       RETURNING id, name, state, closed_at AS "closedAt", version`,
      [programmeId, now],
    );
  }

  async slugTaken(tx: WriteTransaction, regionId: string, slug: string): Promise<boolean> {
    const rows = await rowsOf(tx, `SELECT 1 FROM programme WHERE region_id = $1 AND slug = $2`, [regionId, slug]);
    return rows.length > 0;
  }

  /** Ends the period: read as it was from now on, never changed. */
  async endPeriod(tx: WriteTransaction, programmeId: string): Promise<ProgrammeEntity> {
    const [row] = await rowsOf(
      tx,
      `UPDATE programme SET state = 'ENDED', version = version + 1 WHERE id = $1 RETURNING ${this.programme.selectList()}`,
      [programmeId],
    );
    return this.programme.entity(row);
  }

  async createPeriod(tx: WriteTransaction, period: NewPeriod): Promise<ProgrammeEntity> {
    const [row] = await rowsOf(
      tx,
      `INSERT INTO programme (id, region_id, slug, name, start_year, end_year, state, predecessor_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'CURRENT', $7) RETURNING ${this.programme.selectList()}`,
      [period.id, period.regionId, period.slug, period.name, period.startYear, period.endYear, period.predecessorId],
    );
    return this.programme.entity(row);
  }

  /** Records why each action not carried over stopped; its status and history stay as they were. */
  async endActions(
    tx: WriteTransaction,
    endings: readonly { actionId: string; reason: string }[],
  ): Promise<{ id: string; endedReason: string; version: number }[]> {
    return rowsOf(
      tx,
      `UPDATE action a SET ended_reason = e.reason, version = a.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS e(id, reason)
        WHERE a.id = e.id
       RETURNING a.id, a.ended_reason AS "endedReason", a.version`,
      [endings.map((e) => e.actionId), endings.map((e) => e.reason)],
    );
  }

  /** The period that revised each of these, if any. */
  async successorsOf(programmeIds: readonly string[]): Promise<ProgrammeEntity[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.programme.selectList()} FROM programme WHERE predecessor_id = ANY($1)`,
      [programmeIds],
    );
    return rows.map((row) => this.programme.entity(row));
  }

  /** The action each of these continues, in the earlier period. */
  predecessorsOfActions(actionIds: readonly string[]): Promise<ActionInPeriodRow[]> {
    return this.actionsInPeriod('a.id = ANY($1) AND o.id = a.predecessor_id', actionIds);
  }

  /** The action that continues each of these, in the later period. */
  successorsOfActions(actionIds: readonly string[]): Promise<ActionInPeriodRow[]> {
    return this.actionsInPeriod('a.id = ANY($1) AND o.predecessor_id = a.id', actionIds);
  }

  private actionsInPeriod(condition: string, actionIds: readonly string[]): Promise<ActionInPeriodRow[]> {
    return this.dataSource.query(
      `SELECT a.id AS "forActionId", o.id, o.code, o.title, o.programme_id AS "programmeId",
              p.start_year AS "startYear", p.end_year AS "endYear", o.ended_reason AS "endedReason"
         FROM action a, action o JOIN programme p ON p.id = o.programme_id
        WHERE ${condition}`,
      [actionIds],
    );
  }
}
