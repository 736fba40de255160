import type {
  ActionStatus,
  FundingSource,
  FundingStatus,
  Health,
  InvolvementLevel,
  InvolvementRole,
  PartyKind,
} from '@tiltak/domain';

export const REPORT_LANGUAGES = ['nb', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** A count with its word, in the language's plural forms (Intl.PluralRules), as the dashboard's ICU messages do. */
type Counted = (count: number) => string;

/**
 * The report's words. Statuses, health, parties and money use the dashboard's words
 * (libs/dashboard/i18n), so the council reads the same terms in the report as on the screen.
 */
export interface Catalogue {
  locale: string;
  documentTitle: string;
  contents: string;
  contentsHint: string;
  preparedFor: string;
  region: string;
  period: string;
  snapshot: string;
  asOf: string;
  page: (page: number, pages: number) => string;
  summary: string;
  programmeProgress: (progress: string, expected: string | null) => string;
  progressUnknown: string;
  healthHeading: string;
  statusHeading: string;
  actions: Counted;
  actionsWord: string;
  changesSince: (title: string, date: string) => string;
  firstReport: string;
  changeCount: Counted;
  /** The kinds of change with nothing to report, said in one sentence rather than a heading each. */
  unchanged: (kinds: string[]) => string;
  changeLists: {
    statusChanges: string;
    healthChanges: string;
    milestonesCompleted: string;
    milestonesSlipped: string;
    newActions: string;
    cancelledActions: string;
    newRisks: string;
    indicatorValuesAdded: string;
  };
  better: string;
  worse: string;
  completedOn: (date: string) => string;
  slipped: (from: string, to: string, passed: boolean) => string;
  indicatorValue: (from: string | null, to: string) => string;
  matrix: string;
  matrixIntro: string;
  matrixCell: (progress: string, actions: number) => string;
  municipality: string;
  focusArea: string;
  focusAreas: string;
  focusAreaIntro: (progress: string, actions: number) => string;
  status: string;
  progress: string;
  health: string;
  deadline: string;
  municipalities: string;
  allMunicipalities: string;
  healthOverridden: string;
  narrative: Record<'REPORT' | 'HEALTH_OVERRIDE' | 'STATUS_UPDATE', string>;
  noNarrative: string;
  milestones: string;
  milestone: string;
  dueDate: string;
  completed: string;
  overdue: string;
  notYet: string;
  funding: string;
  noFunding: string;
  budget: string;
  noBudget: string;
  source: string;
  year: string;
  amount: string;
  caseReference: string;
  municipalityPages: string;
  municipalityIntro: (progress: string, actions: number) => string;
  municipalityActions: string;
  ownShares: string;
  indicators: string;
  indicatorIntro: (baseline: string, target: string, targetYear: number, unit: string) => string;
  chartAlt: (name: string, year: number, values: string, unit: string) => string;
  noIndicatorValues: string;
  wholeRegion: string;
  whoDoesWhat: string;
  whoDoesWhatIntro: string;
  party: string;
  partyKindHeading: string;
  role: string;
  level: string;
  money: string;
  moneyMethod: string;
  bySourceAndStatus: string;
  byFocusArea: string;
  byMunicipality: string;
  municipalSharesNote: string;
  total: string;
  statuses: Record<ActionStatus, string>;
  healths: Record<Health, string>;
  roles: Record<InvolvementRole, string>;
  levels: Record<InvolvementLevel, string>;
  partyKinds: Record<PartyKind, string>;
  fundingSources: Record<FundingSource, string>;
  fundingStatuses: Record<FundingStatus, string>;
}

function counted(locale: string, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): Counted {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (count) => (forms[rules.select(count)] ?? forms.other).replace('#', numbers.format(count));
}

const nb: Catalogue = {
  locale: 'nb-NO',
  documentTitle: 'Rapport til regionrådet',
  contents: 'Innhold',
  contentsHint: 'Høyreklikk og velg «Oppdater felt» for å oppdatere innholdsfortegnelsen.',
  preparedFor: 'Rapport til regionrådet',
  region: 'Region',
  period: 'Programperiode',
  snapshot: 'Øyeblikksbilde',
  asOf: 'Tallene gjelder per',
  page: (page, pages) => `Side ${page} av ${pages}`,
  summary: 'Sammendrag',
  programmeProgress: (progress, expected) =>
    expected
      ? `Framdrift i hele programmet: ${progress} (forventet per i dag: ${expected}).`
      : `Framdrift i hele programmet: ${progress}.`,
  progressUnknown: 'ikke beregnet',
  healthHeading: 'Vurdering av tiltak som ikke er avbrutt (fullførte regnes som i rute)',
  statusHeading: 'Tiltak etter status',
  actions: counted('nb-NO', { one: '# tiltak', other: '# tiltak' }),
  actionsWord: 'Tiltak',
  changesSince: (title, date) => `Endringer siden forrige rapport («${title}», ${date})`,
  firstReport:
    'Dette er den første rapporten til regionrådet i denne programperioden. Det er ingen tidligere rapport å sammenligne med.',
  changeCount: counted('nb-NO', { one: '# endring i alt.', other: '# endringer i alt.' }),
  unchanged: (kinds) =>
    `Ingen endringer å melde under ${new Intl.ListFormat('nb-NO').format(kinds.map((kind) => kind.toLocaleLowerCase('nb-NO')))}.`,
  changeLists: {
    statusChanges: 'Endret status',
    healthChanges: 'Endret vurdering',
    milestonesCompleted: 'Fullførte milepæler',
    milestonesSlipped: 'Forsinkede milepæler',
    newActions: 'Nye tiltak',
    cancelledActions: 'Avbrutte tiltak',
    newRisks: 'Nye risikoer',
    indicatorValuesAdded: 'Nye indikatorverdier',
  },
  better: 'bedre',
  worse: 'verre',
  completedOn: (date) => `fullført ${date}`,
  slipped: (from, to, passed) => (passed ? `fristen ${from} er passert` : `fristen er flyttet fra ${from} til ${to}`),
  indicatorValue: (from, to) => (from === null ? `ny verdi ${to}` : `endret fra ${from} til ${to}`),
  matrix: 'Kommuner og satsingsområder',
  matrixIntro: 'Framdrift og antall tiltak per kommune og satsingsområde, slik oversikten i Tiltak viser dem.',
  matrixCell: (progress, actions) => `${progress} · ${actions} tiltak`,
  municipality: 'Kommune',
  focusArea: 'Satsingsområde',
  focusAreas: 'Satsingsområdene',
  focusAreaIntro: (progress, actions) => `Framdrift ${progress}. ${actions} tiltak.`,
  status: 'Status',
  progress: 'Framdrift',
  health: 'Vurdering',
  deadline: 'Frist',
  municipalities: 'Kommuner',
  allMunicipalities: 'alle kommunene',
  healthOverridden: 'vurdert av ansvarlig',
  narrative: {
    REPORT: 'Fra siste rapport',
    HEALTH_OVERRIDE: 'Begrunnelse for vurderingen',
    STATUS_UPDATE: 'Fra siste statusoppdatering',
  },
  noNarrative: 'Tiltaket har ikke rapportert noen kommentar.',
  milestones: 'Milepæler',
  milestone: 'Milepæl',
  dueDate: 'Frist',
  completed: 'Fullført',
  overdue: 'forsinket',
  notYet: 'ikke fullført',
  funding: 'Finansiering',
  noFunding: 'Ingen finansieringslinjer er registrert.',
  budget: 'Budsjett',
  noBudget: 'Ikke satt',
  source: 'Kilde',
  year: 'År',
  amount: 'Beløp',
  caseReference: 'Saksnummer',
  municipalityPages: 'Kommunene',
  municipalityIntro: (progress, actions) => `Framdrift ${progress}. Kommunen er med i ${actions} tiltak.`,
  municipalityActions: 'Tiltak kommunen er med i, med kommunens egne tall',
  ownShares: 'Kommunens egne andeler',
  indicators: 'Indikatorer',
  indicatorIntro: (baseline, target, targetYear, unit) =>
    `Utgangsverdi ${baseline}, mål ${target} innen ${targetYear} (${unit}).`,
  chartAlt: (name, year, values, unit) => `Stolpediagram: ${name} per kommune i ${year} (${unit}). ${values}.`,
  noIndicatorValues: 'Ingen verdier er registrert.',
  wholeRegion: 'Hele regionen',
  whoDoesWhat: 'Hvem gjør hva',
  whoDoesWhatIntro: 'Aktørene i tiltakene, etter satsingsområde, rolle og nivå.',
  party: 'Aktør',
  partyKindHeading: 'Type',
  role: 'Rolle',
  level: 'Nivå',
  money: 'Økonomi',
  moneyMethod:
    'Summene er eksakte, i hele kroner. Innvilget, søkt og planlagt er summen av finansieringslinjene med den statusen; avslåtte linjer telles bare under Avslått. Budsjettet er summen av budsjettene til tiltakene som har ett.',
  bySourceAndStatus: 'Finansiering etter kilde og status, hele regionen',
  byFocusArea: 'Budsjett og finansiering per satsingsområde',
  byMunicipality: 'Kommunenes egne andeler',
  municipalSharesNote:
    'Kommunens egne andeler: summen av finansieringslinjene der kommunen er kilden. Annen finansiering av tiltakene kommunen er med i, regnes til tiltakene.',
  total: 'Sum',
  statuses: {
    NOT_STARTED: 'Ikke startet',
    IN_PROGRESS: 'Pågår',
    ON_HOLD: 'På vent',
    COMPLETED: 'Fullført',
    CANCELLED: 'Avbrutt',
  },
  healths: { ON_TRACK: 'I rute', AT_RISK: 'I risiko', OFF_TRACK: 'Utenfor kurs' },
  roles: { LEAD: 'Ansvarlig', PARTNER: 'Partner' },
  levels: { STRATEGIC: 'strategisk', OPERATIONAL: 'operativt' },
  partyKinds: {
    MUNICIPALITY: 'Kommune',
    BUSINESS: 'Næringsliv',
    NETWORK: 'Nettverk',
    CLUSTER: 'Klynge',
    RESEARCH_INNOVATION: 'Forskning og innovasjon',
    INTERMUNICIPAL_COUNCIL: 'Interkommunalt politisk råd',
    REGIONAL_AUTHORITY: 'Regional myndighet',
    NEIGHBOUR_REGION: 'Naboregion',
  },
  fundingSources: {
    MUNICIPALITY: 'Kommunal andel',
    COUNTY: 'Fylkeskommunen',
    INNOVASJON_NORGE: 'Innovasjon Norge',
    STATE: 'Staten',
    EU: 'EU-midler',
    PRIVATE: 'Private midler',
    OTHER: 'Annet',
  },
  fundingStatuses: { PLANNED: 'Planlagt', APPLIED: 'Søkt', GRANTED: 'Innvilget', REFUSED: 'Avslått' },
};

const en: Catalogue = {
  locale: 'en-GB',
  documentTitle: 'Report to the regional council',
  contents: 'Contents',
  contentsHint: 'Right-click and choose "Update Field" to update the table of contents.',
  preparedFor: 'Report to the regional council',
  region: 'Region',
  period: 'Programme period',
  snapshot: 'Snapshot',
  asOf: 'Figures as of',
  page: (page, pages) => `Page ${page} of ${pages}`,
  summary: 'Summary',
  programmeProgress: (progress, expected) =>
    expected
      ? `Progress of the whole programme: ${progress} (expected by now: ${expected}).`
      : `Progress of the whole programme: ${progress}.`,
  progressUnknown: 'not computed',
  healthHeading: 'Assessment of actions not cancelled (completed ones count as on track)',
  statusHeading: 'Actions by status',
  actions: counted('en-GB', { one: '# action', other: '# actions' }),
  actionsWord: 'Actions',
  changesSince: (title, date) => `Changes since the previous report ("${title}", ${date})`,
  firstReport:
    'This is the first report to the regional council in this programme period. There is no earlier report to compare with.',
  changeCount: counted('en-GB', { one: '# change in all.', other: '# changes in all.' }),
  unchanged: (kinds) =>
    `Nothing to report under ${new Intl.ListFormat('en-GB').format(kinds.map((kind) => kind.toLocaleLowerCase('en-GB')))}.`,
  changeLists: {
    statusChanges: 'Status changed',
    healthChanges: 'Assessment changed',
    milestonesCompleted: 'Milestones completed',
    milestonesSlipped: 'Milestones slipped',
    newActions: 'New actions',
    cancelledActions: 'Cancelled actions',
    newRisks: 'New risks',
    indicatorValuesAdded: 'New indicator values',
  },
  better: 'better',
  worse: 'worse',
  completedOn: (date) => `completed ${date}`,
  slipped: (from, to, passed) => (passed ? `due date ${from} has passed` : `due date moved from ${from} to ${to}`),
  indicatorValue: (from, to) => (from === null ? `new value ${to}` : `changed from ${from} to ${to}`),
  matrix: 'Municipalities and focus areas',
  matrixIntro: 'Progress and number of actions per municipality and focus area, as the overview in Tiltak shows them.',
  matrixCell: (progress, actions) => `${progress} · ${actions === 1 ? '1 action' : `${actions} actions`}`,
  municipality: 'Municipality',
  focusArea: 'Focus area',
  focusAreas: 'Focus areas',
  focusAreaIntro: (progress, actions) => `Progress ${progress}. ${actions === 1 ? '1 action' : `${actions} actions`}.`,
  status: 'Status',
  progress: 'Progress',
  health: 'Assessment',
  deadline: 'Deadline',
  municipalities: 'Municipalities',
  allMunicipalities: 'all municipalities',
  healthOverridden: 'assessed by the lead',
  narrative: {
    REPORT: 'From the latest report',
    HEALTH_OVERRIDE: 'Reason for the assessment',
    STATUS_UPDATE: 'From the latest status update',
  },
  noNarrative: 'The action has not reported a comment.',
  milestones: 'Milestones',
  milestone: 'Milestone',
  dueDate: 'Due',
  completed: 'Completed',
  overdue: 'overdue',
  notYet: 'not completed',
  funding: 'Funding',
  noFunding: 'No funding lines have been recorded.',
  budget: 'Budget',
  noBudget: 'Not set',
  source: 'Source',
  year: 'Year',
  amount: 'Amount',
  caseReference: 'Case number',
  municipalityPages: 'The municipalities',
  municipalityIntro: (progress, actions) =>
    `Progress ${progress}. The municipality takes part in ${actions === 1 ? '1 action' : `${actions} actions`}.`,
  municipalityActions: "Actions the municipality takes part in, with the municipality's own figures",
  ownShares: "The municipality's own shares",
  indicators: 'Indicators',
  indicatorIntro: (baseline, target, targetYear, unit) =>
    `Baseline ${baseline}, target ${target} by ${targetYear} (${unit}).`,
  chartAlt: (name, year, values, unit) => `Bar chart: ${name} per municipality in ${year} (${unit}). ${values}.`,
  noIndicatorValues: 'No values have been recorded.',
  wholeRegion: 'Whole region',
  whoDoesWhat: 'Who does what',
  whoDoesWhatIntro: 'The parties in the actions, by focus area, role and level.',
  party: 'Party',
  partyKindHeading: 'Kind',
  role: 'Role',
  level: 'Level',
  money: 'Money',
  moneyMethod:
    'The sums are exact, in whole kroner. Granted, applied for and planned are the sums of the funding lines with that status; refused lines count only under Refused. The budget is the sum of the budgets of the actions that have one.',
  bySourceAndStatus: 'Funding by source and status, whole region',
  byFocusArea: 'Budget and funding per focus area',
  byMunicipality: "The municipalities' own shares",
  municipalSharesNote:
    "A municipality's own shares: the sum of the funding lines where the municipality is the source. Other funding of the actions the municipality takes part in counts towards the actions.",
  total: 'Total',
  statuses: {
    NOT_STARTED: 'Not started',
    IN_PROGRESS: 'In progress',
    ON_HOLD: 'On hold',
    COMPLETED: 'Completed',
    CANCELLED: 'Cancelled',
  },
  healths: { ON_TRACK: 'On track', AT_RISK: 'At risk', OFF_TRACK: 'Off track' },
  roles: { LEAD: 'Lead', PARTNER: 'Partner' },
  levels: { STRATEGIC: 'strategic', OPERATIONAL: 'operational' },
  partyKinds: {
    MUNICIPALITY: 'Municipality',
    BUSINESS: 'Business',
    NETWORK: 'Network',
    CLUSTER: 'Cluster',
    RESEARCH_INNOVATION: 'Research and innovation',
    INTERMUNICIPAL_COUNCIL: 'Intermunicipal political council',
    REGIONAL_AUTHORITY: 'Regional authority',
    NEIGHBOUR_REGION: 'Neighbouring region',
  },
  fundingSources: {
    MUNICIPALITY: 'Municipal share',
    COUNTY: 'County council',
    INNOVASJON_NORGE: 'Innovasjon Norge',
    STATE: 'The state',
    EU: 'EU funds',
    PRIVATE: 'Private funds',
    OTHER: 'Other',
  },
  fundingStatuses: { PLANNED: 'Planned', APPLIED: 'Applied for', GRANTED: 'Granted', REFUSED: 'Refused' },
};

export function catalogue(language: ReportLanguage): Catalogue {
  return language === 'nb' ? nb : en;
}
