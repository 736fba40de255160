import { Injectable } from '@nestjs/common';
import { actionIdOf, type ChangeEventRecord } from '@tiltak/domain';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { ChangeEventEntity } from '../entities';

/** Who made a change, as the change log and the history show it. */
export interface Actor {
  name: string;
  userId: string | null;
}

export type ChangeOperation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface Change {
  entity: string;
  entityId: string;
  operation: ChangeOperation;
  before: object | null;
  after: object | null;
}

/** The PostgreSQL channel on which committed changes are announced; the payload is the last sequence number. */
export const CHANGE_CHANNEL = 'tiltak_change';

/** A write in progress: the transaction's entity manager and the changes it will log. */
export class WriteTransaction {
  readonly changes: Change[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
    readonly programmeId: string,
  ) {}

  record(change: Change): void {
    this.changes.push(change);
  }

  /**
   * `UPDATE … SET … , version = version + 1 WHERE id AND version = expected`: the lost-update guard
   * that TypeORM's version column does not give. Returns false when the row was not at that version.
   */
  async updateIfVersion<E extends ObjectLiteral>(
    target: EntityTarget<E>,
    key: Record<string, string>,
    expectedVersion: number,
    patch: Record<string, unknown>,
  ): Promise<boolean> {
    const update = this.manager.createQueryBuilder().update(target);
    const query = update
      .set({ ...patch, version: () => 'version + 1' } as Parameters<typeof update.set>[0])
      .where('version = :expectedVersion', { expectedVersion });
    for (const [column, value] of Object.entries(key)) {
      query.andWhere(`${column} = :${column}`, { [column]: value });
    }
    const result = await query.execute();
    return result.affected === 1;
  }
}

/**
 * Runs a write as one transaction that also appends its change events. The events are numbered
 * under a transaction-scoped advisory lock taken just before commit, so sequence numbers follow
 * commit order and a reader of "everything after N" never skips a late commit. `pg_notify` is
 * delivered only if the transaction commits.
 */
@Injectable()
export class ProgrammeWriter {
  constructor(private readonly dataSource: DataSource) {}

  async write<T>(actor: Actor, programmeId: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const tx = new WriteTransaction(manager, actor, programmeId);
      const result = await work(tx);
      if (tx.changes.length > 0) await appendChangeEvents(tx);
      return result;
    });
  }
}

/** Numbers and stores the transaction's change events, then announces them; call it last, just before commit. */
export async function appendChangeEvents(tx: WriteTransaction): Promise<void> {
  // Keeps the kept progress figures of the actions this write touched (a stand-in until the write
  // path refreshes them in its own final statement).
  const actionIds = [
    ...new Set(
      tx.changes.map((change) => actionIdOf(change as unknown as ChangeEventRecord)).filter((id) => id !== null),
    ),
  ].sort();
  if (actionIds.length > 0) await tx.manager.query('SELECT tiltak_refresh_action_figures($1::uuid[])', [actionIds]);
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('tiltak:change_event'))`);
  const rows = tx.changes.map((change) => ({
    programmeId: tx.programmeId,
    actorName: tx.actor.name,
    actorUserId: tx.actor.userId,
    entity: change.entity,
    entityId: change.entityId,
    operation: change.operation,
    before: asJson(change.before),
    after: asJson(change.after),
  }));
  const inserted = await tx.manager.insert(ChangeEventEntity, rows);
  const lastSeq = (inserted.identifiers.at(-1) as { seq: string }).seq;
  await tx.manager.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, String(lastSeq)]);
}

/** A plain JSON copy: dates as ISO strings, relations and undefined left out. */
function asJson(value: object | null): Record<string, unknown> | null {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}
