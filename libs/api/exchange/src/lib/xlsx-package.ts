import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { type Readable, Transform, pipeline } from 'node:stream';

/**
 * Limits on what an .xlsx may unpack to: a 50 MB zip can hold gigabytes of XML. Worksheets are
 * streamed, but the shared strings are held in memory, so they get their own, smaller limit. The
 * sizes the zip declares are checked first, and the bytes actually unpacked are counted as they come.
 */
export const XLSX_LIMITS = {
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

export class UnpackedTooLarge extends Error {}
export class NotAWorkbook extends Error {}

interface ZipEntry {
  path: string;
  uncompressedSize: number;
  stream(): Readable;
}

/** exceljs's streaming reader, with the parts of it used here (it publishes no types for them). */
interface WorkbookParts {
  options: Record<string, string>;
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
}

/** A streaming worksheet reader; it parses the XML its iterator gives, and gives rows. */
export type WorksheetRows = AsyncIterable<ExcelJS.Row> & { iterator: AsyncIterable<Buffer | string> };

export interface PackagedWorksheet {
  name: string;
  /** Starts unpacking the sheet (a sheet not read is never unpacked). */
  open(): WorksheetRows;
}

// The zip library and worksheet reader exceljs itself uses (so no second copy is needed). exceljs's
// own WorkbookReader walks the zip as one stream and, on Node 20, stops early on workbooks whose
// sheets come before workbook.xml (exceljs issue #2790), which is how exceljs and Excel write them.
// Opening entries by the zip's central directory avoids that, and the temp files it writes meanwhile.
const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs/package.json'));
const unzipper = fromExceljs('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };
const WorksheetReader = fromExceljs('./lib/stream/xlsx/worksheet-reader.js') as new (options: object) => WorksheetRows;

/**
 * The worksheets of an .xlsx in workbook order, each ready to stream, after the workbook's
 * relationships, styles (a date cell is a number with a date format) and shared strings are read.
 */
export async function* packagedWorksheets(filePath: string): AsyncGenerator<PackagedWorksheet> {
  const files = await openZip(filePath);
  const entry = (path: string) => files.find((file) => file.path === path);
  const workbookEntry = entry('xl/workbook.xml');
  if (!workbookEntry) throw new NotAWorkbook();
  const declared = files.reduce((sum, file) => sum + file.uncompressedSize, 0);
  if (files.length > XLSX_LIMITS.maxEntries || declared > XLSX_LIMITS.maxUnpackedBytes) throw new UnpackedTooLarge();
  if ((entry('xl/sharedStrings.xml')?.uncompressedSize ?? 0) > XLSX_LIMITS.maxSharedStringsBytes)
    throw new UnpackedTooLarge();

  const counter = new UnpackedCounter();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookParts;
  const open = (file: ZipEntry | undefined, limit = XLSX_LIMITS.maxUnpackedBytes) =>
    file && counter.count(file.stream(), limit);
  const rels = open(entry('xl/_rels/workbook.xml.rels'));
  if (rels) await workbook._parseRels(rels);
  await workbook._parseWorkbook(open(workbookEntry) as Readable);
  const styles = open(entry('xl/styles.xml'));
  if (styles) await workbook._parseStyles(styles);
  const strings = open(entry('xl/sharedStrings.xml'), XLSX_LIMITS.maxSharedStringsBytes);
  // With 'cache' this yields nothing; it fills the workbook's shared strings.
  if (strings) {
    const parsing = workbook._parseSharedStrings(strings)[Symbol.asyncIterator]();
    while (!(await parsing.next()).done);
  }

  for (const sheet of workbook.model?.sheets ?? []) {
    const target = workbook.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const file = entry(path);
    if (!file) continue;
    yield {
      name: sheet.name,
      open: () => new WorksheetReader({ workbook, id: sheet.id, iterator: open(file), options: workbook.options }),
    };
  }
}

async function openZip(filePath: string): Promise<ZipEntry[]> {
  try {
    return (await unzipper.Open.file(filePath)).files;
  } catch {
    throw new NotAWorkbook();
  }
}

/** Counts the bytes unpacked from the whole file and from one entry, and stops at the limits. */
class UnpackedCounter {
  private total = 0;

  count(source: Readable, limit: number): Readable {
    let entry = 0;
    const counted = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        entry += chunk.length;
        this.total += chunk.length;
        if (entry > limit || this.total > XLSX_LIMITS.maxUnpackedBytes) done(new UnpackedTooLarge());
        else done(null, chunk);
      },
    });
    // pipeline, not pipe: a reader that stops early destroys `counted`, and so the file stream too.
    return pipeline(source, counted, () => undefined);
  }
}
