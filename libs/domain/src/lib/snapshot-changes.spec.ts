import type { SnapshotAction, SnapshotDocument, SnapshotMilestone } from './snapshot';
import { compareActionCodes, compareSnapshots } from './snapshot-changes';

const milestone = (id: string, dueDate: string, completedOn: string | null = null): SnapshotMilestone => ({
  id,
  title: `Milepæl ${id}`,
  dueDate,
  weight: 1,
  completedOn,
  overdue: false,
});

const action = (code: string, extra: Partial<SnapshotAction> = {}): SnapshotAction => ({
  id: `id-${code}`,
  code,
  name: `Tiltak ${code}`,
  focusAreaId: 'fa',
  municipalityIds: ['nes'],
  goalIds: [],
  status: 'IN_PROGRESS',
  progress: 40,
  health: 'ON_TRACK',
  healthOverridden: false,
  narrative: null,
  narrativeSource: null,
  deadline: '2027-12-31',
  municipalityFigures: [],
  milestones: [],
  involvements: [],
  budget: null,
  fundingLines: [],
  caseReference: null,
  ...extra,
});

const doc = (asOf: string, actions: SnapshotAction[], values: { m: string; year: number; value: number }[] = []) =>
  ({
    format: 1,
    takenAt: `${asOf}T10:00:00.000Z`,
    asOf,
    programme: {} as SnapshotDocument['programme'],
    municipalities: [],
    focusAreas: [],
    matrix: [],
    goals: [],
    actions,
    parties: [],
    indicators: [
      {
        id: 'jobs',
        name: 'Arbeidsplasser',
        unit: 'antall',
        focusAreaId: null,
        baseline: 0,
        target: 100,
        targetYear: 2028,
        summable: true,
        values: values.map((v) => ({ municipalityId: v.m, year: v.year, value: v.value })),
        regionalValues: [],
      },
    ],
    funding: {} as SnapshotDocument['funding'],
  }) satisfies SnapshotDocument;

const count = (c: ReturnType<typeof compareSnapshots>) =>
  c.statusChanges.length +
  c.healthChanges.length +
  c.milestonesCompleted.length +
  c.milestonesSlipped.length +
  c.newActions.length +
  c.cancelledActions.length +
  c.newRisks.length +
  c.indicatorValuesAdded.length;

describe('compareSnapshots', () => {
  it('finds nothing between a snapshot and itself', () => {
    const same = doc('2026-03-01', [action('POL-1', { milestones: [milestone('a', '2026-05-01')] })]);
    const changes = compareSnapshots(same, same);
    expect(count(changes)).toBe(0);
    expect(changes.fromTakenAt).toBe(same.takenAt);
  });

  it('lists status moves and cancelled actions', () => {
    const before = doc('2026-03-01', [action('POL-1'), action('POL-2')]);
    const after = doc('2026-04-01', [
      action('POL-1', { status: 'COMPLETED' }),
      action('POL-2', { status: 'CANCELLED' }),
    ]);
    const changes = compareSnapshots(before, after);
    expect(changes.statusChanges.map((c) => [c.code, c.from, c.to])).toEqual([
      ['POL-1', 'IN_PROGRESS', 'COMPLETED'],
      ['POL-2', 'IN_PROGRESS', 'CANCELLED'],
    ]);
    expect(changes.cancelledActions).toEqual([{ actionId: 'id-POL-2', code: 'POL-2', name: 'Tiltak POL-2' }]);
  });

  it('says whether health got better or worse, and names new risks with their narrative', () => {
    const before = doc('2026-03-01', [
      action('POL-1'),
      action('POL-2', { health: 'OFF_TRACK' }),
      action('POL-3', { health: 'AT_RISK' }),
    ]);
    const after = doc('2026-04-01', [
      action('POL-1', { health: 'AT_RISK', narrative: 'Mangler finansiering' }),
      action('POL-2', { health: 'AT_RISK' }),
      action('POL-3', { health: 'OFF_TRACK' }),
    ]);
    const changes = compareSnapshots(before, after);
    expect(changes.healthChanges.map((c) => [c.code, c.direction])).toEqual([
      ['POL-1', 'WORSE'],
      ['POL-2', 'BETTER'],
      ['POL-3', 'WORSE'],
    ]);
    // Only POL-1 became a risk: the others were at risk or off track already.
    expect(changes.newRisks).toEqual([
      {
        actionId: 'id-POL-1',
        code: 'POL-1',
        name: 'Tiltak POL-1',
        health: 'AT_RISK',
        narrative: 'Mangler finansiering',
      },
    ]);
  });

  it('lists new actions, and a new one at risk as a new risk', () => {
    const before = doc('2026-03-01', [action('POL-1')]);
    const after = doc('2026-04-01', [
      action('POL-1'),
      action('POL-10', { health: 'OFF_TRACK', narrative: 'Startet sent' }),
      action('POL-2'),
    ]);
    const changes = compareSnapshots(before, after);
    expect(changes.newActions.map((a) => a.code)).toEqual(['POL-2', 'POL-10']);
    expect(changes.newRisks.map((r) => [r.code, r.narrative])).toEqual([['POL-10', 'Startet sent']]);
    expect(changes.healthChanges).toEqual([]);
  });

  it('lists milestones completed between the two, also on new actions', () => {
    const before = doc('2026-03-01', [action('POL-1', { milestones: [milestone('a', '2026-05-01')] })]);
    const after = doc('2026-04-01', [
      action('POL-1', { milestones: [milestone('a', '2026-05-01', '2026-03-20')] }),
      action('POL-2', {
        milestones: [milestone('b', '2026-06-01', '2026-03-10'), milestone('c', '2025-01-01', '2025-01-01')],
      }),
    ]);
    expect(
      compareSnapshots(before, after).milestonesCompleted.map((m) => [m.code, m.milestoneId, m.completedOn]),
    ).toEqual([
      ['POL-1', 'a', '2026-03-20'],
      ['POL-2', 'b', '2026-03-10'],
    ]);
  });

  it('lists milestones that slipped: due date passed between the two, or moved later', () => {
    const before = doc('2026-03-01', [
      action('POL-1', {
        milestones: [
          milestone('passed', '2026-03-15'),
          milestone('moved', '2026-05-01'),
          milestone('earlier', '2026-06-01'),
          milestone('overdue-already', '2026-02-01'),
          milestone('done', '2026-03-10'),
          milestone('due-on-after-date', '2026-04-01'),
        ],
      }),
    ]);
    const after = doc('2026-04-01', [
      action('POL-1', {
        milestones: [
          milestone('passed', '2026-03-15'),
          milestone('moved', '2026-09-01'),
          milestone('earlier', '2026-05-15'),
          milestone('overdue-already', '2026-02-01'),
          milestone('done', '2026-03-10', '2026-03-09'),
          milestone('due-on-after-date', '2026-04-01'),
        ],
      }),
    ]);
    expect(
      compareSnapshots(before, after).milestonesSlipped.map((m) => [
        m.milestoneId,
        m.fromDueDate,
        m.toDueDate,
        m.reason,
      ]),
    ).toEqual([
      ['moved', '2026-05-01', '2026-09-01', 'MOVED'],
      ['passed', '2026-03-15', '2026-03-15', 'PASSED'],
    ]);
  });

  it('lists indicator values added or changed, with the old value, and not those unchanged', () => {
    const before = doc(
      '2026-03-01',
      [],
      [
        { m: 'nes', year: 2025, value: 10 },
        { m: 'eidsvoll', year: 2025, value: 5 },
      ],
    );
    const after = doc(
      '2026-04-01',
      [],
      [
        { m: 'nes', year: 2025, value: 12 },
        { m: 'eidsvoll', year: 2025, value: 5 },
        { m: 'nes', year: 2026, value: 3 },
      ],
    );
    expect(compareSnapshots(before, after).indicatorValuesAdded).toEqual([
      { indicatorId: 'jobs', name: 'Arbeidsplasser', municipalityId: 'nes', year: 2025, from: 10, to: 12 },
      { indicatorId: 'jobs', name: 'Arbeidsplasser', municipalityId: 'nes', year: 2026, from: null, to: 3 },
    ]);
  });

  it('gives the same answer whatever order the documents list things in', () => {
    const actions = [
      action('POL-2', { status: 'ON_HOLD' }),
      action('NAE-3', { status: 'ON_HOLD' }),
      action('POL-11', { status: 'ON_HOLD' }),
    ];
    const before = doc(
      '2026-03-01',
      actions.map((a) => ({ ...a, status: 'IN_PROGRESS' as const })),
    );
    const one = compareSnapshots(before, doc('2026-04-01', actions));
    const other = compareSnapshots(before, doc('2026-04-01', [...actions].reverse()));
    expect(one).toEqual(other);
    expect(one.statusChanges.map((c) => c.code)).toEqual(['NAE-3', 'POL-2', 'POL-11']);
  });
});

describe('compareActionCodes', () => {
  it('orders by prefix, then by number', () => {
    expect(['POL-10', 'NAE-2', 'POL-2', 'POL-1'].sort(compareActionCodes)).toEqual([
      'NAE-2',
      'POL-1',
      'POL-2',
      'POL-10',
    ]);
  });
});
