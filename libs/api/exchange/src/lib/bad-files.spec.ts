import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleWorkbook } from '../testing/sample-workbook';
import { type ExchangeLanguage, EXCHANGE_LIMITS } from './format';
import type { ImportProblem } from './problems';
import { readSpreadsheet } from './read-spreadsheet';
import { sheetDefinition } from './sheets';

let folder: string;
let files = 0;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'exchange-bad-files-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const path = (extension: string) => join(folder, `file-${++files}.${extension}`);
const where = ({ code, sheet, row, column }: ImportProblem) => ({ code, sheet, row, column });
const ACTION_HEADERS = sheetDefinition('ACTIONS').columns.map((column) => column.header.nb);

/** One action as a row of the bokmål sheet, in column order, with some cells replaced. */
function actionRow(replace: Record<string, unknown> = {}): unknown[] {
  const cells = { ...sampleWorkbook().sheets[0].rows[0].cells, ...replace };
  return sheetDefinition('ACTIONS').columns.map((column) => cells[column.field] ?? null);
}

/** An .xlsx made with exceljs's ordinary (not streaming) writer, as another program would make it. */
async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path('xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

function actionsSheet(workbook: ExcelJS.Workbook, rows: unknown[][], headers = ACTION_HEADERS): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Tiltak');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  for (const letter of ['F', 'G']) sheet.getColumn(letter).numFmt = 'yyyy-mm-dd';
  return sheet;
}

async function csv(text: string): Promise<string> {
  const file = path('csv');
  await writeFile(file, `\ufeff${text}`);
  return file;
}

async function problemsOf(file: string, language: ExchangeLanguage = 'nb') {
  return (await readSpreadsheet(file, language)).problems;
}

describe('a file that is not a spreadsheet', () => {
  it.each([
    ['a picture', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')],
    ['UTF-16 text', Buffer.from('\ufeffKode\tTittel\r\n', 'utf16le')],
    ['an empty file', Buffer.alloc(0)],
  ])('is refused: %s', async (_, bytes) => {
    const file = path('bin');
    await writeFile(file, bytes);

    const sut = await problemsOf(file, 'en');

    expect(sut).toEqual([
      {
        code: 'NOT_A_SPREADSHEET',
        sheet: null,
        row: null,
        column: null,
        message:
          'The file is not a spreadsheet Tiltak can read. Save it as an Excel workbook (.xlsx) or as CSV (UTF-8).',
      },
    ]);
  });

  it('is refused when it is a zip without a workbook', async () => {
    const workbook = await readFile(await xlsx((book) => actionsSheet(book, [actionRow()])));
    const file = path('zip');
    await writeFile(
      file,
      Buffer.from(workbook.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmx'), 'latin1'),
    );

    expect((await problemsOf(file)).map(where)).toEqual([
      { code: 'NOT_A_SPREADSHEET', sheet: null, row: null, column: null },
    ]);
  });
});

describe('a file that is too large', () => {
  it('is refused at 50 MB without being read', async () => {
    const file = path('csv');
    await writeFile(file, '');
    await truncate(file, EXCHANGE_LIMITS.maxBytes + 1);

    const sut = await problemsOf(file);

    expect(sut.map(where)).toEqual([{ code: 'TOO_LARGE', sheet: null, row: null, column: null }]);
    expect(sut[0].message).toBe('Fila er for stor. Den må være mindre enn 50 MB. Del den opp i flere filer.');
  });

  it('is refused when its zip says it unpacks to more than the limit', async () => {
    const bytes = await readFile(await xlsx((book) => actionsSheet(book, [actionRow()])));
    // The central directory's record of the shared strings is the name's last occurrence, 46 bytes in.
    const record = bytes.lastIndexOf('xl/sharedStrings.xml') - 46;
    bytes.writeUInt32LE(600 * 1024 * 1024, record + 24);
    const file = path('xlsx');
    await writeFile(file, bytes);

    expect((await problemsOf(file, 'en')).map((problem) => [problem.code, problem.message])).toEqual([
      ['TOO_LARGE', 'The workbook is too large when unpacked (at most 512 MB). Split it into several files.'],
    ]);
  });
});

describe('the row limit', () => {
  it('accepts 99,999 rows', async () => {
    const text = ['Kode;Tittel', ...Array.from({ length: 99_999 }, (_, index) => `T${index};Tiltak ${index}`)].join(
      '\r\n',
    );

    const sut = await readSpreadsheet(await csv(text), 'nb');

    expect(sut.problems).toEqual([]);
    expect(sut.workbook.sheets[0].rows).toHaveLength(99_999);
  });

  it('refuses 100,000 rows', async () => {
    const text = ['Kode;Tittel', ...Array.from({ length: 100_000 }, (_, index) => `T${index};Tiltak ${index}`)].join(
      '\r\n',
    );

    const sut = await problemsOf(await csv(text));

    expect(sut.map(where)).toEqual([{ code: 'TOO_MANY_ROWS', sheet: null, row: null, column: null }]);
    expect(sut[0].message).toBe(
      'Fila har for mange rader. Høyst 99\u00a0999 rader kan leses inn om gangen. Del den opp i flere filer.',
    );
  });
});

describe('sheets and columns', () => {
  it('refuses a sheet that is not in the format, and reads the others', async () => {
    const file = await xlsx((book) => {
      actionsSheet(book, [actionRow()]);
      book.addWorksheet('Ark1').addRow(['Hva som helst']);
    });

    const sut = await readSpreadsheet(file, 'nb');

    expect(sut.problems.map(where)).toEqual([{ code: 'UNKNOWN_SHEET', sheet: 'Ark1', row: null, column: null }]);
    expect(sut.workbook.sheets.map((sheet) => [sheet.kind, sheet.rows.length])).toEqual([['ACTIONS', 1]]);
  });

  it('refuses a CSV whose header row matches no sheet', async () => {
    const sut = await problemsOf(await csv('Navn,Farge\r\nEple,Rød\r\n'.replace('Navn', 'Frukt')), 'en');

    expect(sut.map(where)).toEqual([{ code: 'UNKNOWN_SHEET', sheet: null, row: 1, column: null }]);
  });

  it('refuses unknown columns, also headers in the other language', async () => {
    const headers = ACTION_HEADERS.map((header) => (header === 'Tittel' ? 'Title' : header));
    const file = await xlsx((book) => actionsSheet(book, [[...actionRow(), 'blå']], [...headers, 'Farge']));

    expect((await problemsOf(file)).map(where)).toEqual([
      { code: 'UNKNOWN_COLUMN', sheet: 'Tiltak', row: 1, column: 'Title' },
      { code: 'UNKNOWN_COLUMN', sheet: 'Tiltak', row: 1, column: 'Farge' },
    ]);
  });

  it('refuses a sheet without its key columns', async () => {
    const sut = await problemsOf(await csv('Tittel;Frist\r\nÅpning;2026-09-01\r\n'));

    expect(sut.map(where)).toEqual([{ code: 'MISSING_COLUMN', sheet: 'Milepæler', row: 1, column: 'Tiltak' }]);
  });
});

describe('cells', () => {
  it('refuses formulas, also shared ones', async () => {
    const file = await xlsx((book) => {
      const sheet = actionsSheet(book, [actionRow({ code: 'A' }), actionRow({ code: 'B' })]);
      sheet.getCell('H2').value = { formula: '1+2', result: 3 } as ExcelJS.CellFormulaValue;
      sheet.getCell('H3').value = { sharedFormula: 'H2', result: 3 } as ExcelJS.CellSharedFormulaValue;
    });

    const sut = await problemsOf(file);

    expect(sut.map(where)).toEqual([
      { code: 'FORMULA', sheet: 'Tiltak', row: 2, column: 'Vekt' },
      { code: 'FORMULA', sheet: 'Tiltak', row: 3, column: 'Vekt' },
    ]);
    expect(sut[0].message).toBe(
      'Cellen i kolonnen «Vekt» inneholder en formel. Erstatt formelen med verdien (lim inn som verdier).',
    );
  });

  it('refuses merged cells', async () => {
    const file = await xlsx((book) =>
      actionsSheet(book, [actionRow({ code: 'A' }), actionRow({ code: 'B' })]).mergeCells('B3:C3'),
    );

    const sut = await problemsOf(file, 'en');

    expect(sut.map(where)).toEqual([{ code: 'MERGED_CELLS', sheet: 'Tiltak', row: 3, column: 'Tittel' }]);
    expect(sut[0].message).toBe('The cells B3:C3 are merged. Unmerge them, so that every cell holds its own value.');
  });

  it('refuses a date column holding a number or a text instead of a date', async () => {
    const file = await xlsx((book) => {
      const sheet = actionsSheet(book, [actionRow({ startDate: '2025-03-31' })]);
      sheet.getCell('G2').value = 45_747;
      sheet.getCell('G2').numFmt = 'General';
    });

    const sut = await problemsOf(file);

    expect(sut.map(where)).toEqual([
      { code: 'DATE_NOT_A_DATE', sheet: 'Tiltak', row: 2, column: 'Startdato' },
      { code: 'DATE_NOT_A_DATE', sheet: 'Tiltak', row: 2, column: 'Frist' },
    ]);
    expect(sut[1].message).toBe(
      '«45747» i kolonnen «Frist» er ikke en dato. Formater cellen som dato (for eksempel 2025-03-31), eller skriv datoen som åååå-mm-dd i en CSV-fil.',
    );
  });

  it('reads CSV dates written as yyyy-mm-dd or dd.mm.yyyy, and refuses others', async () => {
    const file = await csv(
      'Tiltak;Tittel;Frist\r\nA;En;2026-09-01\r\nA;To;01.09.2026\r\nA;Tre;9/1/2026\r\nA;Fire;2026-02-30\r\n',
    );

    const sut = await readSpreadsheet(file, 'nb');

    expect(sut.problems.map(where)).toEqual([
      { code: 'DATE_NOT_A_DATE', sheet: 'Milepæler', row: 4, column: 'Frist' },
      { code: 'DATE_NOT_A_DATE', sheet: 'Milepæler', row: 5, column: 'Frist' },
    ]);
    expect(sut.workbook.sheets[0].rows.slice(0, 2).map((row) => row.cells['dueDate'])).toEqual([
      new Date('2026-09-01T00:00:00Z'),
      new Date('2026-09-01T00:00:00Z'),
    ]);
  });

  it('refuses numbers that are not numbers, or not whole where they must be', async () => {
    const file = await xlsx((book) =>
      actionsSheet(book, [actionRow({ code: 'A', weight: 'fem' }), actionRow({ code: 'B', weight: 2.5 })]),
    );

    const sut = await problemsOf(file, 'en');

    expect(sut.map((problem) => [problem.code, problem.row, problem.column, problem.message])).toEqual([
      [
        'NOT_A_NUMBER',
        2,
        'Vekt',
        '"fem" in the column "Vekt" is not a number. Write digits only, with a decimal point if needed.',
      ],
      [
        'NOT_A_NUMBER',
        3,
        'Vekt',
        '"2.5" in the column "Vekt" is not a whole number. Write a whole number without decimals.',
      ],
    ]);
  });

  it('reads CSV numbers with a decimal comma or point and grouped thousands', async () => {
    const file = await csv(
      'Indikator;Kommune;År;Verdi\r\nJobber;Nes;2025;12,5\r\nJobber;Eidsvoll;2025;"1 234.5"\r\nJobber;Hurdal;2025;-3\r\n',
    );

    const sut = await readSpreadsheet(file, 'nb');

    expect(sut.problems).toEqual([]);
    expect(sut.workbook.sheets[0].rows.map((row) => row.cells['value'])).toEqual([12.5, 1234.5, -3]);
  });

  it('refuses values outside their range and text longer than the limit', async () => {
    const long = 'x'.repeat(EXCHANGE_LIMITS.maxCellLength + 1);
    const file = await xlsx((book) => actionsSheet(book, [actionRow({ weight: 7, description: long })]));

    expect((await problemsOf(file)).map((problem) => [problem.code, problem.column, problem.message])).toEqual([
      [
        'INVALID_VALUE',
        'Beskrivelse',
        'Teksten i kolonnen «Beskrivelse» er for lang. Høyst 10\u00a0000 tegn er tillatt.',
      ],
      ['INVALID_VALUE', 'Vekt', '«7» i kolonnen «Vekt» må være mellom 1 og 5.'],
    ]);
  });

  it('refuses an empty required cell', async () => {
    const file = await xlsx((book) => actionsSheet(book, [actionRow({ title: '  ' })]));

    const sut = await problemsOf(file, 'en');

    expect(sut.map(where)).toEqual([{ code: 'REQUIRED', sheet: 'Tiltak', row: 2, column: 'Tittel' }]);
    expect(sut[0].message).toBe('The column "Tittel" must be filled in.');
  });

  it('refuses a key given twice in a sheet', async () => {
    const file = await csv(
      'Navn,Organisasjonsnummer,Type\r\nNes kommune,964950768,Kommune\r\nKlynge Øst,,Klynge\r\nNES KOMMUNE ,,Kommune\r\nNes IKS,964950768,Kommune\r\n',
    );

    const sut = await problemsOf(file);

    expect(sut.map((problem) => [problem.code, problem.row, problem.column, problem.message])).toEqual([
      [
        'DUPLICATE_KEY',
        4,
        'Navn',
        '«NES KOMMUNE » står også på rad 2. Hver rad må kunne kjennes igjen; fjern eller rett den ene.',
      ],
      [
        'DUPLICATE_KEY',
        5,
        'Organisasjonsnummer',
        '«964950768» står også på rad 2. Hver rad må kunne kjennes igjen; fjern eller rett den ene.',
      ],
    ]);
  });

  it('does not judge read-only columns and sheets, beyond formulas', async () => {
    const file = await xlsx((book) => {
      actionsSheet(book, [actionRow({ progress: 'mye', health: null })]);
      const funding = book.addWorksheet('Finansiering');
      funding.addRow(sheetDefinition('FUNDING').columns.map((column) => column.header.nb));
      funding.addRow(['A', 'Kommunalt', 'Nes', 'Søkt', 'neste år', { formula: '2*3', result: 6 }, null]);
    });

    const sut = await readSpreadsheet(file, 'nb');

    expect(sut.problems.map(where)).toEqual([{ code: 'FORMULA', sheet: 'Finansiering', row: 2, column: 'Beløp (kr)' }]);
    expect(sut.workbook.sheets[0].rows[0].cells['progress']).toBe('mye');
  });
});
