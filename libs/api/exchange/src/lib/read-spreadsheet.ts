import type { ExchangeLanguage, ExchangeWorkbook } from './format';
import type { ImportProblem } from './problems';

export interface ReadResult {
  workbook: ExchangeWorkbook;
  problems: ImportProblem[];
}

/** Reads an .xlsx or CSV file into the exchange format, listing every problem found. */
export async function readSpreadsheet(filePath: string, language: ExchangeLanguage): Promise<ReadResult> {
  throw new Error(`not yet ${filePath} ${language}`);
}
