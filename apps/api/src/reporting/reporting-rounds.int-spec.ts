import { addDays, osloDate } from '@tiltak/domain';
import { startTestApi, type TestApi } from '../testing/test-api';
import { OPEN, refusal, ReportingFixture, ROUND_REPORTS, SAVE, RETURN, writeCounts } from './reporting-support';

interface RoundRead {
  id: string;
  name: string;
  deadline: string;
  graceDays: number;
  closesAt: string;
  state: string;
  closedAt: string | null;
  version: number;
  completion: {
    counts: Record<string, number>;
    byMunicipality: { municipality: { name: string }; counts: Record<string, number> }[];
    byFocusArea: { focusArea: { code: string }; counts: Record<string, number> }[];
  };
}

const COUNTS = 'total submitted late draft returned missing';
const ROUNDS = `query($state: ReportingRoundState) { reportingRounds(state: $state) {
  id name deadline graceDays closesAt state closedAt version
  completion { counts { ${COUNTS} } byMunicipality { municipality { name } counts { ${COUNTS} } }
               byFocusArea { focusArea { code } counts { ${COUNTS} } } } } }`;
const UPDATE = `mutation($input: UpdateReportingRoundInput!) {
  updateReportingRound(input: $input) { id name deadline graceDays version state } }`;
const CLOSE = `mutation($id: ID!, $v: Int!) { closeReportingRound(roundId: $id, expectedVersion: $v) {
  id state closedAt version } }`;

describe('reporting rounds', () => {
  let api: TestApi;
  let fixture: ReportingFixture;

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await new ReportingFixture(api).load();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('has a demo round open until a couple of weeks after the load date, with reports in every state', async () => {
    const { reportingRounds } = await api.data<{ reportingRounds: RoundRead[] }>(ROUNDS, { state: 'OPEN' });
    const demo = reportingRounds.find((r) => r.name.includes('tertial'))!;
    expect(demo).toMatchObject({ state: 'OPEN', deadline: addDays(osloDate(), 14), graceDays: 7 });
    expect(demo.completion.counts).toMatchObject({ submitted: 3, draft: 1, returned: 1, late: 0 });
    expect(demo.completion.counts.missing).toBe(demo.completion.counts.total - 3);
    expect(demo.completion.byMunicipality.map((row) => row.municipality.name)).toContain('Nes');
  });

  it('opens a round for every action under way by default, with a report for each part that keeps its own pace', async () => {
    const db = api.db.dataSource;
    const today = osloDate();
    const [{ underWay }] = await db.query(
      `SELECT count(*)::int AS "underWay" FROM action
        WHERE status = 'IN_PROGRESS' OR (status = 'NOT_STARTED' AND start_date <= $1)`,
      [today],
    );
    const [{ parts }] = await db.query(
      `SELECT count(*)::int AS parts FROM participation p JOIN action a ON a.id = p.action_id
        WHERE (a.status = 'IN_PROGRESS' OR (a.status = 'NOT_STARTED' AND a.start_date <= $1))
          AND (p.status IS NOT NULL OR p.progress IS NOT NULL)`,
      [today],
    );

    const { openReportingRound } = await api.data<{ openReportingRound: { id: string; closesAt: string } }>(OPEN, {
      input: { name: 'Runde for alle', deadline: '2030-01-15', graceDays: 0 },
    });

    const reports = await fixture.reports(openReportingRound.id);
    expect(reports.filter((r) => r.municipality === null)).toHaveLength(underWay);
    expect(reports.filter((r) => r.municipality !== null)).toHaveLength(parts);
    expect(reports.every((r) => r.state === 'NOT_STARTED')).toBe(true);
    // Midnight in Oslo after the deadline day (winter time: UTC+1).
    expect(openReportingRound.closesAt).toBe('2030-01-15T23:00:00.000Z');
    const [event] = await db.query(
      `SELECT entity, operation, after->>'reports' AS reports FROM change_event
        WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [openReportingRound.id],
    );
    expect(event).toEqual({ entity: 'reporting_round', operation: 'CREATE', reports: String(underWay + parts) });
  });

  it.each([
    ['a name in use', { name: 'Runde for alle' }, 'NAME_TAKEN'],
    ['a deadline already passed', { deadline: '2020-01-01' }, 'DEADLINE_IN_PAST'],
    ['a date that is not one', { deadline: '2030-02-30' }, 'INVALID_DATE'],
    ['a reminder after the grace period', { graceDays: 2, reminderDaysAfter: [3] }, 'REMINDER_AFTER_GRACE'],
    ['an action that does not exist', { actionIds: ['00000000-0000-4000-8000-000000000000'] }, 'UNKNOWN_ACTION'],
    ['a grace period over 60 days', { graceDays: 61 }, undefined],
    ['an empty name', { name: '   ' }, 'NAME_REQUIRED'],
  ])('refuses to open a round with %s, writing nothing', async (_, input, reason) => {
    const before = await writeCounts(api);
    const { errors } = await api.gql(OPEN, {
      input: { name: 'Ny runde', deadline: '2030-03-01', ...input },
    });
    expect(refusal(errors)?.code).toBe('BAD_USER_INPUT');
    if (reason) expect(refusal(errors)?.reason).toBe(reason);
    expect(await writeCounts(api)).toEqual(before);
  });

  it('lets only admins open rounds, and every signed-in user read them', async () => {
    for (const email of ['koordinator.nes@tiltak.test', 'leder@tiltak.test', 'rad@tiltak.test']) {
      const client = await api.as(email);
      const { errors } = await client.gql(OPEN, { input: { name: `Runde av ${email}`, deadline: '2030-03-01' } });
      expect(refusal(errors)?.code).toBe('FORBIDDEN');
      const { data } = await client.gql<{ reportingRounds: RoundRead[] }>(ROUNDS);
      expect(data?.reportingRounds.length).toBeGreaterThan(0);
    }
    const { errors } = await api.anonymous.gql(ROUNDS);
    expect(refusal(errors)?.code).toBe('UNAUTHENTICATED');
  });

  it('changes a round at its version and answers CONFLICT with the current round when stale', async () => {
    const action = await fixture.action({ municipalities: ['Nes'] });
    const round = await fixture.round([action]);
    const { updateReportingRound } = await api.data<{ updateReportingRound: { name: string; version: number } }>(
      UPDATE,
      { input: { roundId: round.id, expectedVersion: round.version, name: '2. tertial 2030', graceDays: 10 } },
    );
    expect(updateReportingRound).toMatchObject({ name: '2. tertial 2030', version: round.version + 1 });

    const before = await writeCounts(api);
    const { errors } = await api.gql(UPDATE, {
      input: { roundId: round.id, expectedVersion: round.version, name: 'Utdatert' },
    });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      current: { name: '2. tertial 2030', version: round.version + 1 },
    });
    expect(await writeCounts(api)).toEqual(before);
  });

  it('counts completion per municipality (each of an action’s) and per focus area', async () => {
    const shared = await fixture.action({ municipalities: ['Nes', 'Eidsvoll'], local: { Nes: 40 } });
    const nes = await fixture.action({ municipalities: ['Nes'] });
    const round = await fixture.round([shared, nes]);
    const own = round.reports.find((r) => r.action.id === nes)!;
    await api.data(SAVE, {
      input: { reportId: own.id, expectedVersion: own.version, narrative: 'Godt i gang', submit: true },
    });
    const part = round.reports.find((r) => r.municipality?.name === 'Nes')!;
    await api.data(SAVE, { input: { reportId: part.id, expectedVersion: part.version, narrative: 'Utkast' } });

    const { reportingRound } = await api.data<{ reportingRound: RoundRead }>(
      `query($id: ID!) { reportingRound(id: $id) { completion { counts { ${COUNTS} }
         byMunicipality { municipality { name } counts { ${COUNTS} } } byFocusArea { focusArea { code } counts { ${COUNTS} } } } } }`,
      { id: round.id },
    );
    const { completion } = reportingRound;
    expect(completion.counts).toEqual({ total: 3, submitted: 1, late: 0, draft: 1, returned: 0, missing: 2 });
    expect(completion.byMunicipality).toEqual([
      // Eidsvoll: the shared action's own report only.
      {
        municipality: { name: 'Eidsvoll' },
        counts: { total: 1, submitted: 0, late: 0, draft: 0, returned: 0, missing: 1 },
      },
      // Nes: the shared action's own report, Nes's part of it, and Nes's own action.
      { municipality: { name: 'Nes' }, counts: { total: 3, submitted: 1, late: 0, draft: 1, returned: 0, missing: 2 } },
    ]);
    expect(completion.byFocusArea).toHaveLength(1);
    expect(completion.byFocusArea[0].counts.total).toBe(3);

    const filtered = await api.data<{ reportingRound: { reports: { id: string }[] } }>(
      `query($id: ID!, $m: ID, $s: ReportState) { reportingRound(id: $id) { reports(municipalityId: $m, state: $s) { id } } }`,
      { id: round.id, m: fixture.municipalities['Eidsvoll'], s: 'NOT_STARTED' },
    );
    expect(filtered.reportingRound.reports.map((r) => r.id)).toEqual([
      round.reports.find((r) => r.action.id === shared && r.municipality === null)!.id,
    ]);
  });

  it('closes a round by hand; its reports are frozen after', async () => {
    const action = await fixture.action({ municipalities: ['Nes'] });
    const round = await fixture.round([action]);
    const [report] = round.reports;
    const submitted = (
      await api.data<{ saveReport: { id: string; version: number } }>(SAVE, {
        input: { reportId: report.id, expectedVersion: report.version, narrative: 'Levert', submit: true },
      })
    ).saveReport;

    const { closeReportingRound } = await api.data<{ closeReportingRound: { state: string; closedAt: string } }>(
      CLOSE,
      { id: round.id, v: round.version },
    );
    expect(closeReportingRound.state).toBe('CLOSED');
    expect(closeReportingRound.closedAt).not.toBeNull();

    const before = await writeCounts(api);
    const coordinator = await api.as('koordinator.nes@tiltak.test');
    const returned = await coordinator.gql(RETURN, {
      input: { reportId: submitted.id, expectedVersion: submitted.version, comment: 'For sent' },
    });
    expect(refusal(returned.errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'ROUND_CLOSED' });
    const closedAgain = await api.gql(CLOSE, { id: round.id, v: round.version + 1 });
    expect(refusal(closedAgain.errors)?.reason).toBe('ROUND_CLOSED');
    const renamed = await api.gql(UPDATE, {
      input: { roundId: round.id, expectedVersion: round.version + 1, name: 'X' },
    });
    expect(refusal(renamed.errors)?.reason).toBe('ROUND_CLOSED');
    expect(await writeCounts(api)).toEqual(before);

    const { reportingRound } = await api.data<{
      reportingRound: { reports: { viewerCanSubmit: boolean; viewerCanReturn: boolean }[] };
    }>(ROUND_REPORTS, { id: round.id });
    expect(reportingRound.reports[0]).toMatchObject({ viewerCanSubmit: false, viewerCanReturn: false });
  });
});
