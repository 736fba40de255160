import type { CellValue, ColumnDefinition, ExchangeRow, ExchangeSheet } from './format';
import { type RawCell, convertCell, shorten } from './cells';
import { type HeaderMatch, columnLetter } from './headers';
import type { ProblemList } from './problem-list';

/**
 * Builds one sheet of the exchange format from a reader's rows and checks it: known columns, key
 * columns present, each cell of the column's type, required cells filled, no key twice. Read-only
 * sheets and columns are only checked for what makes a file untrustworthy (formulas, huge text).
 */
export class SheetCollector {
  private readonly rows: ExchangeRow[] = [];
  private readonly seen: Map<string, number>[];
  private readonly unknownReported = new Set<number>();
  /** False when a key column is missing: the rows cannot be matched, so they are not kept. */
  readonly usable: boolean;

  constructor(
    private readonly match: HeaderMatch,
    private readonly sheet: string,
    private readonly headers: (string | null)[],
    private readonly problems: ProblemList,
    private readonly fromCsv: boolean,
  ) {
    const { definition, columns } = match;
    const present = new Set(columns.filter((column) => column !== null).map((column) => column.field));
    headers.forEach((header, index) => {
      const column = columns[index];
      if (header !== null && column === null) problems.add('UNKNOWN_COLUMN', { sheet, row: 1, column: header });
      if (column && columns.indexOf(column) !== index)
        problems.add('UNKNOWN_COLUMN', { sheet, row: 1, column: header }, { variant: 'twice' });
    });
    const missing = (definition.keys[0] ?? []).filter((field) => !present.has(field));
    for (const field of missing) {
      const column = definition.columns.find((candidate) => candidate.field === field);
      problems.add('MISSING_COLUMN', { sheet, row: 1, column: column?.header[match.language] ?? field });
    }
    this.usable = missing.length === 0;
    this.seen = definition.keys.map(() => new Map());
  }

  /** `cells` by 0-based column index. Empty rows are skipped. */
  addRow(row: number, cells: RawCell[]): void {
    if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) return;
    const values: Record<string, CellValue> = {};
    // A row may end before its last columns (an empty cell is not stored): those are empty too.
    const width = Math.max(cells.length, this.match.columns.length);
    Array.from({ length: width }, (_, index) => cells[index] ?? null).forEach((raw, index) => {
      const column = this.match.columns[index];
      if (column) values[column.field] = this.cell(raw, column, row, index);
      else if (raw !== null && !this.unknownReported.has(index) && this.headers[index] == null) {
        this.unknownReported.add(index);
        this.problems.add('UNKNOWN_COLUMN', { sheet: this.sheet, row, column: columnLetter(index + 1) });
      }
    });
    if (!this.usable) return;
    this.checkKeys(row, values);
    this.rows.push({ row, cells: values });
  }

  finish(): ExchangeSheet {
    const columns = [...new Set(this.match.columns.filter((column) => column !== null).map((column) => column.field))];
    return { kind: this.match.definition.kind, rows: this.rows, columns };
  }

  private cell(raw: RawCell, column: ColumnDefinition, row: number, index: number): CellValue {
    const where = () => ({ sheet: this.sheet, row, column: this.headers[index] });
    const judged = !column.readOnly && !this.match.definition.readOnly;
    const converted = convertCell(raw, column, this.fromCsv);
    if ('problem' in converted) {
      if (judged || converted.problem === 'FORMULA' || converted.details.variant === 'length')
        this.problems.add(converted.problem, where(), converted.details);
      if (judged) return null;
      return typeof raw === 'string' || typeof raw === 'number' ? raw : null;
    }
    if (judged && column.required && converted.value === null) this.problems.add('REQUIRED', where());
    return converted.value;
  }

  private checkKeys(row: number, values: Record<string, CellValue>): void {
    this.match.definition.keys.forEach((fields, index) => {
      const parts = fields.map((field) => values[field]);
      if (parts.some((part) => part === null || part === undefined)) return;
      const shown = parts.map((part) => (part instanceof Date ? part.toISOString().slice(0, 10) : String(part)));
      const key = shown.map((part) => part.trim().toLowerCase()).join('\u0000');
      const first = this.seen[index].get(key);
      if (first === undefined) {
        this.seen[index].set(key, row);
        return;
      }
      const column = this.match.columns.find((candidate) => candidate?.field === fields[0]);
      this.problems.add(
        'DUPLICATE_KEY',
        { sheet: this.sheet, row, column: column ? this.headers[this.match.columns.indexOf(column)] : null },
        { value: shorten(shown.join(' + ')), otherRow: first },
      );
    });
  }
}
