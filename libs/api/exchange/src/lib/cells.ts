import type { CellValue, ColumnDefinition } from './format';
import { EXCHANGE_LIMITS } from './format';
import type { ImportProblemCode, ProblemDetails } from './problems';
import { isoDate } from './columns';
import { FORMULA_TRIGGER } from './write-csv';

/** A cell as a reader found it: .xlsx cells keep their type, CSV cells are always text. */
export type RawCell = string | number | Date | null | { formula: string } | { unreadable: string };

export type Converted = { value: CellValue } | { problem: ImportProblemCode; details: ProblemDetails };

/**
 * Turns a cell into the column's type. `fromCsv` because CSV holds only text: there a date is
 * `yyyy-mm-dd` (or `dd.mm.yyyy`, which Norwegian Excel writes when it saves a CSV), while in .xlsx a
 * date must be a real date cell.
 */
export function convertCell(raw: RawCell, column: ColumnDefinition, fromCsv: boolean): Converted {
  if (raw === null) return { value: null };
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    return 'formula' in raw
      ? { problem: 'FORMULA', details: { value: shorten(`=${raw.formula}`) } }
      : { problem: 'INVALID_VALUE', details: { value: shorten(raw.unreadable) } };
  }
  if (typeof raw === 'string') {
    if (raw.trim() === '') return { value: null };
    if (raw.length > EXCHANGE_LIMITS.maxCellLength)
      return { problem: 'INVALID_VALUE', details: { variant: 'length', limit: EXCHANGE_LIMITS.maxCellLength } };
  }
  switch (column.type) {
    case 'text':
    case 'list':
      return { value: asText(raw, fromCsv) };
    case 'date':
      return asDate(raw, fromCsv);
    case 'integer':
    case 'number':
      return asNumber(raw, column);
  }
}

function asText(raw: string | number | Date, fromCsv: boolean): string {
  if (raw instanceof Date) return isoDate(raw);
  if (typeof raw === 'number') return String(raw);
  return fromCsv && raw.startsWith("'") && FORMULA_TRIGGER.test(raw.slice(1)) ? raw.slice(1) : raw;
}

function asDate(raw: string | number | Date, fromCsv: boolean): Converted {
  if (raw instanceof Date)
    return { value: new Date(Date.UTC(raw.getUTCFullYear(), raw.getUTCMonth(), raw.getUTCDate())) };
  const date = fromCsv && typeof raw === 'string' ? parseDateText(raw.trim()) : null;
  return date ? { value: date } : { problem: 'DATE_NOT_A_DATE', details: { value: shorten(String(raw)) } };
}

function parseDateText(text: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : norwegian
      ? [norwegian[3], norwegian[2], norwegian[1]]
      : [];
  if (!year) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1 ? date : null;
}

function asNumber(raw: string | number | Date, column: ColumnDefinition): Converted {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumberText(raw) : null;
  const shown = shorten(raw instanceof Date ? isoDate(raw) : String(raw));
  if (value === null || !Number.isFinite(value)) return { problem: 'NOT_A_NUMBER', details: { value: shown } };
  if (column.type === 'integer' && !Number.isInteger(value))
    return { problem: 'NOT_A_NUMBER', details: { value: shown, variant: 'whole' } };
  if ((column.min !== undefined && value < column.min) || (column.max !== undefined && value > column.max))
    return { problem: 'INVALID_VALUE', details: { value: shown, min: column.min, max: column.max } };
  return { value };
}

/** Digits with `.` or `,` as decimal mark; spaces (also non-breaking) may group thousands. */
function parseNumberText(text: string): number | null {
  const compact = text
    .trim()
    .replace(/(?<=\d)[\s\u00a0\u202f](?=\d)/g, '')
    .replace('\u2212', '-');
  return /^[-+]?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : null;
}

/** Values quoted in messages stay short. */
export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
