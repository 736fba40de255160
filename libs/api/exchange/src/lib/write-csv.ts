import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CellValue, ColumnDefinition, ExchangeLanguage, ExchangeSheet } from './format';
import { isoDate, sheetColumns } from './columns';

export type CsvSeparator = ';' | ',';

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula. Text cells starting
 * with one get a leading apostrophe, which the CSV reader takes off again, so the round trip holds.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Writes one sheet as CSV: UTF-8 with BOM, CRLF line ends, dates as yyyy-mm-dd. With `;` (what
 * Norwegian Excel expects) numbers get a decimal comma, as Norwegian Excel reads them.
 */
export async function writeSheetCsv(
  sheet: ExchangeSheet,
  language: ExchangeLanguage,
  separator: CsvSeparator,
  out: Writable,
): Promise<void> {
  const columns = sheetColumns(sheet);
  const decimalMark = separator === ';' ? ',' : '.';
  const stringifier = stringify({ delimiter: separator, record_delimiter: 'windows', bom: true });
  const done = pipeline(stringifier, out);
  stringifier.write(columns.map((column) => column.header[language]));
  for (const { cells } of sheet.rows) {
    const record = columns.map((column) => csvText(cells[column.field] ?? null, column, decimalMark));
    if (!stringifier.write(record)) await new Promise((resolve) => stringifier.once('drain', resolve));
  }
  stringifier.end();
  await done;
}

function csvText(value: CellValue, column: ColumnDefinition, decimalMark: string): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') return String(value).replace('.', decimalMark);
  if ((column.type === 'text' || column.type === 'list') && FORMULA_TRIGGER.test(value)) return `'${value}`;
  return value;
}
