import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { actionIdOf } from '@tiltak/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, type Change, rowsOf, WriteTransaction } from './write-transaction';

export { type Actor, type Change, type ChangeOperation, WriteTransaction } from './write-transaction';

/** The PostgreSQL channel on which committed changes are announced; the payload is the last sequence number. */
export const CHANGE_CHANNEL = 'tiltak_change';

/**
 * Ends a write in one statement: refuses it when its programme period has ended (under a share
 * lock on the programme, so a period being ended waits for the writes already under way and refuses
 * those after), keeps the progress figures of the actions it touched in step
 * (`tiltak_refresh_action_figures`, under the actions' row locks the write already holds), then
 * appends its changes to the log and announces them. The events are numbered under a
 * transaction-scoped advisory lock taken just before commit, so sequence numbers follow commit
 * order and a reader of "everything after N" never skips a late commit; `pg_notify` is delivered
 * only if the transaction commits.
 */
const APPEND_CHANGES = `
  WITH period AS (SELECT tiltak_require_current_period($1)),
       figures AS (SELECT tiltak_refresh_action_figures($5::uuid[]) FROM period),
       locked AS (SELECT pg_advisory_xact_lock(hashtext('tiltak:change_event')) FROM figures),
       inserted AS (
         INSERT INTO change_event (programme_id, actor_name, actor_user_id, entity, entity_id, operation, before, after)
         SELECT $1, $2, $3, c.item->>'entity', c.item->>'entityId', c.item->>'operation', c.item->'before', c.item->'after'
           FROM locked, jsonb_array_elements($4::jsonb) WITH ORDINALITY AS c(item, n)
          ORDER BY c.n
         RETURNING seq)
  SELECT max(seq)::text AS seq, pg_notify('${CHANGE_CHANNEL}', max(seq)::text) FROM inserted`;

/** A batch under way: its transaction's manager, and who writes to which programme. */
interface Batch {
  manager: EntityManager;
  actor: Actor;
  programmeId: string;
}

/** Ends a batch that must not be kept: the writes ran, their effects are rolled back. */
class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super('batch rolled back');
  }
}

/** Runs a write as one transaction that ends by appending its change events. */
@Injectable()
export class ProgrammeWriter {
  private readonly batches = new AsyncLocalStorage<Batch>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * `repeatableRead` makes every read of the write see one moment, for a write that copies much of
   * the programme (a snapshot); ordinary writes lock what they derive from and need no more.
   * Inside a `batch` the write joins the batch's transaction as a savepoint, so it fails alone.
   */
  async write<T>(
    actor: Actor,
    programmeId: string,
    work: (tx: WriteTransaction) => Promise<T>,
    options: { repeatableRead?: boolean } = {},
  ): Promise<T> {
    const run = async (manager: EntityManager) => {
      const tx = new WriteTransaction(manager, actor, programmeId);
      const result = await work(tx);
      if (tx.changes.length > 0) await appendChangeEvents(tx);
      return result;
    };
    const batch = this.batches.getStore();
    if (batch) {
      // A batch is one person's work on one programme; anything else must not slip into it.
      if (batch.programmeId !== programmeId || batch.actor.userId !== actor.userId) {
        throw new Error('A batch holds the writes of its own actor and programme only');
      }
      return batch.manager.transaction(run);
    }
    // Naming READ COMMITTED would cost every write a SET TRANSACTION round trip: it is the default.
    return options.repeatableRead
      ? this.dataSource.transaction('REPEATABLE READ', run)
      : this.dataSource.transaction(run);
  }

  /**
   * Runs many ordinary writes as one transaction (an import): each `write` made while `work` runs
   * is a savepoint in it, with its own permissions, versions, history and change log, so a write
   * that fails rolls back alone and `work` may note it and go on. The whole commits only when
   * `commit` says so and `work` answers `keep: true`; otherwise it is rolled back, so a dry run is
   * the very same run as the real one. Its changes are announced when (and only if) it commits.
   */
  async batch<T>(
    actor: Actor,
    programmeId: string,
    work: () => Promise<{ result: T; keep: boolean }>,
    options: { commit: boolean },
  ): Promise<{ result: T; committed: boolean }> {
    if (this.batches.getStore()) throw new Error('Batches do not nest');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { result, keep } = await this.batches.run({ manager, actor, programmeId }, work);
        if (!options.commit || !keep) throw new RolledBack(result);
        return { result, committed: true };
      });
    } catch (error) {
      if (error instanceof RolledBack) return { result: error.result as T, committed: false };
      throw error;
    }
  }
}

/** Numbers and stores the transaction's change events, then announces them; call it last, just before commit. */
export async function appendChangeEvents(tx: WriteTransaction): Promise<void> {
  await rowsOf(tx, APPEND_CHANGES, [
    tx.programmeId,
    tx.actor.name,
    tx.actor.userId,
    JSON.stringify(tx.changes.map(asLogged)),
    actionsOf(tx.changes),
  ]);
}

/** The actions whose figures the changes may move, in id order (the refresh locks them in that order). */
function actionsOf(changes: Change[]): string[] {
  const ids = changes.map(actionIdOf);
  return [...new Set(ids.filter((id) => id !== null))].sort();
}

/** A plain JSON copy: dates as ISO strings, relations and undefined left out. */
function asLogged(change: Change) {
  return { ...change, before: plain(change.before), after: plain(change.after) };
}

function plain(value: object | null): Record<string, unknown> | null {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}
