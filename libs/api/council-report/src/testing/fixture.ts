import type {
  ActionStatus,
  FundingTotals,
  Health,
  ProgrammeChanges,
  SnapshotAction,
  SnapshotDocument,
} from '@tiltak/domain';

const MUNICIPALITIES = ['Eidsvoll', 'Gjerdrum', 'Hurdal', 'Nannestad', 'Nes', 'Ullensaker'];
const municipalityId = (name: string) => `m-${name.toLowerCase()}`;
const health = (onTrack: number, atRisk: number, offTrack: number) => ({ onTrack, atRisk, offTrack });
const statuses = (notStarted: number, inProgress: number, onHold: number, completed: number, cancelled: number) => ({
  notStarted,
  inProgress,
  onHold,
  completed,
  cancelled,
});
const totals = (
  budget: number | null,
  granted: number,
  applied: number,
  planned: number,
  refused: number,
): FundingTotals => ({
  budget,
  granted,
  applied,
  planned,
  refused,
  actionCount: 2,
  bySource: [],
});

function action(
  code: string,
  name: string,
  focusAreaId: string,
  status: ActionStatus,
  health: Health,
  progress: number,
  municipalities: string[],
  extra: Partial<SnapshotAction> = {},
): SnapshotAction {
  const ids = municipalities.map(municipalityId);
  return {
    id: `a-${code}`,
    code,
    name,
    focusAreaId,
    municipalityIds: ids,
    goalIds: [],
    status,
    progress,
    health,
    healthOverridden: false,
    narrative: null,
    narrativeSource: null,
    deadline: '2027-06-30',
    municipalityFigures: ids.map((id) => ({ municipalityId: id, status, progress, health })),
    milestones: [],
    involvements: [],
    budget: null,
    fundingLines: [],
    caseReference: null,
    ...extra,
  };
}

/** A hand-made snapshot of a programme for Øvre Romerike, with every status and health, æøå in names and text. */
export function fixtureSnapshot(): SnapshotDocument {
  return {
    format: 1,
    takenAt: '2026-12-01T09:00:00.000Z',
    asOf: '2026-12-01',
    programme: {
      id: 'p-1',
      name: 'Handlingsprogram for næringsutvikling på Øvre Romerike',
      period: '2025–2028',
      regionName: 'Øvre Romerike',
      progress: 41.5,
      expectedProgress: 48.2,
      byHealth: health(3, 2, 1),
      byStatus: statuses(1, 4, 1, 1, 1),
    },
    municipalities: MUNICIPALITIES.map((name, index) => ({
      id: municipalityId(name),
      name,
      progress: 30 + index * 5,
      actionCount: 3 + (index % 2),
      byHealth: health(2, 1, index % 2),
    })),
    focusAreas: [
      {
        id: 'f-1',
        code: 'SO1',
        name: 'Reiseliv og opplevelsesnæring',
        goalId: null,
        progress: 55,
        actionCount: 3,
        byHealth: health(2, 0, 0),
      },
      {
        id: 'f-2',
        code: 'SO2',
        name: 'Grønn næringsutvikling og kompetanse',
        goalId: null,
        progress: 32.5,
        actionCount: 3,
        byHealth: health(1, 1, 1),
      },
      {
        id: 'f-3',
        code: 'SO3',
        name: 'Samferdsel og infrastruktur',
        goalId: null,
        progress: 20,
        actionCount: 2,
        byHealth: health(0, 1, 0),
      },
    ],
    matrix: MUNICIPALITIES.flatMap((name, m) =>
      ['f-1', 'f-2', 'f-3'].map((focusAreaId, f) => ({
        municipalityId: municipalityId(name),
        focusAreaId,
        progress: 10 + m * 7 + f * 3,
        expectedProgress: 40,
        actionCount: 1 + ((m + f) % 3),
        byStatus: statuses(0, 1, 0, 0, 0),
        byHealth: health(1, 0, 0),
        overdueMilestones: 0,
      })),
    ),
    goals: [{ id: 'g-1', code: 'M1', name: 'Flere arbeidsplasser i regionen', parentId: null, progress: 40 }],
    actions: [
      action(
        'T1.1',
        'Felles reisemålsselskap for Øvre Romerike',
        'f-1',
        'IN_PROGRESS',
        'ON_TRACK',
        60,
        MUNICIPALITIES,
        {
          narrative: 'Styret er på plass, og første sesong går etter planen i alle seks kommunene.',
          narrativeSource: 'REPORT',
          milestones: [
            {
              id: 'ms-1',
              title: 'Selskapet stiftet',
              dueDate: '2026-03-01',
              weight: 1,
              completedOn: '2026-02-20',
              overdue: false,
            },
            {
              id: 'ms-2',
              title: 'Første sesongplan vedtatt',
              dueDate: '2027-02-01',
              weight: 1,
              completedOn: null,
              overdue: false,
            },
          ],
          involvements: [
            { partyId: 'party-visit', role: 'LEAD', level: 'OPERATIONAL' },
            { partyId: 'party-eidsvoll', role: 'PARTNER', level: 'STRATEGIC' },
          ],
          budget: 1250000,
          fundingLines: [
            {
              id: 'fl-1',
              source: 'COUNTY',
              municipalityId: null,
              sourceName: null,
              status: 'GRANTED',
              amount: 500000,
              year: 2026,
            },
            {
              id: 'fl-2',
              source: 'MUNICIPALITY',
              municipalityId: 'm-eidsvoll',
              sourceName: null,
              status: 'PLANNED',
              amount: 150000,
              year: 2027,
            },
          ],
          caseReference: '2026/1234',
        },
      ),
      action(
        'T1.2',
        'Sykkelturisme langs Vorma og Hurdalssjøen',
        'f-1',
        'COMPLETED',
        'ON_TRACK',
        100,
        ['Eidsvoll', 'Hurdal'],
        {
          narrative: 'Løypene er skiltet og åpnet.',
          narrativeSource: 'STATUS_UPDATE',
        },
      ),
      action('T1.3', 'Opplevelsespakker på Gardermoen', 'f-1', 'NOT_STARTED', 'ON_TRACK', 0, ['Ullensaker']),
      action(
        'T2.1',
        'Kompetanseløft for grønn omstilling',
        'f-2',
        'IN_PROGRESS',
        'AT_RISK',
        25,
        ['Nes', 'Nannestad', 'Gjerdrum'],
        {
          narrative: 'Færre bedrifter har meldt seg på enn ventet; vi trenger økt rekruttering før våren.',
          narrativeSource: 'REPORT',
          milestones: [
            {
              id: 'ms-3',
              title: 'Kartlegging av kompetansebehov',
              dueDate: '2026-10-01',
              weight: 2,
              completedOn: null,
              overdue: true,
            },
          ],
          involvements: [{ partyId: 'party-oslomet', role: 'LEAD', level: 'OPERATIONAL' }],
          budget: 800000,
          fundingLines: [
            {
              id: 'fl-3',
              source: 'INNOVASJON_NORGE',
              municipalityId: null,
              sourceName: null,
              status: 'APPLIED',
              amount: 350000,
              year: 2026,
            },
            {
              id: 'fl-4',
              source: 'PRIVATE',
              municipalityId: null,
              sourceName: 'Sparebankstiftelsen Hedmark',
              status: 'REFUSED',
              amount: 75000,
              year: 2026,
            },
          ],
        },
      ),
      action('T2.2', 'Biogassanlegg på Nes', 'f-2', 'ON_HOLD', 'OFF_TRACK', 10, ['Nes'], {
        healthOverridden: true,
        narrative: 'Reguleringsplanen er påklaget; arbeidet står til klagen er avgjort.',
        narrativeSource: 'HEALTH_OVERRIDE',
        involvements: [{ partyId: 'party-eidsvoll', role: 'PARTNER', level: 'OPERATIONAL' }],
      }),
      action('T2.3', 'Grønt industrinettverk', 'f-2', 'CANCELLED', 'ON_TRACK', 0, ['Gjerdrum']),
      action(
        'T3.1',
        'Bedre kollektivtilbud til næringsområdene',
        'f-3',
        'IN_PROGRESS',
        'AT_RISK',
        30,
        ['Ullensaker', 'Nannestad'],
        {
          fundingLines: [
            {
              id: 'fl-5',
              source: 'STATE',
              municipalityId: null,
              sourceName: null,
              status: 'GRANTED',
              amount: 2000000,
              year: 2027,
            },
          ],
        },
      ),
      action('T3.2', 'Bredbånd i spredtbygde strøk', 'f-3', 'IN_PROGRESS', 'ON_TRACK', 45, ['Hurdal', 'Nes']),
    ],
    parties: [
      { id: 'party-visit', name: 'Visit Øvre Romerike', kind: 'BUSINESS', municipalityId: null },
      { id: 'party-eidsvoll', name: 'Eidsvoll kommune', kind: 'MUNICIPALITY', municipalityId: 'm-eidsvoll' },
      {
        id: 'party-oslomet',
        name: 'Kunnskapsparken Gardermoen',
        kind: 'RESEARCH_INNOVATION',
        municipalityId: 'm-ullensaker',
      },
    ],
    indicators: [
      {
        id: 'i-1',
        name: 'Nye arbeidsplasser i reiselivet',
        unit: 'årsverk',
        focusAreaId: 'f-1',
        baseline: 120,
        target: 300,
        targetYear: 2028,
        summable: true,
        values: MUNICIPALITIES.flatMap((name, index) => [
          { municipalityId: municipalityId(name), year: 2025, value: 10 + index * 3 },
          { municipalityId: municipalityId(name), year: 2026, value: 14 + index * 4 },
        ]),
        regionalValues: [
          { year: 2025, value: 105 },
          { year: 2026, value: 144 },
        ],
      },
      {
        id: 'i-2',
        name: 'Bedrifter i grønne nettverk',
        unit: 'bedrifter',
        focusAreaId: 'f-2',
        baseline: 12,
        target: 40,
        targetYear: 2028,
        summable: false,
        values: [],
        regionalValues: [],
      },
    ],
    funding: {
      region: {
        ...totals(2050000, 2500000, 350000, 150000, 75000),
        actionCount: 8,
        bySource: [
          { source: 'MUNICIPALITY', status: 'PLANNED', amount: 150000 },
          { source: 'COUNTY', status: 'GRANTED', amount: 500000 },
          { source: 'INNOVASJON_NORGE', status: 'APPLIED', amount: 350000 },
          { source: 'STATE', status: 'GRANTED', amount: 2000000 },
          { source: 'PRIVATE', status: 'REFUSED', amount: 75000 },
        ],
      },
      byFocusArea: [
        { focusAreaId: 'f-1', ...totals(1250000, 500000, 0, 150000, 0) },
        { focusAreaId: 'f-2', ...totals(800000, 0, 350000, 0, 75000) },
        { focusAreaId: 'f-3', ...totals(null, 2000000, 0, 0, 0) },
      ],
      byMunicipality: MUNICIPALITIES.map((name) => ({
        municipalityId: municipalityId(name),
        ...totals(null, 0, 0, name === 'Eidsvoll' ? 150000 : 0, 0),
      })),
    },
  };
}

/** What changed since an earlier snapshot: one entry in each list. */
export function fixtureChanges(): ProgrammeChanges {
  return {
    fromTakenAt: '2026-09-01T09:00:00.000Z',
    toTakenAt: '2026-12-01T09:00:00.000Z',
    statusChanges: [
      {
        actionId: 'a-T1.2',
        code: 'T1.2',
        name: 'Sykkelturisme langs Vorma og Hurdalssjøen',
        from: 'IN_PROGRESS',
        to: 'COMPLETED',
      },
    ],
    healthChanges: [
      {
        actionId: 'a-T2.2',
        code: 'T2.2',
        name: 'Biogassanlegg på Nes',
        from: 'AT_RISK',
        to: 'OFF_TRACK',
        direction: 'WORSE',
      },
    ],
    milestonesCompleted: [
      { actionId: 'a-T1.1', code: 'T1.1', milestoneId: 'ms-1', title: 'Selskapet stiftet', completedOn: '2026-02-20' },
    ],
    milestonesSlipped: [
      {
        actionId: 'a-T2.1',
        code: 'T2.1',
        milestoneId: 'ms-3',
        title: 'Kartlegging av kompetansebehov',
        fromDueDate: '2026-10-01',
        toDueDate: '2026-10-01',
        reason: 'PASSED',
      },
    ],
    newActions: [{ actionId: 'a-T3.2', code: 'T3.2', name: 'Bredbånd i spredtbygde strøk' }],
    cancelledActions: [{ actionId: 'a-T2.3', code: 'T2.3', name: 'Grønt industrinettverk' }],
    newRisks: [
      {
        actionId: 'a-T2.1',
        code: 'T2.1',
        name: 'Kompetanseløft for grønn omstilling',
        health: 'AT_RISK',
        narrative: 'Færre bedrifter har meldt seg på enn ventet; vi trenger økt rekruttering før våren.',
      },
    ],
    indicatorValuesAdded: [
      {
        indicatorId: 'i-1',
        name: 'Nye arbeidsplasser i reiselivet',
        municipalityId: 'm-hurdal',
        year: 2026,
        from: null,
        to: 22,
      },
    ],
  };
}
