import type { ColumnDefinition, ExchangeLanguage, SheetDefinition, SheetKind } from './format';

const version: ColumnDefinition = {
  field: 'version',
  header: { nb: 'Versjon', en: 'Version' },
  type: 'integer',
  min: 1,
  width: 9,
};
const weight: ColumnDefinition = {
  field: 'weight',
  header: { nb: 'Vekt', en: 'Weight' },
  type: 'integer',
  min: 1,
  max: 5,
  width: 7,
};
const year = (options: Partial<ColumnDefinition> = {}): ColumnDefinition => ({
  field: 'year',
  header: { nb: 'År', en: 'Year' },
  type: 'integer',
  min: 1900,
  max: 2200,
  width: 7,
  ...options,
});
const text = (field: string, nb: string, en: string, width = 20, options: Partial<ColumnDefinition> = {}) =>
  ({ field, header: { nb, en }, type: 'text', width, ...options }) satisfies ColumnDefinition;
const action = text('action', 'Tiltak', 'Action', 10, { required: true });
const focusArea = text('focusArea', 'Innsatsområde', 'Focus area', 14);
const municipality = text('municipality', 'Kommune', 'Municipality', 16, { required: true });

/** Every sheet of the format, in workbook order. */
export const SHEETS: readonly SheetDefinition[] = [
  {
    kind: 'ACTIONS',
    name: { nb: 'Tiltak', en: 'Actions' },
    readOnly: false,
    keys: [['code']],
    columns: [
      text('code', 'Kode', 'Code', 10, { required: true }),
      text('title', 'Tittel', 'Title', 40, { required: true }),
      text('description', 'Beskrivelse', 'Description', 60),
      { ...focusArea, required: true },
      { field: 'municipalities', header: { nb: 'Kommuner', en: 'Municipalities' }, type: 'list', width: 30 },
      { field: 'startDate', header: { nb: 'Startdato', en: 'Start date' }, type: 'date', required: true, width: 12 },
      { field: 'dueDate', header: { nb: 'Frist', en: 'Due date' }, type: 'date', required: true, width: 12 },
      weight,
      text('status', 'Status', 'Status', 14),
      {
        field: 'progress',
        header: { nb: 'Fremdrift (%)', en: 'Progress (%)' },
        type: 'integer',
        readOnly: true,
        width: 13,
      },
      text('health', 'Helse', 'Health', 14, { readOnly: true }),
      { field: 'goals', header: { nb: 'Mål', en: 'Goals' }, type: 'list', width: 16 },
      { field: 'budget', header: { nb: 'Budsjett (kr)', en: 'Budget (NOK)' }, type: 'integer', min: 0, width: 14 },
      text('caseReference', 'Saksnummer', 'Case number', 14),
      version,
    ],
  },
  {
    kind: 'MILESTONES',
    name: { nb: 'Milepæler', en: 'Milestones' },
    readOnly: false,
    keys: [['action', 'title']],
    columns: [
      action,
      text('title', 'Tittel', 'Title', 40, { required: true }),
      { field: 'dueDate', header: { nb: 'Frist', en: 'Due date' }, type: 'date', required: true, width: 12 },
      weight,
      { field: 'completedOn', header: { nb: 'Fullført', en: 'Completed on' }, type: 'date', width: 12 },
      version,
    ],
  },
  {
    kind: 'INVOLVEMENTS',
    name: { nb: 'Hvem gjør hva', en: 'Who does what' },
    readOnly: false,
    keys: [['action', 'party']],
    columns: [
      action,
      text('party', 'Aktør', 'Party', 30, { required: true }),
      text('organisationNumber', 'Organisasjonsnummer', 'Organisation number', 20, { readOnly: true }),
      text('role', 'Rolle', 'Role', 10, { required: true }),
      text('level', 'Nivå', 'Level', 12, { required: true }),
      version,
    ],
  },
  {
    kind: 'PARTIES',
    name: { nb: 'Aktører', en: 'Parties' },
    readOnly: false,
    keys: [['name'], ['organisationNumber']],
    columns: [
      text('name', 'Navn', 'Name', 30, { required: true }),
      text('organisationNumber', 'Organisasjonsnummer', 'Organisation number', 20),
      text('kind', 'Type', 'Kind', 20, { required: true }),
      text('homeMunicipality', 'Hjemkommune', 'Home municipality', 16),
      text('website', 'Nettsted', 'Website', 30),
      text('contactName', 'Kontaktperson', 'Contact person', 24),
      text('contactEmail', 'E-post', 'Email', 28),
      version,
    ],
  },
  {
    kind: 'INDICATOR_VALUES',
    name: { nb: 'Indikatorverdier', en: 'Indicator values' },
    readOnly: false,
    keys: [['indicator', 'municipality', 'year']],
    columns: [
      text('indicator', 'Indikator', 'Indicator', 30, { required: true }),
      { ...focusArea, readOnly: true },
      text('unit', 'Enhet', 'Unit', 10, { readOnly: true }),
      municipality,
      year({ required: true }),
      { field: 'value', header: { nb: 'Verdi', en: 'Value' }, type: 'number', required: true, width: 10 },
      version,
    ],
  },
  {
    kind: 'INDICATORS',
    name: { nb: 'Indikatorer', en: 'Indicators' },
    readOnly: true,
    keys: [],
    columns: [
      text('name', 'Navn', 'Name', 30),
      focusArea,
      text('unit', 'Enhet', 'Unit', 10),
      { field: 'baseline', header: { nb: 'Utgangsverdi', en: 'Baseline' }, type: 'number', width: 12 },
      { field: 'target', header: { nb: 'Målverdi', en: 'Target' }, type: 'number', width: 12 },
      year({ field: 'targetYear', header: { nb: 'Målår', en: 'Target year' }, width: 10 }),
      text('source', 'Kilde', 'Source', 30),
    ],
  },
  {
    kind: 'FUNDING',
    name: { nb: 'Finansiering', en: 'Funding' },
    readOnly: true,
    keys: [],
    columns: [
      text('action', 'Tiltak', 'Action', 10),
      text('source', 'Kilde', 'Source', 24),
      text('municipality', 'Kommune', 'Municipality', 16),
      text('status', 'Status', 'Status', 12),
      year(),
      { field: 'amount', header: { nb: 'Beløp (kr)', en: 'Amount (NOK)' }, type: 'integer', width: 14 },
      text('reference', 'Referanse', 'Reference', 20),
    ],
  },
  {
    kind: 'MATRIX',
    name: { nb: 'Kommune og innsatsområde', en: 'Municipality and focus area' },
    readOnly: true,
    keys: [],
    columns: [
      text('municipality', 'Kommune', 'Municipality', 16),
      focusArea,
      { field: 'actions', header: { nb: 'Tiltak', en: 'Actions' }, type: 'integer', width: 8 },
      { field: 'progress', header: { nb: 'Fremdrift (%)', en: 'Progress (%)' }, type: 'integer', width: 13 },
      { field: 'onTrack', header: { nb: 'I rute', en: 'On track' }, type: 'integer', width: 9 },
      { field: 'atRisk', header: { nb: 'I risiko', en: 'At risk' }, type: 'integer', width: 9 },
      { field: 'offTrack', header: { nb: 'Utenfor kurs', en: 'Off track' }, type: 'integer', width: 12 },
    ],
  },
];

export function sheetDefinition(kind: SheetKind): SheetDefinition {
  const definition = SHEETS.find((sheet) => sheet.kind === kind);
  if (!definition) throw new Error(`No sheet definition for ${kind}`);
  return definition;
}

/** The sheet's name in the language, as written on the tab and in problem lists. */
export function sheetName(kind: SheetKind, language: ExchangeLanguage): string {
  return sheetDefinition(kind).name[language];
}
