import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

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

  // TRANSITIONAL: until every service writes through a repository.
  get manager(): EntityManager {
    return managerOf(this);
  }

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
