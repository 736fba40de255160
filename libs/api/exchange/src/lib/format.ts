/**
 * The exchange format: one sheet per kind of thing, the same for export and import, so that an
 * untouched export imports with zero changes. Headers exist in bokmål and English; cells are keyed
 * by field name so the server never depends on the header language.
 */
import type { ExchangeLanguage, SheetKind } from '@tiltak/domain';

export { type ExchangeLanguage, SHEET_SLUGS, type SheetKind } from '@tiltak/domain';

export const EXCHANGE_LANGUAGES: readonly ExchangeLanguage[] = ['nb', 'en'];

/** Date = a calendar date at UTC midnight. */
export type CellValue = string | number | Date | null;

export interface ExchangeRow {
  /** 1-based row in the sheet (the header is row 1). */
  row: number;
  /** Keyed by field name. */
  cells: Record<string, CellValue>;
}

export interface ExchangeSheet {
  kind: SheetKind;
  rows: ExchangeRow[];
  /** The fields present, in sheet order. */
  columns: string[];
}

export interface ExchangeWorkbook {
  sheets: ExchangeSheet[];
}

/**
 * - text: a string (a number typed into it is read as its digits, so "123456789" survives Excel)
 * - list: a string whose items are separated by `; ` (kept as the text; the server splits it)
 * - date: a real date cell in .xlsx, `yyyy-mm-dd` in CSV
 * - integer / number: a number cell in .xlsx; in CSV, digits with `.` or `,` as decimal mark
 */
export type ColumnType = 'text' | 'list' | 'date' | 'integer' | 'number';

export interface ColumnDefinition {
  field: string;
  header: Record<ExchangeLanguage, string>;
  type: ColumnType;
  /** Exported and recognised on import, but never written and never judged. */
  readOnly?: boolean;
  /** Must hold a value on every row. */
  required?: boolean;
  /** Smallest and largest accepted value (integer and number columns). */
  min?: number;
  max?: number;
  /** Column width in characters in .xlsx. */
  width?: number;
}

export interface SheetDefinition {
  kind: SheetKind;
  name: Record<ExchangeLanguage, string>;
  /** Exported for reading; recognised on import and left alone. */
  readOnly: boolean;
  columns: ColumnDefinition[];
  /**
   * Each entry is one set of fields that identifies a row; no two rows of a sheet may share one
   * (rows where one of the set's fields is empty are not compared). The first set's fields must be
   * present as columns.
   */
  keys: string[][];
}

export const EXCHANGE_LIMITS = {
  /** 50 MB is refused. */
  maxBytes: 50 * 1024 * 1024 - 1,
  /** Rows in all sheets together, headers not counted; 100,000 is refused. */
  maxRows: 99_999,
  maxCellLength: 10_000,
} as const;
