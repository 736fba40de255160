import { changeEventCount, editWorkbook, exchangeClient, rowWhere } from './exchange-support';
import { startTestApi, type TestApi } from '../testing/test-api';

/** The demo accounts (libs/api/data-access/src/demo/demo-accounts.ts), one of each role. */
const ACCOUNTS = [
  ['admin@tiltak.test', 'ADMIN'],
  ['sekretariat@tiltak.test', 'SECRETARIAT'],
  ['rad@tiltak.test', 'COUNCIL'],
  ['politiker@tiltak.test', 'ELECTED'],
  ['koordinator.nes@tiltak.test', 'COORDINATOR'],
  ['leder@tiltak.test', 'PROJECT_LEAD'],
];
const UPDATE_TITLE = 'mutation($input: UpdateActionInput!) { updateAction(input: $input) { version } }';

describe('imports that are refused', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_DOCUMENTS_PER_USER: '200' });
  });

  afterAll(async () => {
    await api?.close();
  });

  const client = async (email: string) => exchangeClient(api, await api.tokenFor(email));
  const action = async (code: string) =>
    (
      (await api.db.dataSource.query('SELECT id, title, version FROM action WHERE code = $1', [code])) as {
        id: string;
        title: string;
        version: number;
      }[]
    )[0]!;
  /** The code of an action that concerns this municipality alone. */
  const actionOnlyOf = async (slug: string) =>
    (
      (await api.db.dataSource.query(
        `SELECT a.code FROM action a JOIN participation p ON p.action_id = a.id JOIN municipality m ON m.id = p.municipality_id
          GROUP BY a.id HAVING array_agg(m.slug) = ARRAY[$1::varchar] ORDER BY a.code LIMIT 1`,
        [slug],
      )) as { code: string }[]
    )[0]!.code;
  const withTitles = (file: Buffer, titles: Record<string, string>) =>
    editWorkbook(file, (workbook) => {
      for (const [code, title] of Object.entries(titles))
        rowWhere(workbook, 'Tiltak', 'Kode', code).set('Tittel', title);
    });

  it('lists a row changed in Tiltak since the export as a conflict, and does not overwrite it', async () => {
    const admin = await client('admin@tiltak.test');
    const code = await actionOnlyOf('hurdal');
    const file = await withTitles((await admin.download('programme.xlsx')).body, { [code]: 'Endret i fila' });
    const { id, version } = await action(code);
    await api.data(UPDATE_TITLE, { input: { actionId: id, expectedVersion: version, title: 'Endret i Tiltak' } });
    const events = await changeEventCount(api);

    const { json } = await admin.upload(file, 'mode=apply&lang=en');

    expect(json.applied).toBe(false);
    expect(json.changes).toEqual([]);
    expect(json.problems).toEqual([
      {
        sheet: 'Actions',
        row: expect.any(Number),
        column: 'Version',
        code: 'CONFLICT',
        message:
          'The row was changed in Tiltak after the file was downloaded. Download a new file and make the change there.',
      },
    ]);
    expect((await action(code)).title).toBe('Endret i Tiltak');
    expect(await changeEventCount(api)).toBe(events);
  });

  it('refuses a coordinator’s import that touches another municipality, and writes none of it', async () => {
    const nes = await client('koordinator.nes@tiltak.test');
    const [own, other] = [await actionOnlyOf('nes'), await actionOnlyOf('eidsvoll')];
    const file = await withTitles((await nes.download('programme.xlsx')).body, {
      [own]: 'Nes sitt eget tiltak',
      [other]: 'Ikke Nes sitt tiltak',
    });
    const before = [await action(own), await action(other)];
    const events = await changeEventCount(api);

    const dryRun = await nes.upload(file, 'mode=dry-run&lang=nb');
    const applied = await nes.upload(file, 'mode=apply&lang=nb');

    for (const { json } of [dryRun, applied]) {
      expect(json.applied).toBe(false);
      expect(json.changes.map((c) => c.key).sort()).toEqual([own, other].sort());
      expect(json.problems).toEqual([
        expect.objectContaining({
          sheet: 'Tiltak',
          code: 'FORBIDDEN',
          message: 'Du har ikke lov til å gjøre denne endringen.',
        }),
      ]);
    }
    expect([await action(own), await action(other)]).toEqual(before);
    expect(await changeEventCount(api)).toBe(events);
  });

  it('refuses to apply a file whose plan is not the one its dry run showed', async () => {
    const admin = await client('admin@tiltak.test');
    const code = await actionOnlyOf('ullensaker');
    const file = await withTitles((await admin.download('programme.xlsx')).body, { [code]: 'Samme tittel' });
    const dryRun = await admin.upload(file, 'mode=dry-run&lang=nb');
    expect(dryRun.json.changes).toHaveLength(1);
    const { id, version } = await action(code);
    await api.data(UPDATE_TITLE, { input: { actionId: id, expectedVersion: version, title: 'Samme tittel' } });
    const events = await changeEventCount(api);

    const { json } = await admin.upload(file, `mode=apply&lang=nb&expect=${dryRun.json.fingerprint}`);

    expect(json.applied).toBe(false);
    expect(json.fingerprint).not.toBe(dryRun.json.fingerprint);
    expect(json.problems).toEqual([expect.objectContaining({ sheet: null, row: null, code: 'REFUSED' })]);
    expect(await changeEventCount(api)).toBe(events);
  });

  it('leaves the contact persons out of the export for a role that may not read personal data', async () => {
    const headers = async (email: string) =>
      (await (await client(email)).download('parties.csv', 'lang=nb&separator=semicolon')).body
        .toString('utf8')
        .split('\r\n')[0];

    expect(await headers('politiker@tiltak.test')).not.toMatch(/Kontaktperson|E-post/);
    expect(await headers('rad@tiltak.test')).toMatch(/Kontaktperson;E-post/);
  });

  it.each(ACCOUNTS)('lets %s (%s) export and import exactly as viewerCan says', async (email) => {
    const user = await client(email);
    const { viewerCan } = await (
      await api.as(email)
    ).data<{ viewerCan: { exportSpreadsheets: boolean; importSpreadsheets: boolean } }>(
      '{ viewerCan { exportSpreadsheets importSpreadsheets } }',
    );
    const download = await user.download('parties.csv');
    const upload = await user.upload(
      download.status === 200 ? download.body : Buffer.from('Navn\r\n'),
      'lang=nb',
      'text/csv',
    );

    expect(download.status).toBe(viewerCan.exportSpreadsheets ? 200 : 403);
    expect(upload.status).toBe(viewerCan.importSpreadsheets ? 200 : 403);
    expect(viewerCan.exportSpreadsheets).toBe(true);
  });

  it('answers a signed-out visitor 401', async () => {
    const response = await fetch(`${api.url}/exchange/programme.xlsx`);
    expect(response.status).toBe(401);
    const upload = await fetch(`${api.url}/exchange/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status).toBe(401);
  });
});
