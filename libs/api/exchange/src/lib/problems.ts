import type { ExchangeLanguage } from './format';

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

/** What a message may mention; each code uses the details it needs. */
export interface ProblemDetails {
  sheet?: string;
  column?: string;
  /** The offending value as text (shortened by the caller). */
  value?: string;
  /** A limit: rows, bytes, characters, or the bounds of a number. */
  limit?: number;
  min?: number;
  max?: number;
  /** Another row involved (the first row with the same key). */
  otherRow?: number;
  /** Free text the server adds (for example the reason of a refusal). */
  reason?: string;
}

export function problemMessage(
  code: ImportProblemCode,
  language: ExchangeLanguage,
  details: ProblemDetails = {},
): string {
  throw new Error(`not yet: ${code} ${language} ${JSON.stringify(details)}`);
}
