import { parse } from 'csv-parse/sync';
import { startTestApi, type TestApi } from '../testing/test-api';

interface Fetched {
  status: number;
  headers: Headers;
  body: Buffer;
}

interface GraphqlAction {
  id: string;
  code: string;
  title: string;
  status: string;
  progress: number;
  health: string;
  startDate: string;
  dueDate: string;
  updatedAt: string;
  version: number;
  focusArea: { code: string; name: string };
  municipalities: { municipality: { name: string } }[];
}

const OVERVIEW = `{
  actions(first: 100) { totalCount edges { node {
    id code title status progress health startDate dueDate updatedAt version
    focusArea { code name } municipalities { municipality { name } }
  } } }
  municipalities { id name }
  focusAreas { id code name }
  progressMatrix {
    municipalityId focusAreaId progress expectedProgress actionCount overdueMilestones stale
    byStatus { notStarted inProgress onHold completed cancelled }
    byHealth { onTrack atRisk offTrack }
  }
}`;

interface Overview {
  actions: { totalCount: number; edges: { node: GraphqlAction }[] };
  municipalities: { id: string; name: string }[];
  focusAreas: { id: string; code: string; name: string }[];
  progressMatrix: {
    municipalityId: string;
    focusAreaId: string;
    progress: number | null;
    expectedProgress: number | null;
    actionCount: number;
    overdueMilestones: number;
    stale: number;
    byStatus: { notStarted: number; inProgress: number; onHold: number; completed: number; cancelled: number };
    byHealth: { onTrack: number; atRisk: number; offTrack: number };
  }[];
}

const FILES = ['actions.csv', 'actions.json', 'matrix.csv', 'matrix.json'];
const ACTION_FIELDS = [
  'code',
  'title',
  'focus_area_code',
  'focus_area',
  'municipalities',
  'status',
  'progress_percent',
  'health',
  'start_date',
  'due_date',
  'updated_at',
];
const MATRIX_FIELDS = [
  'municipality',
  'focus_area_code',
  'focus_area',
  'action_count',
  'progress_percent',
  'expected_progress_percent',
  'not_started',
  'in_progress',
  'on_hold',
  'completed',
  'cancelled',
  'on_track',
  'at_risk',
  'off_track',
  'overdue_milestones',
  'stale',
];

const fetchFrom =
  (api: () => TestApi) =>
  async (file: string, headers: Record<string, string> = {}): Promise<Fetched> => {
    const response = await fetch(`${api().url}/open-data/${file}`, { headers });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

const codeOf = (answer: Fetched) =>
  (JSON.parse(answer.body.toString('utf8')) as { errors: { extensions: { code: string; reason?: string } }[] })
    .errors[0]?.extensions;

/** What the overview says, in the open data's own words. */
function expectedFiles(overview: Overview) {
  const municipalityName = new Map(overview.municipalities.map((m) => [m.id, m.name]));
  const area = new Map(overview.focusAreas.map((a) => [a.id, a]));
  const actions = overview.actions.edges.map(({ node }) => ({
    code: node.code,
    title: node.title,
    focus_area_code: node.focusArea.code,
    focus_area: node.focusArea.name,
    municipalities: node.municipalities.map((m) => m.municipality.name),
    status: node.status,
    progress_percent: node.progress,
    health: node.health,
    start_date: node.startDate,
    due_date: node.dueDate,
    updated_at: new Date(node.updatedAt).toISOString(),
  }));
  const matrix = overview.progressMatrix.map((cell) => ({
    municipality: municipalityName.get(cell.municipalityId),
    focus_area_code: area.get(cell.focusAreaId)?.code,
    focus_area: area.get(cell.focusAreaId)?.name,
    action_count: cell.actionCount,
    progress_percent: cell.progress,
    expected_progress_percent: cell.expectedProgress,
    not_started: cell.byStatus.notStarted,
    in_progress: cell.byStatus.inProgress,
    on_hold: cell.byStatus.onHold,
    completed: cell.byStatus.completed,
    cancelled: cell.byStatus.cancelled,
    on_track: cell.byHealth.onTrack,
    at_risk: cell.byHealth.atRisk,
    off_track: cell.byHealth.offTrack,
    overdue_milestones: cell.overdueMilestones,
    stale: cell.stale,
  }));
  return { actions, matrix };
}

/** A CSV file read back as the JSON would hold it: lists split, numbers as numbers, empty as null. */
function csvRows(body: Buffer, numeric: readonly string[]): { header: string[]; rows: Record<string, unknown>[] } {
  const lines: string[][] = parse(body.subarray(3).toString('utf8'), { record_delimiter: '\r\n' });
  const [header, ...records] = lines;
  const rows = records.map((record) =>
    Object.fromEntries(
      header.map((field, i) => {
        const text = record[i];
        if (field === 'municipalities') return [field, text ? text.split('; ') : []];
        if (numeric.includes(field)) return [field, text === '' ? null : Number(text)];
        return [field, text];
      }),
    ),
  );
  return { header, rows };
}

describe('the open data, on a public dashboard', () => {
  let api: TestApi;
  const get = fetchFrom(() => api);

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_DASHBOARD: 'true' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('says what the overview says: the same actions and the same matrix figures, in JSON and CSV', async () => {
    const overview = await api.data<Overview>(OVERVIEW);
    expect(overview.actions.totalCount).toBeLessThan(100);
    const expected = expectedFiles(overview);

    const [actionsJson, matrixJson, actionsCsv, matrixCsv] = await Promise.all(
      ['actions.json', 'matrix.json', 'actions.csv', 'matrix.csv'].map((file) => get(file)),
    );

    const actions = JSON.parse(actionsJson.body.toString('utf8'));
    expect(actions).toMatchObject({ licence: 'NLOD 2.0', programme: { name: expect.any(String) } });
    expect(Date.parse(actions.generated_at)).not.toBeNaN();
    expect(actions.actions).toEqual(expected.actions);
    const matrix = JSON.parse(matrixJson.body.toString('utf8'));
    expect(matrix.matrix).toHaveLength(expected.matrix.length);
    expect(matrix.matrix).toEqual(expect.arrayContaining(expected.matrix));

    expect(actionsCsv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...actionsCsv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(actionsCsv.body.toString('utf8')).toContain(`${ACTION_FIELDS.join(',')}\r\n`);
    const actionRows = csvRows(actionsCsv.body, ['progress_percent']);
    expect(actionRows.header).toEqual(ACTION_FIELDS);
    expect(actionRows.rows).toEqual(expected.actions);
    const cellRows = csvRows(matrixCsv.body, MATRIX_FIELDS.slice(3));
    expect(cellRows.header).toEqual(MATRIX_FIELDS);
    expect(cellRows.rows).toEqual(matrix.matrix);
  });

  it('holds no personal data and no money: only the documented fields, no contact, lead or user', async () => {
    const people: { text: string }[] = await api.db.dataSource.query(
      `SELECT contact_name AS text FROM party WHERE contact_name IS NOT NULL
       UNION SELECT contact_email FROM party WHERE contact_email IS NOT NULL
       UNION SELECT email FROM app_user UNION SELECT name FROM app_user`,
    );
    expect(people.length).toBeGreaterThan(5);

    for (const file of FILES) {
      const answer = await get(file);
      const text = answer.body.toString('utf8');
      for (const { text: personal } of people)
        expect({ file, found: text.includes(personal) }).toEqual({ file, found: false });
    }
    const actions = JSON.parse((await get('actions.json')).body.toString('utf8'));
    const matrix = JSON.parse((await get('matrix.json')).body.toString('utf8'));
    expect(Object.keys(actions).sort()).toEqual(['actions', 'generated_at', 'licence', 'programme']);
    expect(Object.keys(matrix).sort()).toEqual(['generated_at', 'licence', 'matrix', 'programme']);
    for (const row of actions.actions) expect(Object.keys(row)).toEqual(ACTION_FIELDS);
    for (const row of matrix.matrix) expect(Object.keys(row)).toEqual(MATRIX_FIELDS);
  });

  it('answers 304 to a client that holds the current file, and a new ETag after a write', async () => {
    const first = await get('actions.json');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const other = await get('actions.csv');
    expect(other.headers.get('etag')).not.toBe(etag);

    const unchanged = await get('actions.json', { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toHaveLength(0);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect((await get('actions.json', { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);

    const { actions } = await api.data<Overview>(OVERVIEW);
    const target = actions.edges.map(({ node }) => node).find((node) => node.status === 'NOT_STARTED')!;
    await api.data(`mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }`, {
      input: { actionId: target.id, expectedVersion: target.version, status: 'IN_PROGRESS', comment: 'Oppstart' },
    });

    const after = await get('actions.json', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const changed = JSON.parse(after.body.toString('utf8')).actions.find(
      (row: { code: string }) => row.code === target.code,
    );
    expect(changed.status).toBe('IN_PROGRESS');
  });

  it('is the same for a signed-in user, a stale token and nobody; an unknown file is not found', async () => {
    const anonymous = await get('matrix.json');
    const signedIn = await get('matrix.json', { authorization: `Bearer ${await api.tokenFor('admin@tiltak.test')}` });
    const forged = await get('matrix.json', { authorization: 'Bearer not-a-token' });
    expect([signedIn.status, forged.status]).toEqual([200, 200]);
    expect(signedIn.headers.get('etag')).toBe(anonymous.headers.get('etag'));
    expect(forged.body.equals(anonymous.body)).toBe(true);

    const unknown = await get('parties.csv');
    expect([unknown.status, codeOf(unknown)?.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('the open data, on a dashboard that is not public', () => {
  let api: TestApi;
  const get = fetchFrom(() => api);

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_DASHBOARD: 'false' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is not there at all, whoever asks', async () => {
    const token = await api.tokenFor('admin@tiltak.test');
    for (const file of FILES) {
      for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
        const answer = await get(file, headers);
        expect({ file, status: answer.status, code: codeOf(answer)?.code }).toEqual({
          file,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
    }
  });
});

describe('the open data rate limit', () => {
  const PER_MINUTE = 3;
  let api: TestApi;
  const get = fetchFrom(() => api);

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_DASHBOARD: 'true', RATE_LIMIT_OPEN_DATA_PER_ADDRESS: String(PER_MINUTE) });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('counts each address, 304s included, and refuses the calls over the limit with Retry-After', async () => {
    const first = await get('actions.json');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    for (let call = 2; call <= PER_MINUTE; call++) {
      expect((await get('actions.json', { 'if-none-match': etag })).status).toBe(304);
    }

    const refused = await get('matrix.csv');
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toMatchObject({ code: 'RATE_LIMITED', reason: 'OPEN_DATA' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
