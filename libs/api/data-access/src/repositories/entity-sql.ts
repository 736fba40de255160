import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * SQL pieces made from an entity's TypeORM metadata, for the statements that read or write a whole
 * aggregate at once (`UPDATE … RETURNING`, rows nested as JSON), so that hand-written SQL still
 * yields entity-shaped objects: properties by their names, dates as `YYYY-MM-DD`, timestamps as Date.
 */
export class EntitySql<E extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];

  constructor(dataSource: DataSource, target: EntityTarget<E>) {
    const metadata = dataSource.getMetadata(target);
    const relations = new Set(metadata.relations.map((r) => r.propertyName));
    // Hidden columns (a password hash) never leave the database this way.
    this.columns = metadata.columns.filter((c) => !relations.has(c.propertyName) && c.isSelect);
    this.table = metadata.tableName;
  }

  readonly table: string;

  /** `alias."due_date"::text AS "dueDate", …` for a RETURNING or SELECT list. */
  selectList(alias?: string): string {
    return this.columns.map((c) => `${this.value(c, alias)} AS "${c.propertyName}"`).join(', ');
  }

  /** `json_build_object('dueDate', alias."due_date"::text, …)`, with extra members such as nested rows. */
  json(alias: string, extra: Record<string, string> = {}): string {
    const members = [
      ...this.columns.map((c) => `'${c.propertyName}', ${this.value(c, alias)}`),
      ...Object.entries(extra).map(([name, sql]) => `'${name}', ${sql}`),
    ];
    return `json_build_object(${members.join(', ')})`;
  }

  /** The rows of `from` (a FROM clause with `alias`) as a JSON array, in `order`. */
  jsonArray(alias: string, from: string, order: string, extra: Record<string, string> = {}): string {
    return `(SELECT coalesce(json_agg(${this.json(alias, extra)} ORDER BY ${order}), '[]'::json) FROM ${from})`;
  }

  /** An entity from a row of `selectList` or an object of `json`: timestamps become Date again, bigints numbers. */
  entity(row: Record<string, unknown>): E {
    const entity: Record<string, unknown> = { ...row };
    for (const column of this.columns) {
      const value = entity[column.propertyName];
      if (column.type === 'timestamptz' && typeof value === 'string') entity[column.propertyName] = new Date(value);
      // A bigint comes as text from a row and as a number from JSON: the column's transformer makes it one thing.
      if (column.type === 'bigint' && value != null && column.transformer && !Array.isArray(column.transformer)) {
        entity[column.propertyName] = column.transformer.from(String(value));
      }
    }
    return entity as E;
  }

  /** `"column" = $n` assignments for a patch of properties, numbering its values from `first`. */
  assignments(patch: Partial<E>, first: number): { sql: string[]; values: unknown[] } {
    const sql: string[] = [];
    const values: unknown[] = [];
    for (const [property, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const column = this.columns.find((c) => c.propertyName === property);
      if (!column) throw new Error(`${this.table} has no column for ${property}`);
      values.push(value);
      sql.push(`"${column.databaseName}" = $${first + values.length - 1}`);
    }
    return { sql, values };
  }

  private value(column: ColumnMetadata, alias?: string): string {
    const ref = alias ? `${alias}."${column.databaseName}"` : `"${column.databaseName}"`;
    // node-postgres would turn a date into a Date at local midnight; entities keep the calendar date.
    return column.type === 'date' ? `${ref}::text` : ref;
  }
}
