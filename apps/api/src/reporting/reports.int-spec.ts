import { ReportOwnersRepository } from '@tiltak/api-data-access';
import { ReportsService } from '@tiltak/api-programme';
import { startTestApi, type TestApi } from '../testing/test-api';
import { Subscriber } from '../testing/subscriber';
import { refusal, ReportingFixture, type ReportRead, RETURN, SAVE, writeCounts } from './reporting-support';

const LEAD = 'leder@tiltak.test';
const NES = 'koordinator.nes@tiltak.test';
const EIDSVOLL = 'koordinator.eidsvoll@tiltak.test';
const COUNCIL = 'rad@tiltak.test';
const RAADET = 'Gardermoregionens næringsråd';

const MY_REPORTS = `{ myReports { id state action { id } municipality { name } owedBy } }`;

describe('reports', () => {
  let api: TestApi;
  let fixture: ReportingFixture;

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await new ReportingFixture(api).load();
  });

  afterAll(async () => {
    await api?.close();
  });

  const history = async (actionId: string) =>
    (
      await api.data<{ action: { history: { status: string; progress: number; comment: string; author: string }[] } }>(
        'query($id: ID!) { action(id: $id) { history { status progress comment author } } }',
        { id: actionId },
      )
    ).action.history;

  it('a lead saves a draft, then submits: the action moves and its history says who and why', async () => {
    const actionId = await fixture.action({ municipalities: ['Eidsvoll'], lead: RAADET });
    const report = await fixture.ownReport(actionId);
    const lead = await api.as(LEAD);
    const before = await fixture.figures(actionId);

    const { saveReport: draft } = await lead.data<{ saveReport: ReportRead }>(SAVE, {
      input: { reportId: report.id, expectedVersion: report.version, progress: 35, narrative: 'Første utkast' },
    });
    expect(draft).toMatchObject({
      state: 'DRAFT',
      progress: 35,
      narrative: 'Første utkast',
      version: report.version + 1,
    });
    expect((await fixture.figures(actionId)).version).toBe(before.version);

    const { saveReport: submitted } = await lead.data<{ saveReport: ReportRead }>(SAVE, {
      input: { reportId: report.id, expectedVersion: draft.version, narrative: 'Avtalene er signert', submit: true },
    });
    expect(submitted).toMatchObject({
      state: 'SUBMITTED',
      status: 'IN_PROGRESS',
      progress: 35,
      late: false,
      narrative: 'Avtalene er signert',
      submittedBy: 'Prosjektleder i næringsrådet',
      viewerCanSubmit: false,
    });
    const after = await fixture.figures(actionId);
    expect(after).toMatchObject({ progress: 35, version: before.version + 1, health: submitted.health });
    expect((await history(actionId))[0]).toEqual({
      status: 'IN_PROGRESS',
      progress: 35,
      comment: 'Avtalene er signert',
      author: 'Prosjektleder i næringsrådet',
    });
    const events = await api.db.dataSource.query(
      `SELECT entity, after->>'actionId' AS "actionId" FROM change_event
        WHERE seq > (SELECT max(seq) FROM change_event WHERE entity_id = $1 AND after->>'state' = 'DRAFT')
        ORDER BY seq`,
      [report.id],
    );
    expect(events.map((e: { entity: string }) => e.entity)).toEqual(['action', 'status_update', 'report']);
    expect(events[2].actionId).toBe(actionId);

    const again = await lead.gql(SAVE, {
      input: { reportId: report.id, expectedVersion: submitted.version, submit: true },
    });
    expect(refusal(again.errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'ALREADY_SUBMITTED' });
  });

  it('requires a narrative when the action is at risk or off track, and writes nothing without one', async () => {
    // Started long ago with nothing done: far behind the expected progress, so off track.
    const actionId = await fixture.action({ municipalities: ['Nes'], startDate: '2024-01-01', dueDate: '2027-06-30' });
    const report = await fixture.ownReport(actionId);
    const before = await writeCounts(api);

    const { errors } = await api.gql(SAVE, {
      input: { reportId: report.id, expectedVersion: report.version, submit: true },
    });
    expect(refusal(errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'NARRATIVE_REQUIRED' });
    // Called on track by the reporter, against the rules' view: a reason is needed just the same.
    const onTrack = await api.gql(SAVE, {
      input: { reportId: report.id, expectedVersion: report.version, health: 'AT_RISK', submit: true },
    });
    expect(refusal(onTrack.errors)?.reason).toBe('NARRATIVE_REQUIRED');
    expect(await writeCounts(api)).toEqual(before);

    const { saveReport } = await api.data<{ saveReport: ReportRead }>(SAVE, {
      input: { reportId: report.id, expectedVersion: report.version, narrative: 'Mangler finansiering', submit: true },
    });
    expect(saveReport).toMatchObject({ state: 'SUBMITTED', health: 'OFF_TRACK' });
  });

  it('answers CONFLICT with the current report on a stale version, writing nothing', async () => {
    const actionId = await fixture.action({ municipalities: ['Nes'] });
    const report = await fixture.ownReport(actionId);
    await api.data(SAVE, { input: { reportId: report.id, expectedVersion: report.version, narrative: 'Først' } });
    const before = await writeCounts(api);

    const { errors } = await api.gql(SAVE, {
      input: { reportId: report.id, expectedVersion: report.version, narrative: 'Sist', submit: true },
    });

    expect(errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      current: { id: report.id, narrative: 'Først', version: report.version + 1 },
    });
    expect(await writeCounts(api)).toEqual(before);
  });

  it('completes milestones with a submission, and refuses milestones that are not the action’s', async () => {
    const actionId = await fixture.action({ municipalities: ['Nes'], milestones: 2 });
    const other = await fixture.action({ municipalities: ['Nes'], milestones: 1 });
    const [first] = (await fixture.figures(actionId)).milestones;
    const [foreign] = (await fixture.figures(other)).milestones;
    const report = await fixture.ownReport(actionId);
    const before = await writeCounts(api);

    for (const [input, reason] of [
      [{ completeMilestoneIds: [foreign.id], submit: true }, 'MILESTONE_NOT_OF_ACTION'],
      [{ completeMilestoneIds: [first.id] }, 'MILESTONES_ONLY_ON_SUBMIT'],
      [{ progress: 80, submit: true }, 'PROGRESS_FROM_MILESTONES'],
    ] as const) {
      const { errors } = await api.gql(SAVE, {
        input: { reportId: report.id, expectedVersion: report.version, narrative: 'Forsøk', ...input },
      });
      expect(refusal(errors)?.reason).toBe(reason);
    }
    expect(await writeCounts(api)).toEqual(before);

    const { saveReport } = await api.data<{ saveReport: ReportRead }>(SAVE, {
      input: {
        reportId: report.id,
        expectedVersion: report.version,
        narrative: 'Første milepæl er nådd',
        completeMilestoneIds: [first.id],
        submit: true,
      },
    });
    const after = await fixture.figures(actionId);
    expect(after.milestones.find((m) => m.id === first.id)?.completedOn).not.toBeNull();
    expect(after.progress).toBe(50);
    expect(saveReport.progress).toBe(50);
  });

  it('a municipality’s part is its coordinator’s: submitting it sets that municipality’s own figures', async () => {
    const actionId = await fixture.action({ municipalities: ['Nes', 'Eidsvoll'], local: { Nes: 20 } });
    const round = await fixture.round([actionId]);
    const part = round.reports.find((r) => r.municipality?.name === 'Nes')!;
    expect(round.reports).toHaveLength(2);
    const before = await writeCounts(api);

    for (const email of [EIDSVOLL, LEAD, COUNCIL]) {
      const { errors } = await (
        await api.as(email)
      ).gql(SAVE, {
        input: { reportId: part.id, expectedVersion: part.version, progress: 90, narrative: 'Ikke min', submit: true },
      });
      expect([email, refusal(errors)?.code]).toEqual([email, 'FORBIDDEN']);
    }
    expect(await writeCounts(api)).toEqual(before);

    const nes = await api.as(NES);
    const { saveReport } = await nes.data<{ saveReport: ReportRead }>(SAVE, {
      input: {
        reportId: part.id,
        expectedVersion: part.version,
        progress: 45,
        narrative: 'Nes er i rute',
        submit: true,
      },
    });
    expect(saveReport).toMatchObject({ state: 'SUBMITTED', progress: 45, municipality: { name: 'Nes' } });
    const figures = await fixture.figures(actionId);
    expect(figures.municipalities.find((m) => m.municipality.name === 'Nes')).toMatchObject({
      ownStatus: 'IN_PROGRESS',
      ownProgress: 45,
    });
    expect(figures.municipalities.find((m) => m.municipality.name === 'Eidsvoll')?.ownProgress).toBeNull();
  });

  it('a coordinator returns a submitted report with a comment, and the lead submits it again', async () => {
    const actionId = await fixture.action({ municipalities: ['Nes'], lead: RAADET });
    const report = await fixture.ownReport(actionId);
    const lead = await api.as(LEAD);
    const submitted = (
      await lead.data<{ saveReport: ReportRead }>(SAVE, {
        input: { reportId: report.id, expectedVersion: report.version, progress: 30, narrative: 'Kort', submit: true },
      })
    ).saveReport;
    const before = await writeCounts(api);

    for (const email of [EIDSVOLL, LEAD, COUNCIL]) {
      const { errors } = await (
        await api.as(email)
      ).gql(RETURN, {
        input: { reportId: report.id, expectedVersion: submitted.version, comment: 'Utdyp' },
      });
      expect([email, refusal(errors)?.code]).toEqual([email, 'FORBIDDEN']);
    }
    const blank = await (
      await api.as(NES)
    ).gql(RETURN, {
      input: { reportId: report.id, expectedVersion: submitted.version, comment: '   ' },
    });
    expect(refusal(blank.errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'COMMENT_REQUIRED' });
    expect(await writeCounts(api)).toEqual(before);

    const nes = await api.as(NES);
    const { reportingRound } = await nes.data<{ reportingRound: { reports: ReportRead[] } }>(
      `query($id: ID!) { reportingRound(id: $id) { reports { viewerCanReturn } } }`,
      { id: report.roundId },
    );
    expect(reportingRound.reports[0].viewerCanReturn).toBe(true);
    const { returnReport } = await nes.data<{ returnReport: ReportRead }>(RETURN, {
      input: { reportId: report.id, expectedVersion: submitted.version, comment: 'Skriv litt om finansieringen' },
    });
    expect(returnReport).toMatchObject({
      state: 'RETURNED',
      returnComment: 'Skriv litt om finansieringen',
      returnedBy: 'Næringskoordinator i Nes',
    });
    const notSubmitted = await nes.gql(RETURN, {
      input: { reportId: report.id, expectedVersion: returnReport.version, comment: 'Igjen' },
    });
    expect(refusal(notSubmitted.errors)?.reason).toBe('NOT_SUBMITTED');

    const mine = await lead.data<{ myReports: { id: string; state: string }[] }>(MY_REPORTS);
    expect(mine.myReports.find((r) => r.id === report.id)?.state).toBe('RETURNED');

    const { saveReport } = await lead.data<{ saveReport: ReportRead }>(SAVE, {
      input: {
        reportId: report.id,
        expectedVersion: returnReport.version,
        narrative: 'Finansieringen er avklart med fylkeskommunen',
        submit: true,
      },
    });
    expect(saveReport).toMatchObject({ state: 'SUBMITTED', progress: 30 });
    expect((await history(actionId))[0].comment).toBe('Finansieringen er avklart med fylkeskommunen');
    const after = await lead.data<{ myReports: { id: string }[] }>(MY_REPORTS);
    expect(after.myReports.map((r) => r.id)).not.toContain(report.id);
  });

  it('lists what each user owes: the lead their party’s actions, a coordinator the rest of theirs and their parts', async () => {
    const led = await fixture.action({ municipalities: ['Nes'], lead: RAADET });
    const unled = await fixture.action({ municipalities: ['Nes', 'Eidsvoll'], local: { Eidsvoll: 10 } });
    const round = await fixture.round([led, unled]);
    const ids = (actionId: string, municipality: string | null) =>
      round.reports.find((r) => r.action.id === actionId && (r.municipality?.name ?? null) === municipality)!.id;

    const owed = async (email: string) =>
      (await (await api.as(email)).data<{ myReports: { id: string }[] }>(MY_REPORTS)).myReports.map((r) => r.id);
    const lead = await owed(LEAD);
    const nes = await owed(NES);
    const eidsvoll = await owed(EIDSVOLL);
    const council = await owed(COUNCIL);

    expect(lead).toContain(ids(led, null));
    expect(lead).not.toContain(ids(unled, null));
    expect(nes).toContain(ids(unled, null));
    expect(nes).not.toContain(ids(led, null));
    expect(nes).not.toContain(ids(unled, 'Eidsvoll'));
    expect(eidsvoll).toEqual(expect.arrayContaining([ids(unled, null), ids(unled, 'Eidsvoll')]));
    expect(council).toEqual([]);

    const reports = await fixture.reports(round.id, await api.as(COUNCIL));
    expect(reports.find((r) => r.id === ids(led, null))?.owedBy).toEqual(['Prosjektleder i næringsrådet']);
    expect(reports.find((r) => r.id === ids(unled, null))?.owedBy).toEqual([
      'Næringskoordinator i Eidsvoll',
      'Næringskoordinator i Nes',
    ]);
    expect(reports.every((r) => !r.viewerCanSubmit && !r.viewerCanReturn)).toBe(true);

    const { errors } = await api.anonymous.gql(MY_REPORTS);
    expect(refusal(errors)?.code).toBe('UNAUTHENTICATED');

    // The same rule as reminders read it: a row per owing user, with what a digest needs to say.
    const owners = api.get(ReportOwnersRepository);
    const rows = await owners.owedReports([round.id]);
    expect(rows.map((r) => [r.reportId, r.userName]).sort()).toEqual(
      [
        [ids(led, null), 'Prosjektleder i næringsrådet'],
        [ids(unled, null), 'Næringskoordinator i Eidsvoll'],
        [ids(unled, null), 'Næringskoordinator i Nes'],
        [ids(unled, 'Eidsvoll'), 'Næringskoordinator i Eidsvoll'],
      ].sort(),
    );
    expect(rows.find((r) => r.reportId === ids(unled, 'Eidsvoll'))).toMatchObject({
      roundId: round.id,
      deadline: '2030-06-30',
      actionId: unled,
      municipalityName: 'Eidsvoll',
      state: 'NOT_STARTED',
      email: 'koordinator.eidsvoll@tiltak.test',
      language: 'nb',
    });
    const ledReport = round.reports.find((r) => r.id === ids(led, null))!;
    await api.data(SAVE, {
      input: { reportId: ledReport.id, expectedVersion: ledReport.version, narrative: 'Ferdig', submit: true },
    });
    expect((await owners.owedReports([round.id])).map((r) => r.reportId)).not.toContain(ids(led, null));
    await api.data('mutation($id: ID!, $v: Int!) { closeReportingRound(roundId: $id, expectedVersion: $v) { id } }', {
      id: round.id,
      v: round.version,
    });
    await expect(owners.owedReports([round.id])).resolves.toEqual([]);
  });

  it('two parts of one action submitted at the same moment both count in the action’s figures', async () => {
    const actionId = await fixture.action({
      municipalities: ['Nes', 'Eidsvoll'],
      local: { Nes: 10, Eidsvoll: 10 },
      milestones: 2,
    });
    const [first, second] = (await fixture.figures(actionId)).milestones;
    const round = await fixture.round([actionId]);
    const part = (name: string) => round.reports.find((r) => r.municipality?.name === name)!;
    const nes = await api.as(NES);
    const eidsvoll = await api.as(EIDSVOLL);

    const [a, b] = await Promise.all([
      nes.gql(SAVE, {
        input: {
          reportId: part('Nes').id,
          expectedVersion: part('Nes').version,
          progress: 60,
          narrative: 'Nes',
          completeMilestoneIds: [first.id],
          submit: true,
        },
      }),
      eidsvoll.gql(SAVE, {
        input: {
          reportId: part('Eidsvoll').id,
          expectedVersion: part('Eidsvoll').version,
          progress: 70,
          narrative: 'Eidsvoll',
          completeMilestoneIds: [second.id],
          submit: true,
        },
      }),
    ]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);

    const figures = await fixture.figures(actionId);
    expect(figures.progress).toBe(100);
    expect(figures.milestones.every((m) => m.completedOn !== null)).toBe(true);
    expect(figures.municipalities.map((m) => [m.municipality.name, m.ownProgress]).sort()).toEqual([
      ['Eidsvoll', 70],
      ['Nes', 60],
    ]);
  });

  it('sends report changes to a signed-in subscriber as they happen', async () => {
    const actionId = await fixture.action({ municipalities: ['Nes'] });
    const report = await fixture.ownReport(actionId);
    const subscriber = new Subscriber(api.url, await api.tokenFor(COUNCIL));
    try {
      await subscriber.ready();
      await api.data(SAVE, {
        input: { reportId: report.id, expectedVersion: report.version, narrative: 'Live', submit: true },
      });
      await subscriber.until((received) => received.some((c) => c.entity === 'report' && c.entityId === report.id));
      const change = subscriber.received.find((c) => c.entity === 'report')!;
      expect(change.actionId).toBe(actionId);
      expect(subscriber.received.map((c) => c.entity)).toEqual(expect.arrayContaining(['action', 'status_update']));
    } finally {
      await subscriber.close();
    }
  });

  it('saves and submits by link as the same path does, with the person named in the history', async () => {
    const actionId = await fixture.action({ municipalities: ['Nes'], lead: RAADET });
    const report = await fixture.ownReport(actionId);
    const reports = api.get(ReportsService);
    const actor = { name: 'Kari Nordmann, via lenke fra Nes kommune', userId: null };

    const draft = await reports.saveByLink(actor, report.id, { expectedVersion: report.version, progress: 25 });
    expect(draft.state).toBe('DRAFT');
    await expect(
      reports.saveByLink(actor, report.id, { expectedVersion: report.version, narrative: 'Utdatert', submit: true }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const submitted = await reports.saveByLink(actor, report.id, {
      expectedVersion: draft.version,
      narrative: 'Rapportert fra mobilen',
      submit: true,
    });
    expect(submitted).toMatchObject({ state: 'SUBMITTED', progress: 25, submittedByName: actor.name });
    expect((await history(actionId))[0]).toMatchObject({ author: actor.name, comment: 'Rapportert fra mobilen' });
  });
});

describe('reports on a public dashboard', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_DASHBOARD: 'true' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('shows signed-out visitors neither rounds nor reports, nor their live changes', async () => {
    const fixture = await new ReportingFixture(api).load();
    const actionId = await fixture.action({ municipalities: ['Nes'] });
    const later = await fixture.action({ municipalities: ['Nes'] });
    const report = await fixture.ownReport(actionId);
    const visitor = new Subscriber(api.url, null);
    try {
      await visitor.ready();
      await api.data(SAVE, {
        input: { reportId: report.id, expectedVersion: report.version, narrative: 'Offentlig?', submit: true },
      });
      const { version } = await fixture.figures(later);
      await api.data('mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }', {
        input: { actionId: later, expectedVersion: version, progress: 5 },
      });
      // Changes arrive in commit order: once the later write's has come, the submission's all have.
      await visitor.until((received) => received.some((c) => c.entity === 'status_update' && c.actionId === later));
      expect(visitor.received.some((c) => c.entity === 'status_update' && c.actionId === actionId)).toBe(true);
      expect(visitor.received.filter((c) => c.entity === 'report' || c.entity === 'reporting_round')).toEqual([]);
    } finally {
      await visitor.close();
    }
    const { errors } = await api.anonymous.gql('{ reportingRounds { id } }');
    expect(refusal(errors)?.code).toBe('UNAUTHENTICATED');
  });
});
