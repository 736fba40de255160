import type { Writable } from 'node:stream';
import type { ExchangeLanguage, ExchangeSheet } from './format';

export type CsvSeparator = ';' | ',';

/** Writes one sheet as CSV: UTF-8 with BOM, CRLF line ends, dates as yyyy-mm-dd. */
export async function writeSheetCsv(
  sheet: ExchangeSheet,
  language: ExchangeLanguage,
  separator: CsvSeparator,
  out: Writable,
): Promise<void> {
  throw new Error(`not yet ${sheet.kind} ${language} ${separator} ${String(out)}`);
}
