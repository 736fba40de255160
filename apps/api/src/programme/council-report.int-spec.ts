import { docxText, flatten, pdfText } from '@tiltak/api-council-report/testing';
import type { SnapshotDocument } from '@tiltak/domain';
import { startTestApi, type TestApi } from '../testing/test-api';

const TAKE = `mutation($title: String!) { takeCouncilSnapshot(title: $title) { id } }`;

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** Each test makes several reports of the demo programme; on a busy machine that takes a while. */
const REPORTS_TIMEOUT_MS = 180_000;
/** Room for every report these tests make as the admin, and a limit the last test can reach. */
const DOCUMENTS_PER_MINUTE = 30;

describe('the council report over HTTP', () => {
  let api: TestApi;
  let adminToken: string;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_DOCUMENTS_PER_USER: String(DOCUMENTS_PER_MINUTE) });
    adminToken = await api.tokenFor('admin@tiltak.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  const download = async (snapshotId: string, query: string, token: string | null = adminToken): Promise<Download> => {
    const response = await fetch(`${api.url}/documents/council-report/${snapshotId}?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

  /** Both files' text for one snapshot, whitespace flattened. */
  const texts = async (snapshotId: string, lang = 'nb'): Promise<{ docx: string; pdf: string }> => {
    const [docx, pdf] = await Promise.all([
      download(snapshotId, `format=docx&lang=${lang}`),
      download(snapshotId, `format=pdf&lang=${lang}`),
    ]);
    expect([docx.status, pdf.status]).toEqual([200, 200]);
    return { docx: flatten(docxText(docx.body)), pdf: flatten(await pdfText(pdf.body)) };
  };

  const take = async (title: string): Promise<string> =>
    (await api.data<{ takeCouncilSnapshot: { id: string } }>(TAKE, { title })).takeCouncilSnapshot.id;

  const documentOf = async (snapshotId: string): Promise<SnapshotDocument> =>
    (await api.db.dataSource.query('SELECT document FROM council_snapshot WHERE id = $1', [snapshotId]))[0].document;

  it(
    'says exactly the two writes made between two snapshots, in both formats, and never changes an earlier report',
    async () => {
      const firstId = await take('Regionrådet mars');
      const first = await documentOf(firstId);
      const before = await texts(firstId);
      const started = first.actions.find((action) => action.status === 'NOT_STARTED')!;
      const done = first.actions
        .filter((action) => action.id !== started.id && action.status === 'IN_PROGRESS' && action.health === 'ON_TRACK')
        .flatMap((action) => action.milestones.map((milestone) => ({ action, milestone })))
        .find(({ milestone }) => milestone.completedOn === null && milestone.dueDate > first.asOf)!;
      const versions = async (sql: string, id: string) =>
        (await api.db.dataSource.query(sql, [id]))[0].version as number;

      await api.data(`mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }`, {
        input: {
          actionId: started.id,
          expectedVersion: await versions('SELECT version FROM action WHERE id = $1', started.id),
          status: 'IN_PROGRESS',
          comment: 'Oppstart etter vedtak i regionrådet',
        },
      });
      await api.data(`mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { id } }`, {
        input: {
          milestoneId: done.milestone.id,
          expectedVersion: await versions('SELECT version FROM milestone WHERE id = $1', done.milestone.id),
        },
      });
      const secondId = await take('Regionrådet juni');
      const second = await texts(secondId);

      for (const text of [second.docx, second.pdf]) {
        expect(text).toContain('Endringer siden forrige rapport («Regionrådet mars»');
        expect(text).toContain('2 endringer i alt.');
        expect(text).toContain(`${started.code} ${started.name}: Ikke startet → Pågår`);
        expect(text).toContain(`${done.action.code}: ${done.milestone.title}, fullført`);
        // The other kinds are named once, so the reader knows they were looked at.
        expect(text).toContain(
          'Ingen endringer å melde under endret vurdering, forsinkede milepæler, nye tiltak, avbrutte tiltak, ' +
            'nye risikoer og nye indikatorverdier.',
        );
      }
      expect(await texts(firstId)).toEqual(before);
    },
    REPORTS_TIMEOUT_MS,
  );

  it(
    'streams the file as a download named by the snapshot date',
    async () => {
      const id = await take('Nedlasting');
      const asOf = (await documentOf(id)).asOf;

      const pdf = await download(id, 'format=pdf&lang=en');
      const docx = await download(id, 'format=docx&lang=nb');

      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="rapport-til-regionradet-${asOf}.pdf"`);
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(flatten(await pdfText(pdf.body))).toContain('Report to the regional council');
      expect(docx.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(docx.headers.get('content-disposition')).toBe(
        `attachment; filename="rapport-til-regionradet-${asOf}.docx"`,
      );
      expect(docx.body.subarray(0, 2).toString('latin1')).toBe('PK');
    },
    REPORTS_TIMEOUT_MS,
  );

  it(
    'is for the council, coordinators, the secretariat and admins; others are refused with a typed answer',
    async () => {
      const id = await take('Tilgang');
      const codeOf = (answer: Download) =>
        (JSON.parse(answer.body.toString('utf8')) as { errors: { extensions: { code: string } }[] }).errors[0]
          ?.extensions.code;

      for (const email of [
        'rad@tiltak.test',
        'koordinator.nes@tiltak.test',
        'sekretariat@tiltak.test',
        'admin@tiltak.test',
      ]) {
        expect({ email, status: (await download(id, 'format=docx', await api.tokenFor(email))).status }).toEqual({
          email,
          status: 200,
        });
      }
      const lead = await download(id, 'format=pdf', await api.tokenFor('leder@tiltak.test'));
      expect([lead.status, codeOf(lead)]).toEqual([403, 'FORBIDDEN']);
      const signedOut = await download(id, 'format=pdf', null);
      expect([signedOut.status, codeOf(signedOut)]).toEqual([401, 'UNAUTHENTICATED']);
      const forged = await download(id, 'format=pdf', 'not-a-token');
      expect([forged.status, codeOf(forged)]).toEqual([401, 'UNAUTHENTICATED']);
    },
    REPORTS_TIMEOUT_MS,
  );

  it('answers 404 for an unknown snapshot and 400 for an unknown format or language', async () => {
    const id = await take('Feil');
    const codeOf = (answer: Download) =>
      (JSON.parse(answer.body.toString('utf8')) as { errors: { extensions: { code: string; field?: string } }[] })
        .errors[0]?.extensions;

    const unknown = await download('00000000-0000-4000-8000-000000000000', 'format=pdf');
    expect([unknown.status, codeOf(unknown)?.code]).toEqual([404, 'NOT_FOUND']);
    const notAnId = await download('rapport', 'format=pdf');
    expect(notAnId.status).toBe(404);
    const format = await download(id, 'format=xlsx');
    expect([format.status, codeOf(format)]).toEqual([
      400,
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'format' }),
    ]);
    const lang = await download(id, 'format=pdf&lang=nn');
    expect([lang.status, codeOf(lang)]).toEqual([
      400,
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'lang' }),
    ]);
  });

  it('limits how many reports one user may ask for in a minute, before any is made', async () => {
    const token = await api.tokenFor('politiker@tiltak.test');
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (let asked = 0; asked < DOCUMENTS_PER_MINUTE; asked += 1) {
      expect((await download(unknown, 'format=pdf', token)).status).toBe(404);
    }

    const over = await download(unknown, 'format=pdf', token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(over.body.toString('utf8')).errors[0].extensions).toEqual(
      expect.objectContaining({ code: 'RATE_LIMITED', reason: 'DOCUMENTS', limit: DOCUMENTS_PER_MINUTE }),
    );
    // Another user is counted apart.
    expect((await download(unknown, 'format=pdf')).status).toBe(404);
  });
});
