import type { HealthCounts, ProgrammeChanges, SnapshotDocument, StatusCounts } from '@tiltak/domain';
import { type Catalogue, catalogue, type ReportLanguage } from './catalogue';
import { type Formats, formatsFor } from './formats';
import { indicatorChart, type BarChart } from './indicator-chart';
import { moneyBlocks } from './money-content';

/**
 * The report as a list of blocks both renderers walk, so the Word file and the PDF say the same
 * words in the same order, and the tests can hold either against one expectation.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; newPage?: boolean }
  | { kind: 'paragraph'; text: string; label?: string }
  | { kind: 'list'; items: readonly string[] }
  | {
      kind: 'table';
      caption: string;
      header: readonly string[];
      rows: readonly (readonly string[])[];
      /** Columns of figures, aligned right. */
      numeric?: readonly number[];
    }
  | { kind: 'chart'; chart: BarChart };

export interface ReportCover {
  heading: string;
  programme: string;
  lines: string[];
}

export interface ReportContent {
  language: ReportLanguage;
  words: Catalogue;
  /** The document's title in its properties and the reader's title bar. */
  title: string;
  cover: ReportCover;
  blocks: Block[];
}

/** What a report is made of: one stored snapshot and, when there is one, what changed since the one before. */
export interface CouncilReportInput {
  snapshot: { title: string; takenAt: Date; document: SnapshotDocument };
  /** The snapshot before it: its title, its Oslo date (`asOf`) and what changed since. */
  previous: { title: string; asOf: string; changes: ProgrammeChanges } | null;
  language: ReportLanguage;
}

export function reportContent({ snapshot, previous, language }: CouncilReportInput): ReportContent {
  const words = catalogue(language);
  const formats = formatsFor(words);
  const { document } = snapshot;
  const asOf = formats.date(document.asOf);
  return {
    language,
    words,
    title: `${words.documentTitle}: ${snapshot.title}`,
    cover: {
      heading: words.preparedFor,
      programme: document.programme.name,
      lines: [
        `${words.region}: ${document.programme.regionName}`,
        `${words.period}: ${document.programme.period}`,
        `${words.snapshot}: ${snapshot.title}`,
        `${words.asOf} ${asOf}`,
      ],
    },
    blocks: [
      ...summaryBlocks(document, previous, words, formats),
      ...matrixBlocks(document, words, formats),
      ...focusAreaBlocks(document, words, formats),
      ...municipalityBlocks(document, words, formats),
      ...indicatorBlocks(document, words, formats),
      ...whoDoesWhatBlocks(document, words),
      ...moneyBlocks(document, words, formats),
    ],
  };
}

function healthRows(counts: HealthCounts, words: Catalogue): string[][] {
  return [
    [words.healths.ON_TRACK, String(counts.onTrack)],
    [words.healths.AT_RISK, String(counts.atRisk)],
    [words.healths.OFF_TRACK, String(counts.offTrack)],
  ];
}

function statusRows(counts: StatusCounts, words: Catalogue): string[][] {
  return [
    [words.statuses.NOT_STARTED, String(counts.notStarted)],
    [words.statuses.IN_PROGRESS, String(counts.inProgress)],
    [words.statuses.ON_HOLD, String(counts.onHold)],
    [words.statuses.COMPLETED, String(counts.completed)],
    [words.statuses.CANCELLED, String(counts.cancelled)],
  ];
}

function summaryBlocks(
  document: SnapshotDocument,
  previous: CouncilReportInput['previous'],
  words: Catalogue,
  formats: Formats,
): Block[] {
  const { programme } = document;
  const expected = programme.expectedProgress === null ? null : formats.percent(programme.expectedProgress);
  return [
    { kind: 'heading', level: 1, text: words.summary, newPage: true },
    { kind: 'paragraph', text: words.programmeProgress(formats.percent(programme.progress), expected) },
    {
      kind: 'table',
      caption: words.healthHeading,
      header: [words.health, words.actionsWord],
      rows: healthRows(programme.byHealth, words),
      numeric: [1],
    },
    {
      kind: 'table',
      caption: words.statusHeading,
      header: [words.status, words.actionsWord],
      rows: statusRows(programme.byStatus, words),
      numeric: [1],
    },
    ...changeBlocks(document, previous, words, formats),
  ];
}

function changeBlocks(
  document: SnapshotDocument,
  previous: CouncilReportInput['previous'],
  words: Catalogue,
  formats: Formats,
): Block[] {
  if (!previous) return [{ kind: 'paragraph', text: words.firstReport }];
  const { changes } = previous;
  const lists = words.changeLists;
  const municipalityName = (id: string) => document.municipalities.find((m) => m.id === id)?.name ?? id;
  const sections: [string, string[]][] = [
    [
      lists.statusChanges,
      changes.statusChanges.map((c) => `${c.code} ${c.name}: ${words.statuses[c.from]} → ${words.statuses[c.to]}`),
    ],
    [
      lists.healthChanges,
      changes.healthChanges.map(
        (c) =>
          `${c.code} ${c.name}: ${words.healths[c.from]} → ${words.healths[c.to]} (${c.direction === 'BETTER' ? words.better : words.worse})`,
      ),
    ],
    [
      lists.milestonesCompleted,
      changes.milestonesCompleted.map(
        (c) => `${c.code}: ${c.title}, ${words.completedOn(formats.date(c.completedOn))}`,
      ),
    ],
    [
      lists.milestonesSlipped,
      changes.milestonesSlipped.map(
        (c) =>
          `${c.code}: ${c.title}, ${words.slipped(formats.date(c.fromDueDate), formats.date(c.toDueDate), c.reason === 'PASSED')}`,
      ),
    ],
    [lists.newActions, changes.newActions.map((c) => `${c.code} ${c.name}`)],
    [lists.cancelledActions, changes.cancelledActions.map((c) => `${c.code} ${c.name}`)],
    [
      lists.newRisks,
      changes.newRisks.map(
        (c) => `${c.code} ${c.name}: ${words.healths[c.health]}.${c.narrative ? ` ${c.narrative}` : ''}`,
      ),
    ],
    [
      lists.indicatorValuesAdded,
      changes.indicatorValuesAdded.map(
        (c) =>
          `${c.name}, ${municipalityName(c.municipalityId)} ${c.year}: ${words.indicatorValue(c.from === null ? null : formats.number(c.from), formats.number(c.to))}`,
      ),
    ],
  ];
  const count = sections.reduce((sum, [, items]) => sum + items.length, 0);
  const unchanged = sections.filter(([, items]) => items.length === 0).map(([title]) => title);
  return [
    {
      kind: 'heading',
      level: 2,
      text: words.changesSince(previous.title, formats.date(previous.asOf)),
    },
    { kind: 'paragraph', text: words.changeCount(count) },
    ...sections
      .filter(([, items]) => items.length > 0)
      .flatMap(([title, items]): Block[] => [
        { kind: 'heading', level: 3, text: title },
        { kind: 'list', items },
      ]),
    ...(unchanged.length > 0 ? [{ kind: 'paragraph', text: words.unchanged(unchanged) } as const] : []),
  ];
}

function matrixBlocks(document: SnapshotDocument, words: Catalogue, formats: Formats): Block[] {
  const cell = (municipalityId: string, focusAreaId: string) =>
    document.matrix.find((c) => c.municipalityId === municipalityId && c.focusAreaId === focusAreaId);
  return [
    { kind: 'heading', level: 1, text: words.matrix, newPage: true },
    { kind: 'paragraph', text: words.matrixIntro },
    {
      kind: 'table',
      caption: words.matrix,
      header: [words.municipality, ...document.focusAreas.map((area) => `${area.code} ${area.name}`)],
      rows: document.municipalities.map((municipality) => [
        municipality.name,
        ...document.focusAreas.map((area) => {
          const figures = cell(municipality.id, area.id);
          return figures ? words.matrixCell(formats.percent(figures.progress), figures.actionCount) : '–';
        }),
      ]),
    },
  ];
}

function focusAreaBlocks(document: SnapshotDocument, words: Catalogue, formats: Formats): Block[] {
  const municipalityNames = (ids: string[]) =>
    ids.length === document.municipalities.length
      ? words.allMunicipalities
      : document.municipalities
          .filter((m) => ids.includes(m.id))
          .map((m) => m.name)
          .join(', ');
  const fundingSource = (line: SnapshotDocument['actions'][number]['fundingLines'][number]) => {
    const name =
      line.sourceName ??
      (line.municipalityId ? document.municipalities.find((m) => m.id === line.municipalityId)?.name : null);
    return name ? `${words.fundingSources[line.source]} (${name})` : words.fundingSources[line.source];
  };
  return [
    { kind: 'heading', level: 1, text: words.focusAreas, newPage: true },
    ...document.focusAreas.flatMap((area): Block[] => [
      { kind: 'heading', level: 2, text: `${area.code} ${area.name}` },
      { kind: 'paragraph', text: words.focusAreaIntro(formats.percent(area.progress), area.actionCount) },
      ...document.actions
        .filter((action) => action.focusAreaId === area.id)
        .flatMap((action): Block[] => [
          { kind: 'heading', level: 3, text: `${action.code} ${action.name}` },
          {
            kind: 'paragraph',
            text: [
              `${words.status}: ${words.statuses[action.status]}`,
              `${words.progress}: ${formats.percent(action.progress)}`,
              `${words.health}: ${words.healths[action.health]}${action.healthOverridden ? ` (${words.healthOverridden})` : ''}`,
              ...(action.deadline ? [`${words.deadline}: ${formats.date(action.deadline)}`] : []),
              `${words.budget}: ${action.budget === null ? words.noBudget : formats.kroner(action.budget)}`,
            ].join(' · '),
          },
          { kind: 'paragraph', label: words.municipalities, text: municipalityNames(action.municipalityIds) },
          action.narrative && action.narrativeSource
            ? { kind: 'paragraph', label: words.narrative[action.narrativeSource], text: action.narrative }
            : { kind: 'paragraph', text: words.noNarrative },
          ...(action.caseReference
            ? [{ kind: 'paragraph', label: words.caseReference, text: action.caseReference } as const]
            : []),
          ...(action.milestones.length > 0
            ? [
                {
                  kind: 'table',
                  caption: `${words.milestones}: ${action.code}`,
                  header: [words.milestone, words.dueDate, words.completed],
                  rows: action.milestones.map((milestone) => [
                    milestone.title,
                    formats.date(milestone.dueDate),
                    milestone.completedOn
                      ? formats.date(milestone.completedOn)
                      : milestone.overdue
                        ? `${words.notYet} (${words.overdue})`
                        : words.notYet,
                  ]),
                } as const,
              ]
            : []),
          action.fundingLines.length > 0
            ? {
                kind: 'table',
                caption: `${words.funding}: ${action.code}`,
                header: [words.source, words.status, words.year, words.amount],
                rows: action.fundingLines.map((line) => [
                  fundingSource(line),
                  words.fundingStatuses[line.status],
                  String(line.year),
                  formats.kroner(line.amount),
                ]),
                numeric: [3],
              }
            : { kind: 'paragraph', label: words.funding, text: words.noFunding },
        ]),
    ]),
  ];
}

function municipalityBlocks(document: SnapshotDocument, words: Catalogue, formats: Formats): Block[] {
  return [
    { kind: 'heading', level: 1, text: words.municipalityPages, newPage: true },
    ...document.municipalities.flatMap((municipality, index): Block[] => {
      const shares = document.funding.byMunicipality.find((entry) => entry.municipalityId === municipality.id);
      const rows = document.actions.flatMap((action) =>
        action.municipalityFigures
          .filter((figures) => figures.municipalityId === municipality.id)
          .map((figures) => [
            `${action.code} ${action.name}`,
            words.statuses[figures.status],
            formats.percent(figures.progress),
            words.healths[figures.health],
          ]),
      );
      return [
        { kind: 'heading', level: 2, text: municipality.name, newPage: index > 0 },
        {
          kind: 'paragraph',
          text: words.municipalityIntro(formats.percent(municipality.progress), municipality.actionCount),
        },
        {
          kind: 'paragraph',
          label: words.health,
          text: healthRows(municipality.byHealth, words)
            .map(([health, count]) => `${health} ${count}`)
            .join(' · '),
        },
        {
          kind: 'table',
          caption: `${words.municipalityActions}: ${municipality.name}`,
          header: [words.actionsWord, words.status, words.progress, words.health],
          rows,
          numeric: [2],
        },
        {
          kind: 'paragraph',
          label: words.ownShares,
          text: shares
            ? (['GRANTED', 'APPLIED', 'PLANNED', 'REFUSED'] as const)
                .map(
                  (status) =>
                    `${words.fundingStatuses[status]} ${formats.kroner(shares[status.toLowerCase() as Lowercase<typeof status>])}`,
                )
                .join(' · ')
            : words.noFunding,
        },
      ];
    }),
  ];
}

function indicatorBlocks(document: SnapshotDocument, words: Catalogue, formats: Formats): Block[] {
  return [
    { kind: 'heading', level: 1, text: words.indicators, newPage: true },
    ...document.indicators.flatMap((indicator): Block[] => {
      const years = [...new Set(indicator.values.map((value) => value.year))].sort((a, b) => a - b);
      const chart = indicatorChart(indicator, document.municipalities, words, formats);
      const valueOf = (municipalityId: string, year: number) =>
        indicator.values.find((value) => value.municipalityId === municipalityId && value.year === year)?.value;
      const regional = (year: number) => indicator.regionalValues.find((value) => value.year === year)?.value;
      return [
        { kind: 'heading', level: 2, text: indicator.name },
        {
          kind: 'paragraph',
          text: words.indicatorIntro(
            formats.number(indicator.baseline),
            formats.number(indicator.target),
            indicator.targetYear,
            indicator.unit,
          ),
        },
        ...(chart
          ? [
              { kind: 'chart', chart } as const,
              {
                kind: 'table',
                caption: indicator.name,
                header: [words.municipality, ...years.map(String)],
                rows: [
                  ...document.municipalities.map((municipality) => [
                    municipality.name,
                    ...years.map((year) => {
                      const value = valueOf(municipality.id, year);
                      return value === undefined ? '–' : formats.number(value);
                    }),
                  ]),
                  [
                    words.wholeRegion,
                    ...years.map((year) => {
                      const value = regional(year);
                      return value === undefined ? '–' : formats.number(value);
                    }),
                  ],
                ],
                numeric: years.map((_, index) => index + 1),
              } as const,
            ]
          : [{ kind: 'paragraph', text: words.noIndicatorValues } as const]),
      ];
    }),
  ];
}

function whoDoesWhatBlocks(document: SnapshotDocument, words: Catalogue): Block[] {
  const collator = new Intl.Collator(words.locale);
  const rows = [...document.parties]
    .sort((a, b) => collator.compare(a.name, b.name))
    .flatMap((party) =>
      document.focusAreas.flatMap((area) => {
        const byPart = new Map<string, string[]>();
        for (const action of document.actions.filter((a) => a.focusAreaId === area.id)) {
          for (const involvement of action.involvements.filter((i) => i.partyId === party.id)) {
            const part = `${involvement.role}:${involvement.level}`;
            byPart.set(part, [...(byPart.get(part) ?? []), action.code]);
          }
        }
        return [...byPart.entries()].map(([part, codes]) => {
          const [role, level] = part.split(':') as [keyof Catalogue['roles'], keyof Catalogue['levels']];
          return [
            party.name,
            words.partyKinds[party.kind],
            `${area.code} ${area.name}`,
            words.roles[role],
            words.levels[level],
            codes.join(', '),
          ];
        });
      }),
    );
  return [
    { kind: 'heading', level: 1, text: words.whoDoesWhat, newPage: true },
    { kind: 'paragraph', text: words.whoDoesWhatIntro },
    {
      kind: 'table',
      caption: words.whoDoesWhat,
      header: [words.party, words.partyKindHeading, words.focusArea, words.role, words.level, words.actionsWord],
      rows,
    },
  ];
}
