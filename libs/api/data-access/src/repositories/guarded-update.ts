import type { EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import type { WriteTransaction } from '../change-log/programme-writer';
import { managerOf } from './scope';

/** A row's changes by entity property; a function gives SQL, such as `() => 'token_version + 1'`. */
export type RowPatch<E> = QueryDeepPartialEntity<E>;

/**
 * `UPDATE … SET …, version = version + 1 WHERE <key> AND version = $expected RETURNING …`: the
 * lost-update guard that TypeORM's version column does not give. Returns the row as it is after the
 * change, hydrated as a find would (dates as 'YYYY-MM-DD', transformers applied, unselectable
 * columns left out), or null when the row was not at the expected version.
 */
export async function updateIfVersion<E extends ObjectLiteral>(
  tx: WriteTransaction,
  target: EntityTarget<E>,
  key: Partial<E>,
  expectedVersion: number,
  patch: RowPatch<E>,
): Promise<E | null> {
  const { metadata } = managerOf(tx).getRepository(target);
  const returned = metadata.columns.filter((column) => column.isSelect);
  const query = managerOf(tx)
    .createQueryBuilder()
    .update(target)
    .set({ ...patch, version: () => 'version + 1' })
    .where('version = :expectedVersion', { expectedVersion });
  for (const [property, value] of Object.entries(key)) {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    query.andWhere(`${column.databaseName} = :key_${property}`, { [`key_${property}`]: value });
  }
  const result = await query.returning(returned.map((column) => column.propertyPath)).execute();
  const [raw] = result.raw as Record<string, unknown>[];
  if (!raw) return null;
  const row = managerOf(tx).create(target);
  for (const column of returned) {
    column.setEntityValue(row, managerOf(tx).dataSource.driver.prepareHydratedValue(raw[column.databaseName], column));
  }
  return row;
}
