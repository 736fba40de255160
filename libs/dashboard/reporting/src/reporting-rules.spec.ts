import type { MyReportsQuery, ReportingRoundsQuery } from '@tiltak/dashboard-data-access';
import { sumOf } from './completion-table';
import { byRound } from './my-reports-page';
import { parseDays } from './open-round-form';
import { openFirst } from './rounds-page';

type Owed = MyReportsQuery['myReports'][number];

const aRound = (id: string) =>
  ({
    id,
    name: `Runde ${id}`,
    deadline: '2026-12-15',
    graceDays: 7,
    closesAt: '',
    state: 'OPEN',
    closedAt: null,
    version: 1,
  }) as Owed['round'];
const anOwed = (id: string, round: string, state: Owed['state'], code: string) =>
  ({ id, state, round: aRound(round), action: { code } }) as Owed;

describe('what the viewer owes, by round', () => {
  it('keeps the rounds in the API’s order, puts returned reports first and leaves out what was just submitted', () => {
    const sut = byRound([
      anOwed('1', 'a', 'NOT_STARTED', 'LOG-1'),
      anOwed('2', 'b', 'DRAFT', 'LOG-2'),
      anOwed('3', 'a', 'RETURNED', 'LOG-3'),
      anOwed('4', 'a', 'SUBMITTED', 'LOG-4'),
    ]);

    expect(sut.map((group) => [group.round.id, group.reports.map((report) => report.id)])).toEqual([
      ['a', ['3', '1']],
      ['b', ['2']],
    ]);
  });
});

describe('the rounds list', () => {
  it('shows open rounds first and keeps the newest first within each', () => {
    const rounds = [
      { id: 'new-closed', state: 'CLOSED' },
      { id: 'open', state: 'OPEN' },
      { id: 'old-closed', state: 'CLOSED' },
    ] as ReportingRoundsQuery['reportingRounds'];

    expect(openFirst(rounds).map((round) => round.id)).toEqual(['open', 'new-closed', 'old-closed']);
  });
});

describe('reminder days as typed', () => {
  it('reads whole days separated by commas, latest first and once each, and refuses anything else', () => {
    expect(parseDays('1, 7,7 ,0')).toEqual([7, 1, 0]);
    expect(parseDays('')).toEqual([]);
    expect(parseDays('7, en')).toBeNull();
    expect(parseDays('-1')).toBeNull();
    expect(parseDays('1.5')).toBeNull();
  });
});

describe('a completion table’s sum', () => {
  it('adds up each column over the rows shown', () => {
    const counts = (submitted: number, late: number, missing: number) => ({
      total: submitted + missing,
      submitted,
      late,
      missing,
      draft: 0,
      returned: 0,
    });

    expect(
      sumOf([
        { id: 'nes', name: 'Nes', counts: counts(2, 1, 3) },
        { id: 'hurdal', name: 'Hurdal', counts: counts(1, 0, 0) },
      ]),
    ).toEqual({ total: 6, submitted: 3, late: 1, missing: 3 });
  });
});
