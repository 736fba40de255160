import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import {
  ActionEntity,
  InvolvementEntity,
  MilestoneEntity,
  MunicipalityEntity,
  ParticipationEntity,
  PartyEntity,
  ProjectLeadEntity,
} from '../entities';
import { EntitySql } from './entity-sql';

/**
 * An action with everything its writes derive from or answer with: its municipalities (with their
 * own figures), its involvements, named project leads and milestones, read while the action's row
 * is locked. Each list is in the order the API shows it. The history is left out: it only grows, and
 * no rule reads it.
 */
export interface ActionAggregate {
  action: ActionEntity;
  participations: ParticipationEntity[];
  involvements: InvolvementEntity[];
  projectLeads: ProjectLeadEntity[];
  milestones: MilestoneEntity[];
}

/** Which row leads to the action to lock: the action itself, or one of its milestones or involvements. */
export type LockKey = { actionId: string } | { milestoneId: string } | { involvementId: string };

function actionIdSql(key: LockKey): string {
  if ('actionId' in key) return '$1';
  // A milestone or involvement never moves to another action, so this sub-select is safe to repeat.
  return 'milestoneId' in key
    ? '(SELECT action_id FROM milestone WHERE id = $1)'
    : '(SELECT action_id FROM involvement WHERE id = $1)';
}

function keyOf(key: LockKey): string {
  return 'actionId' in key ? key.actionId : 'milestoneId' in key ? key.milestoneId : key.involvementId;
}

/**
 * The first step of every write to an action: `SELECT … FOR UPDATE` on the action's row, then the
 * whole aggregate, in one round trip (see the `tiltak_lock_then_read` migration). Two writes to one
 * action therefore run one after the other, and each derives its figures from what the other
 * committed. A write that comes to touch several actions must lock them in id order.
 */
@Injectable()
export class ActionAggregateRepository {
  private readonly action: EntitySql<ActionEntity>;
  private readonly sql: { [K in keyof Omit<ActionAggregate, 'action'>]: string };
  private readonly statements = new Map<string, { lock: string; read: string }>();
  private readonly parts: {
    participation: EntitySql<ParticipationEntity>;
    municipality: EntitySql<MunicipalityEntity>;
    involvement: EntitySql<InvolvementEntity>;
    party: EntitySql<PartyEntity>;
    projectLead: EntitySql<ProjectLeadEntity>;
    milestone: EntitySql<MilestoneEntity>;
  };

  constructor(dataSource: DataSource) {
    this.action = new EntitySql(dataSource, ActionEntity);
    this.parts = {
      participation: new EntitySql(dataSource, ParticipationEntity),
      municipality: new EntitySql(dataSource, MunicipalityEntity),
      involvement: new EntitySql(dataSource, InvolvementEntity),
      party: new EntitySql(dataSource, PartyEntity),
      projectLead: new EntitySql(dataSource, ProjectLeadEntity),
      milestone: new EntitySql(dataSource, MilestoneEntity),
    };
    const p = this.parts;
    this.sql = {
      participations: p.participation.jsonArray(
        'p',
        'participation p JOIN municipality mu ON mu.id = p.municipality_id WHERE p.action_id = a.id',
        'mu.name, mu.id',
        { municipality: p.municipality.json('mu') },
      ),
      involvements: p.involvement.jsonArray(
        'i',
        'involvement i JOIN party pa ON pa.id = i.party_id WHERE i.action_id = a.id',
        'i.role, pa.name, i.id',
        { party: p.party.json('pa') },
      ),
      projectLeads: p.projectLead.jsonArray(
        'pl',
        'action_project_lead pl JOIN app_user u ON u.id = pl.user_id WHERE pl.action_id = a.id',
        'u.name, u.id',
        // Only what the API shows of a named project lead.
        {
          user: `json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role, 'partyId', u.party_id, 'active', u.active)`,
        },
      ),
      milestones: p.milestone.jsonArray('m', 'milestone m WHERE m.action_id = a.id', 'm.due_date, m.created_at, m.id'),
    };
  }

  /** Locks the action and reads its aggregate, or null when there is no such action in the programme. */
  async lock(tx: WriteTransaction, key: LockKey): Promise<ActionAggregate | null> {
    const { lock, read } = this.statementsFor(key);
    const [row]: { aggregate: Record<string, unknown> | null }[] = await rowsOf(
      tx,
      'SELECT tiltak_lock_then_read($1, $2, $3, $4) AS aggregate',
      [lock, read, keyOf(key), tx.programmeId],
    );
    return row.aggregate ? this.toAggregate(row.aggregate) : null;
  }

  /** The lock and the read for one kind of key, written once: every write to an action starts here. */
  private statementsFor(key: LockKey): { lock: string; read: string } {
    const kind = Object.keys(key)[0];
    let statements = this.statements.get(kind);
    if (!statements) {
      const actionId = actionIdSql(key);
      const members = Object.entries(this.sql).map(([name, sql]) => `'${name}', ${sql}`);
      statements = {
        lock: `SELECT 1 FROM action a WHERE a.id = ${actionId} AND a.programme_id = $2 FOR UPDATE`,
        read: `SELECT json_build_object('action', ${this.action.json('a')}, ${members.join(', ')})
                 FROM action a WHERE a.id = ${actionId} AND a.programme_id = $2`,
      };
      this.statements.set(kind, statements);
    }
    return statements;
  }

  private toAggregate(json: Record<string, unknown>): ActionAggregate {
    const p = this.parts;
    const list = (name: string) => json[name] as Record<string, unknown>[];
    return {
      action: this.action.entity(json['action'] as Record<string, unknown>),
      participations: list('participations').map((row) => ({
        ...p.participation.entity(row),
        municipality: p.municipality.entity(row['municipality'] as Record<string, unknown>),
      })),
      involvements: list('involvements').map((row) => ({
        ...p.involvement.entity(row),
        party: p.party.entity(row['party'] as Record<string, unknown>),
      })),
      projectLeads: list('projectLeads').map((row) => p.projectLead.entity(row)),
      milestones: list('milestones').map((row) => p.milestone.entity(row)),
    } as ActionAggregate;
  }
}
