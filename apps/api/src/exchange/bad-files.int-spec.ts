import type ExcelJS from 'exceljs';
import {
  changeEventCount,
  editWorkbook,
  exchangeClient,
  firstRow,
  type ImportAnswer,
  rowWhere,
  uploadRaw,
} from './exchange-support';
import { startTestApi, type TestApi } from '../testing/test-api';

type Edit = (workbook: ExcelJS.Workbook, code: string) => void;

/** Each bad file also carries a good edit: a refused file writes nothing, not even that. */
const GOOD_TITLE = 'En endring som ikke skal skrives';

const BAD_FILES: [string, Edit, Partial<ImportAnswer['problems'][number]>][] = [
  [
    'an unknown sheet',
    (workbook) => workbook.addWorksheet('Budsjett').addRow(['Post', 'Beløp']),
    { code: 'UNKNOWN_SHEET', sheet: 'Budsjett' },
  ],
  [
    'an unknown column',
    (workbook) => {
      const sheet = workbook.getWorksheet('Tiltak')!;
      sheet.getRow(1).getCell(sheet.columnCount + 1).value = 'Farge';
    },
    { code: 'UNKNOWN_COLUMN', sheet: 'Tiltak', column: 'Farge' },
  ],
  [
    'a formula',
    (workbook, code) => rowWhere(workbook, 'Tiltak', 'Kode', code).set('Beskrivelse', { formula: 'B2&"!"' }),
    { code: 'FORMULA', sheet: 'Tiltak', row: 2, column: 'Beskrivelse' },
  ],
  [
    'merged cells',
    (workbook) => workbook.getWorksheet('Tiltak')!.mergeCells('C3:D3'),
    { code: 'MERGED_CELLS', sheet: 'Tiltak' },
  ],
  [
    'a date written as text',
    (workbook, code) => rowWhere(workbook, 'Tiltak', 'Kode', code).set('Frist', '31.12.2026'),
    { code: 'DATE_NOT_A_DATE', sheet: 'Tiltak', row: 2, column: 'Frist' },
  ],
  [
    'a date stored as a number',
    (workbook, code) => {
      const row = rowWhere(workbook, 'Tiltak', 'Kode', code);
      row.set('Frist', 46022);
      // The serial number Excel keeps a date as, shown as a plain number: no date any more.
      row.cell('Frist').numFmt = '0';
    },
    { code: 'DATE_NOT_A_DATE', sheet: 'Tiltak', row: 2, column: 'Frist' },
  ],
  [
    'a code twice',
    (workbook, code) => (workbook.getWorksheet('Tiltak')!.getRow(3).getCell(1).value = code),
    { code: 'DUPLICATE_KEY', sheet: 'Tiltak', row: 3, column: 'Kode' },
  ],
  [
    'an action of a focus area that does not exist',
    (workbook, code) => rowWhere(workbook, 'Tiltak', 'Kode', code).set('Innsatsområde', 'FINNES-IKKE'),
    { code: 'UNKNOWN_REFERENCE', sheet: 'Tiltak', row: 2, column: 'Innsatsområde' },
  ],
];

describe('a bad file', () => {
  let api: TestApi;
  let token: string;
  let admin: ReturnType<typeof exchangeClient>;
  let exported: Buffer;
  let code: string;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_DOCUMENTS_PER_USER: '200' });
    token = await api.tokenFor('admin@tiltak.test');
    admin = exchangeClient(api, token);
    exported = (await admin.download('programme.xlsx')).body;
    await editWorkbook(exported, (workbook) => (code = String(firstRow(workbook, 'Tiltak')['Kode'])));
  });

  afterAll(async () => {
    await api?.close();
  });

  const title = async () =>
    ((await api.db.dataSource.query('SELECT title FROM action WHERE code = $1', [code])) as { title: string }[])[0]!
      .title;

  it.each(BAD_FILES)('is refused with its problem and writes nothing: %s', async (name, edit, problem) => {
    const file = await editWorkbook(exported, (workbook) => {
      rowWhere(workbook, 'Tiltak', 'Kode', code).set('Tittel', `${GOOD_TITLE}: ${name}`);
      edit(workbook, code);
    });
    const events = await changeEventCount(api);

    const { status, json } = await admin.upload(file, 'mode=apply&lang=nb');

    expect(status).toBe(200);
    expect(json.applied).toBe(false);
    expect(json.problems).toContainEqual(expect.objectContaining({ ...problem, message: expect.stringMatching(/\S/) }));
    expect(await changeEventCount(api)).toBe(events);
    expect(await title()).not.toBe(`${GOOD_TITLE}: ${name}`);
  });

  it('is refused when it is not a spreadsheet at all', async () => {
    const events = await changeEventCount(api);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00]);

    const { status, json } = await admin.upload(png, 'mode=apply&lang=en', 'application/octet-stream');

    expect(status).toBe(200);
    expect(json.applied).toBe(false);
    expect(json.problems).toEqual([
      {
        sheet: null,
        row: null,
        column: null,
        code: 'NOT_A_SPREADSHEET',
        message:
          'The file is not a spreadsheet Tiltak can read. Save it as an Excel workbook (.xlsx) or as CSV (UTF-8).',
      },
    ]);
    expect(await changeEventCount(api)).toBe(events);
  });

  it('is refused at 100,000 rows', async () => {
    const lines = ['Kode;Tittel;Innsatsområde;Startdato;Frist'];
    for (let i = 0; i < 100_000; i++) lines.push(`RAD-${i};Rad ${i};LOG;2026-01-01;2026-12-31`);
    const events = await changeEventCount(api);

    const { json } = await admin.upload(Buffer.from(lines.join('\r\n')), 'mode=apply&lang=nb', 'text/csv');

    expect(json.applied).toBe(false);
    expect(json.problems).toEqual([expect.objectContaining({ code: 'TOO_MANY_ROWS', row: null })]);
    expect(json.changes).toEqual([]);
    expect(await changeEventCount(api)).toBe(events);
  });

  it('is refused at 50 MB with 413, before it is read', async () => {
    const events = await changeEventCount(api);

    const { status, body } = await uploadRaw(api.url, token, 50 * 1024 * 1024);

    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({
      errors: [
        {
          message: expect.stringContaining('50 MB'),
          extensions: { code: 'REQUEST_TOO_LARGE', limit: 50 * 1024 * 1024 - 1 },
        },
      ],
    });
    expect(await changeEventCount(api)).toBe(events);
  });
});
