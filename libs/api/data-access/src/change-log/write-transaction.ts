import type { EntityManager } from 'typeorm';

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

const managers = new WeakMap<WriteTransaction, EntityManager>();

/**
 * A write in progress: who makes it, in which programme, and the changes it will log. Services
 * hand it to repositories, which alone reach its database connection (`managerOf`, kept inside
 * this library), so the SQL of a write lives in the repositories and its rules in the services.
 */
export class WriteTransaction {
  readonly changes: Change[] = [];

  constructor(
    manager: EntityManager,
    readonly actor: Actor,
    readonly programmeId: string,
  ) {
    managers.set(this, manager);
  }

  record(change: Change): void {
    this.changes.push(change);
  }
}

/** The transaction's connection, for the repositories of this library only (not exported from its index). */
export function managerOf(tx: WriteTransaction): EntityManager {
  return managers.get(tx) as EntityManager;
}

/**
 * The rows a statement returned, whatever its kind: TypeORM answers a bare UPDATE or DELETE with
 * `[rows, count]` and everything else with the rows, so the repositories ask for the full result.
 */
export async function rowsOf<R = Record<string, unknown>>(
  tx: WriteTransaction,
  sql: string,
  parameters: unknown[],
): Promise<R[]> {
  const runner = managerOf(tx).queryRunner;
  if (!runner) throw new Error('A write transaction always has its own connection');
  const result = (await runner.query(sql, parameters, true)) as { records: R[] };
  return result.records;
}
