import { refusal, ReportingFixture } from '../reporting/reporting-support';
import { graphqlClient, startTestApi, type TestApi } from '../testing/test-api';

const NES = 'koordinator.nes@tiltak.test';
const EIDSVOLL = 'koordinator.eidsvoll@tiltak.test';
const COUNCIL = 'rad@tiltak.test';
const LEAD = 'leder@tiltak.test';
const EINNSYN = 'https://einnsyn.no/saksmappe?id=http%3A%2F%2Fdata.einnsyn.no%2Fsaksmappe%2Fabc';

const SET_ADOPTION = `mutation($input: SetAdoptionInput!) {
  setAdoption(input: $input) { id status caseReference recordUrl version } }`;
const ADOPTIONS = `{ adoptions { id municipalityId focusAreaId status caseReference recordUrl version
  decisions { status decidedOn caseReference recordUrl recordedAt recordedBy } } }`;
const UPDATE_ACTION = `mutation($input: UpdateActionInput!) { updateAction(input: $input) { caseReference recordUrl version } }`;
const ACTION_REFERENCE = `query($id: ID!) { action(id: $id) { caseReference recordUrl version } }`;
const FILE_REPORT = `mutation($input: FileReportInput!) {
  fileReport(input: $input) { id state caseReference recordUrl version viewerCanFile } }`;

interface AdoptionRead {
  id: string;
  municipalityId: string;
  focusAreaId: string | null;
  status: string;
  caseReference: string;
  recordUrl: string | null;
  version: number;
  decisions: {
    status: string;
    decidedOn: string | null;
    caseReference: string;
    recordUrl: string | null;
    recordedAt: string;
    recordedBy: string | null;
  }[];
}

describe('decisions and archive references', () => {
  let api: TestApi;
  let fixture: ReportingFixture;
  let municipalities: Record<string, string>;
  let focusAreas: Record<string, string>;

  /** Rows and events a refused write must leave as they were. */
  const written = async () =>
    (
      await api.db.dataSource.query(
        `SELECT (SELECT count(*) FROM adoption_decision)::int AS decisions,
                (SELECT count(*) FROM change_event)::int AS events,
                (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM adoption a) AS adoptions,
                (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM action a) AS actions,
                (SELECT md5(string_agg(r::text, '|' ORDER BY r.id)) FROM round_report r) AS reports`,
      )
    )[0] as Record<string, unknown>;

  const adoption = async (municipality: string, focusArea: string | null) => {
    const { adoptions } = await api.data<{ adoptions: AdoptionRead[] }>(ADOPTIONS);
    return adoptions.find(
      (a) =>
        a.municipalityId === municipalities[municipality] && a.focusAreaId === (focusArea && focusAreas[focusArea]),
    );
  };

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await new ReportingFixture(api).load();
    const frame = await api.data<{
      municipalities: { id: string; name: string }[];
      focusAreas: { id: string; code: string }[];
    }>('{ municipalities { id name } focusAreas { id code } }');
    municipalities = Object.fromEntries(frame.municipalities.map((m) => [m.name, m.id]));
    focusAreas = Object.fromEntries(frame.focusAreas.map((f) => [f.code, f.id]));
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('adoption decisions', () => {
    it('keeps every decision on a subject, newest first, with its case number, link and who recorded it', async () => {
      const nes = await api.as(NES);
      const base = { municipalityId: municipalities['Nes'], focusAreaId: focusAreas['KRE'] };
      const before = await written();

      const { setAdoption: proposed } = await nes.data<{ setAdoption: { version: number } }>(SET_ADOPTION, {
        input: { ...base, status: 'PROPOSED', caseReference: '2026/3301' },
      });
      const { setAdoption: adopted } = await nes.data<{ setAdoption: { version: number } }>(SET_ADOPTION, {
        input: {
          ...base,
          status: 'ADOPTED',
          decidedOn: '2026-10-20',
          caseReference: ' 2026/3301-4 ',
          recordUrl: ` ${EINNSYN} `,
          expectedVersion: proposed.version,
        },
      });
      // A wrong decision is corrected by a new one; the wrong one stays in the history.
      const { setAdoption: corrected } = await nes.data<{
        setAdoption: { status: string; caseReference: string; recordUrl: string | null; version: number };
      }>(SET_ADOPTION, {
        input: {
          ...base,
          status: 'ADOPTED',
          decidedOn: '2026-10-21',
          caseReference: '26/3301-5',
          expectedVersion: adopted.version,
        },
      });
      expect(corrected).toMatchObject({ status: 'ADOPTED', caseReference: '26/3301-5', recordUrl: null, version: 3 });

      const current = await adoption('Nes', 'KRE');
      expect(current?.decisions).toEqual([
        {
          status: 'ADOPTED',
          decidedOn: '2026-10-21',
          caseReference: '26/3301-5',
          recordUrl: null,
          recordedBy: 'Næringskoordinator i Nes',
          recordedAt: expect.any(String),
        },
        {
          status: 'ADOPTED',
          decidedOn: '2026-10-20',
          caseReference: '2026/3301-4',
          recordUrl: EINNSYN,
          recordedBy: 'Næringskoordinator i Nes',
          recordedAt: expect.any(String),
        },
        {
          status: 'PROPOSED',
          decidedOn: null,
          caseReference: '2026/3301',
          recordUrl: null,
          recordedBy: 'Næringskoordinator i Nes',
          recordedAt: expect.any(String),
        },
      ]);
      const after = await written();
      expect(after['decisions']).toBe((before['decisions'] as number) + 3);
      const [{ n }] = await api.db.dataSource.query(
        `SELECT count(*)::int AS n FROM change_event WHERE entity = 'adoption_decision' AND after->>'adoptionId' = $1`,
        [current?.id],
      );
      expect(n).toBe(3);
    });

    it('adds no decision when the adoption is stale', async () => {
      const current = await adoption('Nes', 'KRE');
      const before = await written();
      const stale = await (
        await api.as(NES)
      ).gql(SET_ADOPTION, {
        input: {
          municipalityId: municipalities['Nes'],
          focusAreaId: focusAreas['KRE'],
          status: 'REJECTED',
          decidedOn: '2026-11-01',
          caseReference: '2026/3301-9',
          expectedVersion: (current?.version ?? 0) - 1,
        },
      });
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { version: current?.version } });
      expect(await written()).toEqual(before);
    });

    it.each([
      [{ caseReference: 'sak 3301' }, 'caseReference', 'NOT_A_CASE_NUMBER'],
      [{ caseReference: '2026/0' }, 'caseReference', 'NOT_A_CASE_NUMBER'],
      [{ caseReference: '2026/3301', recordUrl: 'http://einnsyn.no/saksmappe?id=1' }, 'recordUrl', 'NOT_HTTPS'],
      [{ caseReference: '2026/3301', recordUrl: 'einnsyn.no/saksmappe' }, 'recordUrl', 'NOT_A_URL'],
      [{ caseReference: '2026/3301', recordUrl: 'https://a:b@einnsyn.no/x' }, 'recordUrl', 'HAS_CREDENTIALS'],
    ])('refuses %o as bad input on %s (%s), writing nothing', async (reference, field, reason) => {
      const before = await written();
      const refused = await api.gql(SET_ADOPTION, {
        input: {
          municipalityId: municipalities['Gjerdrum'],
          focusAreaId: focusAreas['BIO'],
          status: 'PROPOSED',
          ...reference,
        },
      });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      expect(await written()).toEqual(before);
    });

    it('refuses a link past 500 characters before it reaches the service', async () => {
      const refused = await api.gql(SET_ADOPTION, {
        input: {
          municipalityId: municipalities['Gjerdrum'],
          status: 'PROPOSED',
          caseReference: '2026/3302',
          recordUrl: `https://einnsyn.no/${'a'.repeat(490)}`,
        },
      });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('lets a coordinator record only their own municipality’s decisions, and the council none', async () => {
      const before = await written();
      const input = { municipalityId: municipalities['Nes'], status: 'PROPOSED', caseReference: '2026/3303' };
      const eidsvoll = await (await api.as(EIDSVOLL)).gql(SET_ADOPTION, { input });
      const council = await (await api.as(COUNCIL)).gql(SET_ADOPTION, { input });
      expect(refusal(eidsvoll.errors)?.code).toBe('FORBIDDEN');
      expect(refusal(council.errors)?.code).toBe('FORBIDDEN');
      expect(await written()).toEqual(before);
    });

    it('the database refuses to rewrite or remove a recorded decision', async () => {
      const [row] = await api.db.dataSource.query('SELECT id FROM adoption_decision LIMIT 1');
      await expect(
        api.db.dataSource.query(`UPDATE adoption_decision SET case_reference = '2026/1' WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/append-only/);
      await expect(api.db.dataSource.query('DELETE FROM adoption_decision WHERE id = $1', [row.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(api.db.dataSource.query('TRUNCATE adoption_decision CASCADE')).rejects.toThrow(/append-only/);
    });

    it('the demo carries a history: Hurdal proposed, then rejected logistics, with the record linked', async () => {
      const hurdal = await adoption('Hurdal', 'LOG');
      expect(hurdal).toMatchObject({ status: 'REJECTED', caseReference: '2026/1209-4' });
      expect(hurdal?.recordUrl).toMatch(/^https:\/\/einnsyn\.no\//);
      expect(hurdal?.decisions.map((d) => [d.status, d.caseReference])).toEqual([
        ['REJECTED', '2026/1209-4'],
        ['PROPOSED', '2026/1209'],
      ]);
      const { adoptions } = await api.data<{ adoptions: AdoptionRead[] }>(ADOPTIONS);
      for (const each of adoptions) {
        expect(each.decisions[0]).toMatchObject({ status: each.status, caseReference: each.caseReference });
      }
    });

    it('names who recorded a decision only to those who may read personal data', async () => {
      const visitor = graphqlClient(api.url);
      const signedOut = await visitor.gql(ADOPTIONS);
      expect(signedOut.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const { adoptions } = await (await api.as(COUNCIL)).data<{ adoptions: AdoptionRead[] }>(ADOPTIONS);
      expect(adoptions.flatMap((a) => a.decisions).every((d) => d.recordedBy !== null)).toBe(true);
    });
  });

  describe('archive references on actions', () => {
    it('are set, kept when left out and cleared by the action’s editors, at its version', async () => {
      const actionId = await fixture.action({ municipalities: ['Nes'] });
      const { action } = await api.data<{ action: { version: number } }>(ACTION_REFERENCE, { id: actionId });
      const nes = await api.as(NES);

      const { updateAction: set } = await nes.data<{ updateAction: { version: number } }>(UPDATE_ACTION, {
        input: { actionId, expectedVersion: action.version, caseReference: '2026/4410-1', recordUrl: EINNSYN },
      });
      expect(set).toEqual({ caseReference: '2026/4410-1', recordUrl: EINNSYN, version: action.version + 1 });

      const { updateAction: kept } = await nes.data<{ updateAction: { version: number } }>(UPDATE_ACTION, {
        input: { actionId, expectedVersion: set.version, title: 'Nytt navn' },
      });
      expect(kept).toMatchObject({ caseReference: '2026/4410-1', recordUrl: EINNSYN });

      const { updateAction: cleared } = await nes.data(UPDATE_ACTION, {
        input: { actionId, expectedVersion: kept.version, caseReference: null, recordUrl: '  ' },
      });
      expect(cleared).toEqual({ caseReference: null, recordUrl: null, version: kept.version + 1 });

      const stale = await nes.gql(UPDATE_ACTION, {
        input: { actionId, expectedVersion: set.version, caseReference: '2026/4410-2' },
      });
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { caseReference: null } });
    });

    it('refuses a bad form, and anyone but the action’s editors, writing nothing', async () => {
      const actionId = await fixture.action({ municipalities: ['Nes'] });
      const { action } = await api.data<{ action: { version: number } }>(ACTION_REFERENCE, { id: actionId });
      const before = await written();

      const badCase = await api.gql(UPDATE_ACTION, {
        input: { actionId, expectedVersion: action.version, caseReference: '4410' },
      });
      expect(badCase.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'caseReference',
        reason: 'NOT_A_CASE_NUMBER',
      });
      const badLink = await api.gql(UPDATE_ACTION, {
        input: {
          actionId,
          expectedVersion: action.version,
          title: 'Endret',
          recordUrl: 'ftp://arkiv.nes.kommune.no/1',
        },
      });
      expect(badLink.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'recordUrl',
        reason: 'NOT_HTTPS',
      });

      const input = { actionId, expectedVersion: action.version, caseReference: '2026/4411' };
      for (const who of [EIDSVOLL, COUNCIL, LEAD]) {
        const refused = await (await api.as(who)).gql(UPDATE_ACTION, { input });
        expect(refusal(refused.errors)?.code).toBe('FORBIDDEN');
      }
      expect(await written()).toEqual(before);
    });

    it('are read by the council, as the demo has them', async () => {
      const [{ id }] = await api.db.dataSource.query(`SELECT id FROM action WHERE code = 'LOG-1'`);
      const { action } = await (
        await api.as(COUNCIL)
      ).data<{ action: { caseReference: string | null } }>(ACTION_REFERENCE, { id });
      expect(action).toMatchObject({
        caseReference: '2025/1432-3',
        recordUrl: expect.stringMatching(/^https:\/\/einnsyn\.no\//),
      });
    });
  });

  describe('archive references on reports', () => {
    const submittedReport = async (municipalities: string[]) => {
      const actionId = await fixture.action({ municipalities });
      const report = await fixture.ownReport(actionId);
      const { saveReport } = await api.data<{ saveReport: { id: string; version: number } }>(
        'mutation($input: SaveReportInput!) { saveReport(input: $input) { id version } }',
        { input: { reportId: report.id, expectedVersion: report.version, narrative: 'Levert', submit: true } },
      );
      return { ...saveReport, roundId: report.roundId };
    };

    it('a coordinator of the action files its submitted report, also after the round closed', async () => {
      const report = await submittedReport(['Nes']);
      const nes = await api.as(NES);
      const { fileReport } = await nes.data<{ fileReport: { version: number } }>(FILE_REPORT, {
        input: {
          reportId: report.id,
          expectedVersion: report.version,
          caseReference: '2026/2841-5',
          recordUrl: EINNSYN,
        },
      });
      expect(fileReport).toEqual({
        id: report.id,
        state: 'SUBMITTED',
        caseReference: '2026/2841-5',
        recordUrl: EINNSYN,
        version: report.version + 1,
        viewerCanFile: true,
      });
      const [{ n }] = await api.db.dataSource.query(
        `SELECT count(*)::int AS n FROM change_event WHERE entity = 'report' AND entity_id = $1`,
        [report.id],
      );
      expect(n).toBeGreaterThan(1);

      await api.db.dataSource.query(`UPDATE reporting_round SET state = 'CLOSED', closed_at = now() WHERE id = $1`, [
        report.roundId,
      ]);
      const { fileReport: later } = await nes.data<{ fileReport: { caseReference: string } }>(FILE_REPORT, {
        input: { reportId: report.id, expectedVersion: fileReport.version, caseReference: '2026/2841-6' },
      });
      expect(later).toMatchObject({ caseReference: '2026/2841-6', recordUrl: EINNSYN, viewerCanFile: true });

      const stale = await nes.gql(FILE_REPORT, {
        input: { reportId: report.id, expectedVersion: fileReport.version, caseReference: '2026/2841-7' },
      });
      expect(stale.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        current: { caseReference: '2026/2841-6' },
      });
    });

    it('refuses a report not yet submitted, a bad form, and those who may not return it, writing nothing', async () => {
      const actionId = await fixture.action({ municipalities: ['Nes'] });
      const draft = await fixture.ownReport(actionId);
      const report = await submittedReport(['Nes']);
      const before = await written();

      const notSubmitted = await api.gql(FILE_REPORT, {
        input: { reportId: draft.id, expectedVersion: draft.version, caseReference: '2026/2842' },
      });
      expect(refusal(notSubmitted.errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_SUBMITTED' });
      const badForm = await api.gql(FILE_REPORT, {
        input: {
          reportId: report.id,
          expectedVersion: report.version,
          caseReference: '2026/2842',
          recordUrl: 'http://x.no',
        },
      });
      expect(badForm.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'recordUrl',
        reason: 'NOT_HTTPS',
      });

      for (const who of [EIDSVOLL, COUNCIL, LEAD]) {
        const client = await api.as(who);
        const refused = await client.gql(FILE_REPORT, {
          input: { reportId: report.id, expectedVersion: report.version, caseReference: '2026/2842' },
        });
        expect(refusal(refused.errors)?.code).toBe('FORBIDDEN');
        const { reportingRound } = await client.data<{ reportingRound: { reports: { viewerCanFile: boolean }[] } }>(
          'query($id: ID!) { reportingRound(id: $id) { reports { viewerCanFile } } }',
          { id: report.roundId },
        );
        expect(reportingRound.reports.map((r) => r.viewerCanFile)).toEqual([false]);
      }
      expect(await written()).toEqual(before);
    });
  });
});
