import ExcelJS from 'exceljs';
import { appendRow, changeEventCount, editWorkbook, exchangeClient, firstRow, rowWhere } from './exchange-support';
import { startTestApi, type TestApi } from '../testing/test-api';

const NEW_PARTY = 'Regnearkfabrikken AS';
const NEW_PARTY_NUMBER = '974760673';

describe('an edited export imported again', () => {
  let api: TestApi;
  let admin: ReturnType<typeof exchangeClient>;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_DOCUMENTS_PER_USER: '200' });
    admin = exchangeClient(api, await api.tokenFor('admin@tiltak.test'));
  });

  afterAll(async () => {
    await api?.close();
  });

  const actionRow = async (code: string) => {
    const [row] = (await api.db.dataSource.query('SELECT id, title, status, version FROM action WHERE code = $1', [
      code,
    ])) as { id: string; title: string; status: string; version: number }[];
    return row!;
  };

  it('shows exactly its edits in a dry run, then applies exactly those as ordinary writes', async () => {
    const exported = await admin.download('programme.xlsx');
    let code = '';
    let milestone = { action: '', title: '', weight: 0 };
    const edited = await editWorkbook(exported.body, (workbook: ExcelJS.Workbook) => {
      code = String(firstRow(workbook, 'Tiltak')['Kode']);
      const action = rowWhere(workbook, 'Tiltak', 'Kode', code);
      action.set('Tittel', 'Ny tittel fra regnearket');
      action.set('Status', action.get('Status') === 'På vent' ? 'Pågår' : 'På vent');
      const first = firstRow(workbook, 'Milepæler');
      milestone = { action: String(first['Tiltak']), title: String(first['Tittel']), weight: Number(first['Vekt']) };
      const row = workbook.getWorksheet('Milepæler')!.getRow(2);
      const headers = workbook.getWorksheet('Milepæler')!.getRow(1).values as unknown[];
      row.getCell(headers.indexOf('Vekt')).value = milestone.weight === 1 ? 2 : 1;
      appendRow(workbook, 'Aktører', {
        Navn: NEW_PARTY,
        Organisasjonsnummer: NEW_PARTY_NUMBER,
        Type: 'Næringsliv',
      });
      appendRow(workbook, 'Hvem gjør hva', { Tiltak: code, Aktør: NEW_PARTY, Rolle: 'Partner', Nivå: 'Operativt' });
    });
    const before = await actionRow(code);
    const eventsBefore = await changeEventCount(api);

    const dryRun = await admin.upload(edited, 'mode=dry-run&lang=nb');

    expect(dryRun.status).toBe(200);
    expect(dryRun.json.problems).toEqual([]);
    expect(dryRun.json.applied).toBe(false);
    // In the order of the workbook's sheets and rows.
    expect(dryRun.json.changes).toEqual([
      {
        sheet: 'Tiltak',
        row: 2,
        key: code,
        kind: 'UPDATE',
        fields: [
          { column: 'Tittel', before: before.title, after: 'Ny tittel fra regnearket' },
          { column: 'Status', before: expect.any(String), after: expect.stringMatching(/^(På vent|Pågår)$/) },
        ],
      },
      {
        sheet: 'Milepæler',
        row: 2,
        key: `${milestone.action} / ${milestone.title}`,
        kind: 'UPDATE',
        fields: [{ column: 'Vekt', before: String(milestone.weight), after: milestone.weight === 1 ? '2' : '1' }],
      },
      {
        sheet: 'Hvem gjør hva',
        row: expect.any(Number),
        key: `${code} / ${NEW_PARTY}`,
        kind: 'CREATE',
        fields: [
          { column: 'Tiltak', before: null, after: code },
          { column: 'Aktør', before: null, after: NEW_PARTY },
          { column: 'Rolle', before: null, after: 'Partner' },
          { column: 'Nivå', before: null, after: 'Operativt' },
        ],
      },
      {
        sheet: 'Aktører',
        row: expect.any(Number),
        key: NEW_PARTY,
        kind: 'CREATE',
        fields: [
          { column: 'Navn', before: null, after: NEW_PARTY },
          { column: 'Organisasjonsnummer', before: null, after: NEW_PARTY_NUMBER },
          { column: 'Type', before: null, after: 'Næringsliv' },
        ],
      },
    ]);
    expect(await changeEventCount(api)).toBe(eventsBefore);
    expect(await actionRow(code)).toEqual(before);

    const applied = await admin.upload(edited, `mode=apply&lang=nb&expect=${dryRun.json.fingerprint}`);

    expect(applied.json.problems).toEqual([]);
    expect(applied.json.applied).toBe(true);
    expect(applied.json.changes).toEqual(dryRun.json.changes);
    const after = await actionRow(code);
    expect(after.title).toBe('Ny tittel fra regnearket');
    expect(after.status).toBe(before.status === 'ON_HOLD' ? 'IN_PROGRESS' : 'ON_HOLD');
    expect(after.version).toBeGreaterThan(before.version);
    const [history] = (await api.db.dataSource.query(
      'SELECT status, comment FROM status_update WHERE action_id = $1 ORDER BY created_at DESC LIMIT 1',
      [before.id],
    )) as { status: string; comment: string }[];
    expect(history).toEqual({ status: after.status, comment: 'Endret ved import fra regneark' });
    const logged = (await api.db.dataSource.query(
      'SELECT entity, operation, actor_name AS actor FROM change_event ORDER BY seq OFFSET $1',
      [eventsBefore],
    )) as { entity: string; operation: string; actor: string }[];
    expect(new Set(logged.map((e) => `${e.entity} ${e.operation}`))).toEqual(
      new Set(['party CREATE', 'action UPDATE', 'status_update CREATE', 'milestone UPDATE', 'involvement CREATE']),
    );
    expect(new Set(logged.map((e) => e.actor))).toEqual(new Set(['Tiltak-administrator']));
    const [party] = (await api.db.dataSource.query(
      `SELECT p.organisation_number AS number, i.role, i.level FROM party p
         JOIN involvement i ON i.party_id = p.id WHERE p.name = $1`,
      [NEW_PARTY],
    )) as { number: string; role: string; level: string }[];
    expect(party).toEqual({ number: NEW_PARTY_NUMBER, role: 'PARTNER', level: 'OPERATIONAL' });

    const again = await admin.upload(edited, 'mode=dry-run&lang=nb');
    expect(again.json.problems).toEqual([]);
    expect(again.json.changes).toEqual([]);
  });
});
