import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ExchangeLanguage, type ExchangeSheet, EXCHANGE_LIMITS } from './format';
import { SHEETS } from './sheets';
import { matchHeaders } from './headers';
import type { ProblemList, RowCounter } from './problem-list';
import { SheetCollector } from './sheet-collector';

/** Thrown for bytes that are not UTF-8 text: the file is then not a CSV Tiltak reads. */
class NotText extends Error {}

/**
 * Reads a CSV file (UTF-8, BOM optional) as one sheet, recognised by its header row. The separator
 * is `;` or `,`, whichever the header row holds more of outside quotes. Streamed: csv-parse holds one
 * record at a time, and a record may hold at most maxRecordSize characters.
 */
export async function readCsv(
  filePath: string,
  language: ExchangeLanguage,
  problems: ProblemList,
  counter: RowCounter,
): Promise<ExchangeSheet[]> {
  const chunks = utf8Text(filePath);
  const first = await firstLine(chunks);
  if (first.text.trim() === '') {
    problems.add('NOT_A_SPREADSHEET', {});
    return [];
  }
  const parser = parse({
    delimiter: separatorOf(first.line),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    // Empty lines are rows too when a spreadsheet opens the file, so they count (the collector skips them).
    info: true,
    max_record_size: 20 * EXCHANGE_LIMITS.maxCellLength,
  });
  const feeding = pipeline(Readable.from(prepend(first.text, chunks)), parser);
  // Stopping early (a refused header row, too many rows) closes the parser under the feed.
  feeding.catch(() => undefined);
  let collector: SheetCollector | null = null;
  let headers: (string | null)[] = [];
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      row = info.records;
      if (row === 1) {
        headers = record.map((header) => header.trim() || null);
        const match = matchHeaders(
          headers,
          SHEETS.map((sheet) => sheet.kind),
        );
        if (!match) {
          problems.add('UNKNOWN_SHEET', { row: 1 }, { variant: 'headers' });
          return [];
        }
        collector = new SheetCollector(match, match.definition.name[language], headers, problems, true);
        continue;
      }
      if (!counter.take()) return [];
      collector?.addRow(row, record);
    }
    await feeding;
  } catch (error) {
    problems.add('NOT_A_SPREADSHEET', { row: error instanceof NotText ? null : row + 1 });
  } finally {
    parser.destroy();
  }
  return collector ? [collector.finish()] : [];
}

async function* utf8Text(filePath: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new NotText();
    }
    // Control characters other than tab and line ends mean a binary file that happens to decode.
    if (/[^\P{Cc}\t\n\r]/u.test(text)) throw new NotText();
    yield text;
  }
  yield decoder.decode();
}

/** Text up to and including the first line end (or the first 64 KB of a file without one). */
async function firstLine(chunks: AsyncGenerator<string>): Promise<{ text: string; line: string }> {
  let text = '';
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      text += next.value;
      const end = text.search(/[\r\n]/);
      if (end >= 0 || text.length > 65_536) return { text, line: end >= 0 ? text.slice(0, end) : text };
    }
  } catch {
    return { text: '', line: '' };
  }
  return { text, line: text };
}

async function* prepend(first: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}

function separatorOf(header: string): ';' | ',' {
  const outsideQuotes = header.replace(/"[^"]*"/g, '');
  const count = (mark: string) => outsideQuotes.split(mark).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
