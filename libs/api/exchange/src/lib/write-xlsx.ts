import type { Writable } from 'node:stream';
import type { ExchangeLanguage, ExchangeWorkbook } from './format';

/** Streams the workbook as .xlsx: one sheet per kind, bold frozen headers, real dates and numbers. */
export async function writeWorkbookXlsx(
  workbook: ExchangeWorkbook,
  language: ExchangeLanguage,
  out: Writable,
): Promise<void> {
  throw new Error(`not yet ${workbook.sheets.length} ${language} ${String(out)}`);
}
