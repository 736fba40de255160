import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import { ActionEntity, MilestoneEntity } from '../entities';
import { EntitySql } from './entity-sql';

export type MilestonePatch = Partial<Pick<MilestoneEntity, 'title' | 'dueDate' | 'weight' | 'completedOn'>>;

/** The action's progress after a milestone write, when it moves; null leaves the action alone. */
export type ProgressChange = { actionId: string; progress: number } | null;

export interface MilestoneWrite {
  /** The milestone after the write; for a deletion, the row as it was. */
  milestone: MilestoneEntity;
  /** The action after its progress moved, or null when it did not. */
  action: ActionEntity | null;
}

type Row = Record<string, unknown>;

/**
 * Milestone writes, each together with the action's new progress in one statement. The caller
 * holds the action's lock and computed the progress from the milestones it read under it.
 */
@Injectable()
export class MilestoneWriteRepository {
  private readonly action: EntitySql<ActionEntity>;
  private readonly milestone: EntitySql<MilestoneEntity>;

  constructor(dataSource: DataSource) {
    this.action = new EntitySql(dataSource, ActionEntity);
    this.milestone = new EntitySql(dataSource, MilestoneEntity);
  }

  create(
    tx: WriteTransaction,
    fields: { actionId: string; title: string; dueDate: string; weight: number },
    progress: ProgressChange,
  ): Promise<MilestoneWrite | null> {
    return this.withProgress(
      tx,
      'INSERT INTO milestone (action_id, title, due_date, weight) VALUES ($1, $2, $3, $4) RETURNING *',
      [fields.actionId, fields.title, fields.dueDate, fields.weight],
      progress,
    );
  }

  /** The guarded update; null when the milestone was not at `expectedVersion`. */
  update(
    tx: WriteTransaction,
    milestoneId: string,
    expectedVersion: number,
    patch: MilestonePatch,
    progress: ProgressChange,
  ): Promise<MilestoneWrite | null> {
    const set = this.milestone.assignments(patch, 3);
    return this.withProgress(
      tx,
      `UPDATE milestone SET ${[...set.sql, 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING *`,
      [milestoneId, expectedVersion, ...set.values],
      progress,
    );
  }

  /** The guarded deletion; null when the milestone was not at `expectedVersion`. */
  delete(
    tx: WriteTransaction,
    milestoneId: string,
    expectedVersion: number,
    progress: ProgressChange,
  ): Promise<MilestoneWrite | null> {
    return this.withProgress(
      tx,
      'DELETE FROM milestone WHERE id = $1 AND version = $2 RETURNING *',
      [milestoneId, expectedVersion],
      progress,
    );
  }

  /** Runs the milestone statement and, only if it touched a row, moves the action's progress on. */
  private async withProgress(
    tx: WriteTransaction,
    write: string,
    values: unknown[],
    progress: ProgressChange,
  ): Promise<MilestoneWrite | null> {
    const next = values.length + 1;
    const actionWrite = progress
      ? `, a AS (UPDATE action SET progress = $${next + 1}, version = version + 1, updated_at = now()
                  WHERE id = $${next} AND EXISTS (SELECT 1 FROM m) RETURNING *)`
      : '';
    const [row]: { milestone: Row | null; action: Row | null }[] = await rowsOf(
      tx,
      `WITH m AS (${write})${actionWrite}
       SELECT (SELECT ${this.milestone.json('m')} FROM m) AS milestone,
              ${progress ? `(SELECT ${this.action.json('a')} FROM a)` : 'NULL::json'} AS action`,
      progress ? [...values, progress.actionId, progress.progress] : values,
    );
    if (!row.milestone) return null;
    return {
      milestone: this.milestone.entity(row.milestone),
      action: row.action ? this.action.entity(row.action) : null,
    };
  }
}
