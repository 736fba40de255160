import { SettableClock } from '@tiltak/api-core';
import { ReportingRoundsService } from '@tiltak/api-programme';
import { startTestApi, type TestApi } from '../testing/test-api';
import {
  OPEN,
  refusal,
  ReportingFixture,
  type ReportRead,
  ROUND_REPORTS,
  SAVE,
  writeCounts,
} from './reporting-support';

/**
 * Lateness and closing go by the injected clock, in Oslo time: a round with its deadline on
 * Friday 4 December 2026 and three days' grace takes reports until midnight after Monday 7 December.
 */
describe('report deadlines, by the clock', () => {
  const clock = new SettableClock(new Date('2026-12-02T10:00:00Z'));
  let api: TestApi;
  let fixture: ReportingFixture;

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    fixture = await new ReportingFixture(api).load();
  });

  afterAll(async () => {
    await api?.close();
  });

  const submit = (report: ReportRead) =>
    api.gql<{ saveReport: ReportRead }>(SAVE, {
      input: { reportId: report.id, expectedVersion: report.version, narrative: 'Levert', submit: true },
    });

  it('marks late only what comes after the deadline day, and closes at midnight after the grace days', async () => {
    const actions = [
      await fixture.action({ municipalities: ['Nes'] }),
      await fixture.action({ municipalities: ['Nes'] }),
      await fixture.action({ municipalities: ['Nes'] }),
    ];
    const round = await fixture.round(actions, { deadline: '2026-12-04', graceDays: 3 });
    const report = (i: number) => round.reports.find((r) => r.action.id === actions[i])!;
    const rounds = api.get(ReportingRoundsService);

    clock.set(new Date('2026-12-04T22:30:00Z')); // 23:30 on the deadline day in Oslo
    expect((await submit(report(0))).data?.saveReport.late).toBe(false);

    clock.set(new Date('2026-12-04T23:30:00Z')); // 00:30 the day after, in Oslo
    expect((await submit(report(1))).data?.saveReport.late).toBe(true);

    clock.set(new Date('2026-12-07T22:59:59Z')); // the last second of the grace period
    await expect(rounds.closeDueRounds()).resolves.toEqual([]);
    const { errors: stillOpen } = await api.gql(SAVE, {
      input: { reportId: report(2).id, expectedVersion: report(2).version, narrative: 'Utkast' },
    });
    expect(stillOpen).toBeUndefined();

    clock.set(new Date('2026-12-07T23:00:00Z')); // midnight in Oslo: the round's time is up
    const before = await writeCounts(api);
    const late = await api.gql(SAVE, {
      input: { reportId: report(2).id, expectedVersion: report(2).version + 1, narrative: 'For sent', submit: true },
    });
    expect(refusal(late.errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'ROUND_CLOSED' });
    expect(await writeCounts(api)).toEqual(before);

    await expect(rounds.closeDueRounds()).resolves.toEqual([round.id]);
    await expect(rounds.closeDueRounds()).resolves.toEqual([]);
    const { reportingRound } = await api.data<{
      reportingRound: { state: string; closedAt: string; completion: { counts: Record<string, number> } };
    }>(
      `query($id: ID!) { reportingRound(id: $id) { state closedAt
         completion { counts { total submitted late draft missing } } } }`,
      { id: round.id },
    );
    expect(reportingRound).toEqual({
      state: 'CLOSED',
      closedAt: '2026-12-07T23:00:00.000Z',
      completion: { counts: { total: 3, submitted: 2, late: 1, draft: 1, missing: 1 } },
    });
    const frozen = await fixture.reports(round.id);
    expect(frozen.map((r) => r.viewerCanSubmit)).toEqual([false, false, false]);
  });

  it('closes a due round once however many ask at the same moment', async () => {
    clock.set(new Date('2026-12-10T09:00:00Z'));
    const action = await fixture.action({ municipalities: ['Eidsvoll'] });
    const round = await fixture.round([action], { deadline: '2026-12-10', graceDays: 0 });
    const rounds = api.get(ReportingRoundsService);

    clock.set(new Date('2026-12-10T23:00:00Z'));
    const answers = await Promise.all([rounds.closeDueRounds(), rounds.closeDueRounds(), rounds.closeDueRounds()]);

    expect(answers.flat()).toEqual([round.id]);
    const [{ closes }] = await api.db.dataSource.query(
      `SELECT count(*)::int AS closes FROM change_event
        WHERE entity = 'reporting_round' AND entity_id = $1 AND after->>'state' = 'CLOSED'`,
      [round.id],
    );
    expect(closes).toBe(1);
    const { reportingRound } = await api.data<{ reportingRound: { state: string } }>(ROUND_REPORTS, { id: round.id });
    expect(reportingRound.state).toBe('CLOSED');
  });

  it('takes a deadline of today by the clock, never one already gone', async () => {
    clock.set(new Date('2026-12-14T12:00:00Z'));
    const action = await fixture.action({ municipalities: ['Nes'] });
    const past = await api.gql(OPEN, { input: { name: 'For sent', deadline: '2026-12-13', actionIds: [action] } });
    expect(refusal(past.errors)?.reason).toBe('DEADLINE_IN_PAST');
    const today = await api.gql(OPEN, { input: { name: 'I dag', deadline: '2026-12-14', actionIds: [action] } });
    expect(today.errors).toBeUndefined();
  });
});
