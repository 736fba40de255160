import { Injectable } from '@nestjs/common';
import type { ActionStatus, Health } from '@tiltak/domain';
import { DataSource } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import { ActionEntity, ParticipationEntity, StatusUpdateEntity } from '../entities';
import { EntitySql } from './entity-sql';

export interface ActionFields {
  focusAreaId: string;
  code: string;
  title: string;
  description: string;
  startDate: string;
  dueDate: string;
  weight: number;
}

export interface StatusFields {
  status: ActionStatus;
  manualProgress: number | null;
  progress: number;
  healthOverride: Health | null;
  healthOverrideComment: string | null;
}

export interface HistoryEntry {
  status: ActionStatus;
  progress: number;
  health: Health;
  comment: string;
}

export type ActionPatch = Partial<
  Pick<ActionEntity, keyof ActionFields | 'progress' | 'caseReference' | 'recordUrl' | 'budget'>
>;

type Row = Record<string, unknown>;

/**
 * The writes of an action and of its municipalities' own figures. Every guarded write is
 * `UPDATE … WHERE version = expected RETURNING …`: one round trip, and null when someone else
 * changed the row first. Callers hold the action's lock (`ActionAggregateRepository.lock`).
 */
@Injectable()
export class ActionWriteRepository {
  private readonly action: EntitySql<ActionEntity>;
  private readonly participation: EntitySql<ParticipationEntity>;
  private readonly statusUpdate: EntitySql<StatusUpdateEntity>;

  constructor(dataSource: DataSource) {
    this.action = new EntitySql(dataSource, ActionEntity);
    this.participation = new EntitySql(dataSource, ParticipationEntity);
    this.statusUpdate = new EntitySql(dataSource, StatusUpdateEntity);
  }

  async codeTaken(tx: WriteTransaction, code: string): Promise<boolean> {
    const rows: Row[] = await rowsOf(tx, 'SELECT 1 FROM action WHERE programme_id = $1 AND code = $2', [
      tx.programmeId,
      code,
    ]);
    return rows.length > 0;
  }

  /** A new action, not started, with the municipalities it concerns. */
  async create(tx: WriteTransaction, fields: ActionFields, municipalityIds: string[]): Promise<ActionEntity> {
    const [row]: Row[] = await rowsOf(
      tx,
      `WITH created AS (
         INSERT INTO action (programme_id, focus_area_id, code, title, description, start_date, due_date, weight)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *),
       joined AS (
         INSERT INTO participation (action_id, municipality_id) SELECT created.id, m FROM created, unnest($9::uuid[]) m)
       SELECT ${this.action.selectList('created')} FROM created`,
      [
        tx.programmeId,
        fields.focusAreaId,
        fields.code,
        fields.title,
        fields.description,
        fields.startDate,
        fields.dueDate,
        fields.weight,
        municipalityIds,
      ],
    );
    return this.action.entity(row);
  }

  /** The guarded update of an action's own fields; its version moves on. */
  async update(
    tx: WriteTransaction,
    actionId: string,
    expectedVersion: number,
    patch: ActionPatch,
  ): Promise<ActionEntity | null> {
    const set = this.action.assignments(patch, 3);
    const rows: Row[] = await rowsOf(
      tx,
      `UPDATE action SET ${[...set.sql, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING ${this.action.selectList()}`,
      [actionId, expectedVersion, ...set.values],
    );
    return rows[0] ? this.action.entity(rows[0]) : null;
  }

  /** A lead's status update: the action's figures and a history entry, in one statement. */
  async applyStatus(
    tx: WriteTransaction,
    actionId: string,
    expectedVersion: number,
    fields: StatusFields,
    entry: HistoryEntry,
  ): Promise<{ action: ActionEntity; entry: StatusUpdateEntity } | null> {
    const [row]: { action: Row | null; entry: Row | null }[] = await rowsOf(
      tx,
      `WITH updated AS (
         UPDATE action SET status = $3, manual_progress = $4, progress = $5, health_override = $6,
                health_override_comment = $7, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING *),
       entry AS (
         INSERT INTO status_update (action_id, status, progress, health, comment, author_name)
         SELECT id, $3, $5, $8, $9, $10 FROM updated RETURNING *)
       SELECT (SELECT ${this.action.json('updated')} FROM updated) AS action,
              (SELECT ${this.statusUpdate.json('entry')} FROM entry) AS entry`,
      [
        actionId,
        expectedVersion,
        fields.status,
        fields.manualProgress,
        fields.progress,
        fields.healthOverride,
        fields.healthOverrideComment,
        entry.health,
        entry.comment,
        tx.actor.name,
      ],
    );
    if (!row.action || !row.entry) return null;
    return { action: this.action.entity(row.action), entry: this.statusUpdate.entity(row.entry) };
  }

  /** The guarded update of one municipality's own status, progress and note. */
  async updateParticipation(
    tx: WriteTransaction,
    key: { actionId: string; municipalityId: string },
    expectedVersion: number,
    patch: Partial<Pick<ParticipationEntity, 'status' | 'progress' | 'note'>>,
  ): Promise<ParticipationEntity | null> {
    const set = this.participation.assignments(patch, 4);
    const rows: Row[] = await rowsOf(
      tx,
      `UPDATE participation SET ${[...set.sql, 'version = version + 1'].join(', ')}
        WHERE action_id = $1 AND municipality_id = $2 AND version = $3 RETURNING ${this.participation.selectList()}`,
      [key.actionId, key.municipalityId, expectedVersion, ...set.values],
    );
    return rows[0] ? this.participation.entity(rows[0]) : null;
  }

  /** Adds and removes municipalities of an action; a removed one takes its own figures with it. */
  async replaceParticipations(
    tx: WriteTransaction,
    actionId: string,
    change: { add: string[]; remove: string[] },
  ): Promise<void> {
    await rowsOf(
      tx,
      `WITH removed AS (DELETE FROM participation WHERE action_id = $1 AND municipality_id = ANY($3::uuid[]))
       INSERT INTO participation (action_id, municipality_id) SELECT $1, m FROM unnest($2::uuid[]) m`,
      [actionId, change.add, change.remove],
    );
  }
}
