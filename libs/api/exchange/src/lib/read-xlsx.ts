import type ExcelJS from 'exceljs';
import type { ExchangeSheet, SheetKind } from './format';
import type { RawCell } from './cells';
import { columnLetter, kindOfSheetName, matchHeaders } from './headers';
import type { ProblemList, RowCounter } from './problem-list';
import { SheetCollector } from './sheet-collector';
import { UnpackedTooLarge, type WorksheetRows, XLSX_LIMITS, packagedWorksheets } from './xlsx-package';

/**
 * Reads an .xlsx one row at a time, so memory holds the rows kept (what the import needs) and the
 * shared strings, never the whole workbook model.
 */
export async function readXlsx(filePath: string, problems: ProblemList, counter: RowCounter): Promise<ExchangeSheet[]> {
  const sheets: ExchangeSheet[] = [];
  const kinds = new Set<SheetKind>();
  try {
    for await (const worksheet of packagedWorksheets(filePath)) {
      const kind = kindOfSheetName(worksheet.name);
      if (!kind || kinds.has(kind)) {
        problems.add('UNKNOWN_SHEET', { sheet: worksheet.name }, kind ? { variant: 'twice' } : {});
        continue;
      }
      kinds.add(kind);
      const sheet = await readWorksheet(worksheet.open(), worksheet.name, kind, problems, counter);
      if (!sheet) break;
      sheets.push(sheet);
    }
  } catch (error) {
    if (error instanceof UnpackedTooLarge)
      problems.add('TOO_LARGE', {}, { limit: XLSX_LIMITS.maxUnpackedBytes, variant: 'unpacked' });
    else problems.add('NOT_A_SPREADSHEET', {});
  }
  return sheets;
}

/** The sheet, or null when the file holds too many rows. */
async function readWorksheet(
  worksheet: WorksheetRows,
  sheet: string,
  kind: SheetKind,
  problems: ProblemList,
  counter: RowCounter,
): Promise<ExchangeSheet | null> {
  const merges: string[] = [];
  worksheet.iterator = findMerges(worksheet.iterator, (range) => merges.push(range));
  let collector: SheetCollector | null = null;
  let headers: (string | null)[] = [];
  for await (const row of worksheet) {
    const cells = rowCells(row);
    if (row.number === 1) {
      headers = cells.map((cell) => (cell === null || typeof cell === 'object' ? null : String(cell).trim() || null));
      continue;
    }
    collector ??= newCollector(kind, sheet, headers, problems);
    if (!counter.take()) return null;
    collector.addRow(row.number, cells);
  }
  collector ??= newCollector(kind, sheet, headers, problems);
  for (const range of merges) {
    const [, letters, digits] = /^([A-Z]+)(\d+)/.exec(range) ?? [];
    const index = headers.findIndex((_, at) => columnLetter(at + 1) === letters);
    problems.add('MERGED_CELLS', { sheet, row: Number(digits), column: headers[index] ?? letters }, { value: range });
  }
  return collector.finish();
}

function newCollector(
  kind: SheetKind,
  sheet: string,
  headers: (string | null)[],
  problems: ProblemList,
): SheetCollector {
  const match = matchHeaders(headers, [kind]);
  if (!match) throw new Error(`No columns for ${kind}`);
  return new SheetCollector(match, sheet, headers, problems, false);
}

function rowCells(row: ExcelJS.Row): RawCell[] {
  const cells: RawCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = rawCell(cell.value);
  });
  return Array.from(cells, (cell) => cell ?? null);
}

function rawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // A shared formula's later cells have an empty formula text, which exceljs does not type as a formula.
    if ('formula' in object || 'sharedFormula' in object)
      return { formula: String(object['formula'] || object['sharedFormula']) };
    if (Array.isArray(object['richText']))
      return (object['richText'] as { text?: string }[]).map((run) => run.text ?? '').join('');
    if ('error' in object) return { unreadable: String(object['error']) };
  }
  return { unreadable: String(value) };
}

/**
 * exceljs's streaming reader skips `<mergeCell>` elements, so the worksheet's XML is watched on its
 * way to the parser. Only the last 512 characters are kept between chunks (an element cut in two by a
 * chunk boundary is found in the next one), so memory stays bounded however large the sheet.
 */
async function* findMerges(
  source: AsyncIterable<Buffer | string>,
  found: (range: string) => void,
): AsyncIterable<Buffer | string> {
  const element = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;
  let tail = '';
  for await (const chunk of source) {
    const text = tail + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    for (const match of text.matchAll(element)) if (match.index + match[0].length > tail.length) found(match[1]);
    tail = text.slice(-512);
    yield chunk;
  }
}
