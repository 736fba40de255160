import { changeEventCount, exchangeClient, XLSX } from './exchange-support';
import { startTestApi, type TestApi } from '../testing/test-api';

/** Every download and upload of these tests, and room to spare: the documents limit is per minute. */
const DOCUMENTS_PER_MINUTE = '200';
const SLUGS = ['actions', 'milestones', 'involvements', 'parties', 'indicator-values'];

describe('an untouched export imported again', () => {
  let api: TestApi;
  let admin: ReturnType<typeof exchangeClient>;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_DOCUMENTS_PER_USER: DOCUMENTS_PER_MINUTE });
    admin = exchangeClient(api, await api.tokenFor('admin@tiltak.test'));
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(['nb', 'en'])('changes nothing as an Excel workbook (%s)', async (lang) => {
    const file = await admin.download('programme.xlsx', `lang=${lang}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX);
    const before = await changeEventCount(api);

    const { status, json } = await admin.upload(file.body, `mode=apply&lang=${lang}`);

    expect(status).toBe(200);
    expect(json.problems).toEqual([]);
    expect(json.changes).toEqual([]);
    expect(json.applied).toBe(true);
    expect(json.sheets.map((s) => s.kind)).toEqual([
      'ACTIONS',
      'MILESTONES',
      'INVOLVEMENTS',
      'PARTIES',
      'INDICATOR_VALUES',
      'INDICATORS',
      'FUNDING',
      'MATRIX',
    ]);
    for (const sheet of json.sheets.filter((s) => !s.readOnly)) {
      expect(sheet.rows).toBeGreaterThan(0);
      expect(sheet).toMatchObject({ created: 0, changed: 0, unchanged: sheet.rows });
    }
    expect(await changeEventCount(api)).toBe(before);
  });

  it.each(SLUGS.flatMap((slug) => ['semicolon', 'comma'].map((separator) => [slug, separator])))(
    'changes nothing as the CSV file of %s (%s)',
    async (slug, separator) => {
      const file = await admin.download(`${slug}.csv`, `lang=nb&separator=${separator}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');

      const { status, json } = await admin.upload(file.body, 'mode=dry-run&lang=nb', 'text/csv');

      expect(status).toBe(200);
      expect(json.problems).toEqual([]);
      expect(json.changes).toEqual([]);
      expect(json.applied).toBe(false);
      expect(json.sheets).toHaveLength(1);
      expect(json.sheets[0]!.unchanged).toBe(json.sheets[0]!.rows);
      expect(json.sheets[0]!.rows).toBeGreaterThan(0);
    },
  );
});
