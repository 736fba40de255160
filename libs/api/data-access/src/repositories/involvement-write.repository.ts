import { Injectable } from '@nestjs/common';
import type { InvolvementLevel, InvolvementRole } from '@tiltak/domain';
import { DataSource } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import { InvolvementEntity } from '../entities';
import { EntitySql } from './entity-sql';

type Row = Record<string, unknown>;

/**
 * Who does what on an action: parties' involvements and the project leads named on it. The caller
 * holds the action's lock, so the one-lead rule it checks cannot be raced.
 */
@Injectable()
export class InvolvementWriteRepository {
  private readonly involvement: EntitySql<InvolvementEntity>;

  constructor(dataSource: DataSource) {
    this.involvement = new EntitySql(dataSource, InvolvementEntity);
  }

  async create(
    tx: WriteTransaction,
    fields: { actionId: string; partyId: string; role: InvolvementRole; level: InvolvementLevel },
  ): Promise<InvolvementEntity> {
    const [row]: Row[] = await rowsOf(
      tx,
      `INSERT INTO involvement (action_id, party_id, role, level) VALUES ($1, $2, $3, $4)
       RETURNING ${this.involvement.selectList()}`,
      [fields.actionId, fields.partyId, fields.role, fields.level],
    );
    return this.involvement.entity(row);
  }

  /** The guarded update; null when the involvement was not at `expectedVersion`. */
  async update(
    tx: WriteTransaction,
    involvementId: string,
    expectedVersion: number,
    patch: Partial<Pick<InvolvementEntity, 'role' | 'level'>>,
  ): Promise<InvolvementEntity | null> {
    const set = this.involvement.assignments(patch, 3);
    const rows: Row[] = await rowsOf(
      tx,
      `UPDATE involvement SET ${[...set.sql, 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING ${this.involvement.selectList()}`,
      [involvementId, expectedVersion, ...set.values],
    );
    return rows[0] ? this.involvement.entity(rows[0]) : null;
  }

  /** The guarded deletion; false when the involvement was not at `expectedVersion`. */
  async delete(tx: WriteTransaction, involvementId: string, expectedVersion: number): Promise<boolean> {
    const rows: Row[] = await rowsOf(tx, 'DELETE FROM involvement WHERE id = $1 AND version = $2 RETURNING id', [
      involvementId,
      expectedVersion,
    ]);
    return rows.length === 1;
  }

  async nameProjectLead(tx: WriteTransaction, actionId: string, userId: string): Promise<void> {
    await rowsOf(tx, 'INSERT INTO action_project_lead (action_id, user_id) VALUES ($1, $2)', [actionId, userId]);
  }

  /** False when the user was not named on the action. */
  async unnameProjectLead(tx: WriteTransaction, actionId: string, userId: string): Promise<boolean> {
    const rows: Row[] = await rowsOf(
      tx,
      'DELETE FROM action_project_lead WHERE action_id = $1 AND user_id = $2 RETURNING user_id',
      [actionId, userId],
    );
    return rows.length === 1;
  }
}
