/**
 * What the API's spreadsheet addresses (`/exchange/…`) and the dashboard's Import og eksport page
 * agree on: the kinds of sheet, their download names, and what a dry run or an import answers.
 */
export const SHEET_KINDS = [
  'ACTIONS',
  'MILESTONES',
  'INVOLVEMENTS',
  'PARTIES',
  'INDICATOR_VALUES',
  'INDICATORS',
  'FUNDING',
  'MATRIX',
] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** Used in download addresses (`/exchange/<slug>.csv`). */
export const SHEET_SLUGS: Record<SheetKind, string> = {
  ACTIONS: 'actions',
  MILESTONES: 'milestones',
  INVOLVEMENTS: 'involvements',
  PARTIES: 'parties',
  INDICATOR_VALUES: 'indicator-values',
  INDICATORS: 'indicators',
  FUNDING: 'funding',
  MATRIX: 'matrix',
};

export type ExchangeLanguage = 'nb' | 'en';

export type ImportProblemCode =
  | 'NOT_A_SPREADSHEET'
  | 'TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'UNKNOWN_SHEET'
  | 'UNKNOWN_COLUMN'
  | 'MISSING_COLUMN'
  | 'FORMULA'
  | 'MERGED_CELLS'
  | 'DATE_NOT_A_DATE'
  | 'NOT_A_NUMBER'
  | 'DUPLICATE_KEY'
  | 'REQUIRED'
  | 'INVALID_VALUE'
  // raised by the server, which knows the programme and the caller
  | 'UNKNOWN_REFERENCE'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'REFUSED';

export interface ImportProblem {
  /** The sheet's name as in the file (or the file's name for a CSV), null for the whole file. */
  sheet: string | null;
  row: number | null;
  /** The column's header as in the file. */
  column: string | null;
  code: ImportProblemCode;
  message: string;
}

export type ImportMode = 'DRY_RUN' | 'APPLY';

export interface SheetSummary {
  kind: SheetKind;
  name: string;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  readOnly: boolean;
}

/** A row of the file that changes something, field by field. */
export interface ImportChange {
  sheet: string;
  row: number;
  key: string;
  kind: 'CREATE' | 'UPDATE';
  fields: { column: string; before: string | null; after: string | null }[];
}

/** What an import answers: the same for a dry run and for applying, so the dry run shows what applying does. */
export interface ImportPlan {
  mode: ImportMode;
  /** True only when applied with no problems, and so committed. */
  applied: boolean;
  /** Of the planned changes: applying with `expect` set to a dry run's refuses a plan that came out otherwise. */
  fingerprint: string;
  sheets: SheetSummary[];
  changes: ImportChange[];
  problems: ImportProblem[];
}
