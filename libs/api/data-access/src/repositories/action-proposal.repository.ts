import { Injectable } from '@nestjs/common';
import type { ProposalState } from '@tiltak/domain';
import { DataSource } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import { ActionProposalEntity, type ProposedActionChanges } from '../entities';
import { EntitySql } from './entity-sql';

export interface ProposalFields {
  actionId: string;
  proposedBy: string;
  baseVersion: number;
  changes: ProposedActionChanges;
  comment: string;
}

export interface ProposalDecision {
  state: Exclude<ProposalState, 'PENDING'>;
  decidedBy: string | null;
  decisionComment: string | null;
}

export interface ProposalFilter {
  state?: ProposalState;
  actionIds?: readonly string[];
  proposedBy?: string;
}

type Row = Record<string, unknown>;

/** Proposed changes to regional actions. Callers hold the action's lock for every write. */
@Injectable()
export class ActionProposalRepository {
  private readonly proposal: EntitySql<ActionProposalEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.proposal = new EntitySql(dataSource, ActionProposalEntity);
  }

  async proposalById(id: string): Promise<ActionProposalEntity | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${this.proposal.selectList()} FROM action_proposal WHERE id = $1`,
      [id],
    );
    return rows[0] ? this.proposal.entity(rows[0]) : null;
  }

  /** The programme's proposals, newest first, at most `limit`. */
  async proposalsOfProgramme(
    programmeId: string,
    filter: ProposalFilter,
    limit: number,
  ): Promise<ActionProposalEntity[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${this.proposal.selectList('p')} FROM action_proposal p JOIN action a ON a.id = p.action_id
        WHERE a.programme_id = $1 AND ($2::varchar IS NULL OR p.state = $2)
          AND ($3::uuid[] IS NULL OR p.action_id = ANY($3)) AND ($4::uuid IS NULL OR p.proposed_by = $4)
        ORDER BY p.created_at DESC, p.id LIMIT $5`,
      [programmeId, filter.state ?? null, filter.actionIds ?? null, filter.proposedBy ?? null, limit],
    );
    return rows.map((row) => this.proposal.entity(row));
  }

  /** The proposal, locked for its decision; the caller already holds its action's lock. */
  async lock(tx: WriteTransaction, id: string): Promise<ActionProposalEntity | null> {
    const rows: Row[] = await rowsOf(
      tx,
      `SELECT ${this.proposal.selectList()} FROM action_proposal WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? this.proposal.entity(rows[0]) : null;
  }

  async create(tx: WriteTransaction, fields: ProposalFields): Promise<ActionProposalEntity> {
    const [row]: Row[] = await rowsOf(
      tx,
      `INSERT INTO action_proposal (action_id, proposed_by, proposed_by_name, base_version, changes, comment)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${this.proposal.selectList()}`,
      [fields.actionId, fields.proposedBy, tx.actor.name, fields.baseVersion, fields.changes, fields.comment],
    );
    return this.proposal.entity(row);
  }

  /** Settles a pending proposal of this version; null when it was not (any longer) that. */
  async decide(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    decision: ProposalDecision,
  ): Promise<ActionProposalEntity | null> {
    const rows: Row[] = await rowsOf(
      tx,
      `UPDATE action_proposal SET state = $3, decided_by = $4, decided_by_name = $5, decided_at = now(),
              decision_comment = $6, version = version + 1
        WHERE id = $1 AND version = $2 AND state = 'PENDING' RETURNING ${this.proposal.selectList()}`,
      [id, expectedVersion, decision.state, decision.decidedBy, tx.actor.name, decision.decisionComment],
    );
    return rows[0] ? this.proposal.entity(rows[0]) : null;
  }
}
