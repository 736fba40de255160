import { open } from 'node:fs/promises';
import { EXCHANGE_LIMITS, type ExchangeLanguage, type ExchangeWorkbook } from './format';
import type { ImportProblem } from './problems';
import { ProblemList, RowCounter } from './problem-list';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export interface ReadResult {
  workbook: ExchangeWorkbook;
  problems: ImportProblem[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads an .xlsx (known by the zip signature) or a CSV file into the exchange format, listing every
 * problem found, with messages in `language`. Rows are kept even when problems are found, so the
 * server can show them all in one go; a file with problems must not be applied.
 */
export async function readSpreadsheet(filePath: string, language: ExchangeLanguage): Promise<ReadResult> {
  const problems = new ProblemList(language);
  const counter = new RowCounter(problems);
  const file = await open(filePath, 'r');
  let kind: 'xlsx' | 'csv' | null;
  try {
    kind = await fileKind(file, problems);
  } finally {
    await file.close();
  }
  const sheets =
    kind === 'xlsx'
      ? await readXlsx(filePath, problems, counter)
      : kind === 'csv'
        ? await readCsv(filePath, language, problems, counter)
        : [];
  return { workbook: { sheets }, problems: problems.items };
}

async function fileKind(file: Awaited<ReturnType<typeof open>>, problems: ProblemList): Promise<'xlsx' | 'csv' | null> {
  const { size } = await file.stat();
  if (size > EXCHANGE_LIMITS.maxBytes) {
    problems.add('TOO_LARGE', {}, { limit: EXCHANGE_LIMITS.maxBytes + 1 });
    return null;
  }
  const magic = Buffer.alloc(4);
  await file.read(magic, 0, 4, 0);
  return magic.equals(ZIP_MAGIC) ? 'xlsx' : 'csv';
}
