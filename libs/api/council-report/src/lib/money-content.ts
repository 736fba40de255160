import { FUNDING_SOURCES, FUNDING_STATUSES, type FundingTotals, type SnapshotDocument } from '@tiltak/domain';
import type { Catalogue } from './catalogue';
import type { Formats } from './formats';
import type { Block } from './report-content';

/** The money part: the region's funding by source and status, then per focus area and per municipality. */
export function moneyBlocks(document: SnapshotDocument, words: Catalogue, formats: Formats): Block[] {
  const { funding } = document;
  const totals = (label: string, entry: FundingTotals) => [
    label,
    entry.budget === null ? words.noBudget : formats.kroner(entry.budget),
    formats.kroner(entry.granted),
    formats.kroner(entry.applied),
    formats.kroner(entry.planned),
    formats.kroner(entry.refused),
  ];
  const totalsHeader = (first: string) => [
    first,
    words.budget,
    words.fundingStatuses.GRANTED,
    words.fundingStatuses.APPLIED,
    words.fundingStatuses.PLANNED,
    words.fundingStatuses.REFUSED,
  ];
  const amount = (source: string, status: string) =>
    funding.region.bySource.find((part) => part.source === source && part.status === status)?.amount;
  const sources = FUNDING_SOURCES.filter((source) => funding.region.bySource.some((part) => part.source === source));
  return [
    { kind: 'heading', level: 1, text: words.money, newPage: true },
    { kind: 'paragraph', text: words.moneyMethod },
    {
      kind: 'table',
      caption: words.bySourceAndStatus,
      header: [words.source, ...FUNDING_STATUSES.map((status) => words.fundingStatuses[status])],
      rows: sources.map((source) => [
        words.fundingSources[source],
        ...FUNDING_STATUSES.map((status) => {
          const value = amount(source, status);
          return value === undefined ? '–' : formats.kroner(value);
        }),
      ]),
      numeric: [1, 2, 3, 4],
    },
    { kind: 'heading', level: 2, text: words.byFocusArea },
    {
      kind: 'table',
      caption: words.byFocusArea,
      header: totalsHeader(words.focusArea),
      rows: [
        ...funding.byFocusArea.map((entry) => {
          const area = document.focusAreas.find((a) => a.id === entry.focusAreaId);
          return totals(area ? `${area.code} ${area.name}` : entry.focusAreaId, entry);
        }),
        totals(words.wholeRegion, funding.region),
      ],
      numeric: [1, 2, 3, 4, 5],
    },
    { kind: 'heading', level: 2, text: words.byMunicipality },
    { kind: 'paragraph', text: words.municipalSharesNote },
    {
      kind: 'table',
      caption: words.byMunicipality,
      header: totalsHeader(words.municipality),
      rows: funding.byMunicipality.map((entry) =>
        totals(document.municipalities.find((m) => m.id === entry.municipalityId)?.name ?? entry.municipalityId, entry),
      ),
      numeric: [1, 2, 3, 4, 5],
    },
  ];
}
