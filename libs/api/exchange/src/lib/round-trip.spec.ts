import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleSheet, sampleWorkbook, writeToFile } from '../testing/sample-workbook';
import type { ExchangeLanguage } from './format';
import { readSpreadsheet } from './read-spreadsheet';
import { SHEETS } from './sheets';
import type { CsvSeparator } from './write-csv';
import { writeSheetCsv } from './write-csv';
import { writeWorkbookXlsx } from './write-xlsx';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'exchange-round-trip-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.each<ExchangeLanguage>(['nb', 'en'])('a workbook written in %s', (language) => {
  it('reads back as .xlsx exactly as written, without problems', async () => {
    const path = join(folder, `programme-${language}.xlsx`);
    const sut = sampleWorkbook();
    await writeToFile(path, (out) => writeWorkbookXlsx(sut, language, out));

    const read = await readSpreadsheet(path, language === 'nb' ? 'en' : 'nb');

    expect(read.problems).toEqual([]);
    expect(read.workbook).toEqual(sut);
  });

  it.each<CsvSeparator>([';', ','])('reads back sheet by sheet as CSV separated by "%s"', async (separator) => {
    for (const { kind } of SHEETS) {
      const path = join(folder, `${kind}-${language}-${separator === ';' ? 'semicolon' : 'comma'}.csv`);
      const sut = sampleSheet(kind);
      await writeToFile(path, (out) => writeSheetCsv(sut, language, separator, out));

      const read = await readSpreadsheet(path, language);

      expect(read.problems).toEqual([]);
      expect(read.workbook).toEqual({ sheets: [sut] });
    }
  });
});

describe('the .xlsx export', () => {
  it('has bold frozen headers, real dates and numbers, and the sheet names of its language', async () => {
    const path = join(folder, 'look.xlsx');
    await writeToFile(path, (out) => writeWorkbookXlsx(sampleWorkbook(), 'en', out));

    const sut = new ExcelJS.Workbook();
    await sut.xlsx.readFile(path);

    expect(sut.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS.map((sheet) => sheet.name.en));
    const actions = sut.getWorksheet('Actions');
    expect(actions?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(actions?.getCell('A1').value).toBe('Code');
    expect(actions?.getCell('A1').font?.bold).toBe(true);
    expect(actions?.getCell('F2').value).toEqual(new Date('2025-01-02T00:00:00Z'));
    expect(actions?.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    expect(actions?.getCell('H2').value).toBe(3);
    expect(actions?.getCell('M2').value).toBe(1_500_000);
    expect(actions?.getColumn('B').width).toBe(40);
  });
});

describe('the CSV export', () => {
  it('starts with a BOM, ends lines with CRLF and writes decimal commas when separated by semicolons', async () => {
    const path = join(folder, 'values.csv');
    await writeToFile(path, (out) => writeSheetCsv(sampleSheet('INDICATOR_VALUES'), 'nb', ';', out));

    const sut = await readFile(path);

    expect([...sut.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sut.toString('utf8').slice(1).split('\r\n')).toEqual([
      'Indikator;Innsatsområde;Enhet;Kommune;År;Verdi;Versjon',
      'Nye arbeidsplasser;NÆR;antall;Nes;2025;12,5;1',
      'Nye arbeidsplasser;NÆR;antall;Eidsvoll;2025;-3,25;2',
      '',
    ]);
  });

  it('guards text that a spreadsheet would run as a formula', async () => {
    const path = join(folder, 'actions.csv');
    await writeToFile(path, (out) => writeSheetCsv(sampleSheet('ACTIONS'), 'en', ',', out));

    const sut = await readFile(path, 'utf8');

    expect(sut).toContain(`"'=HYPERLINK(""x"") er bare tekst"`);
    expect(sut).toContain(`,'-12,`);
  });
});
