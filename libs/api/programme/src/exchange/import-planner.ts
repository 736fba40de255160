import {
  type ExchangeLanguage,
  type ExchangeRow,
  type ExchangeSheet,
  type ExchangeWorkbook,
  type ImportProblem,
  type ImportProblemCode,
  type ProblemDetails,
  problemMessage,
  type SheetKind,
  sheetDefinition,
  sheetName,
} from '@tiltak/api-exchange';
import type { SheetSummary } from '@tiltak/domain';
import { type ExchangeState, type Lookups, lookupKey, lookupsOf } from './exchange-state';
import { normalize, type References, WRITABLE_FIELDS, type WritableSheet, isWritable } from './exchange-values';
import { currentRows } from './export.service';
import { PERSONAL_DATA_FIELDS, type SheetAudience } from './export-rows';
import { currentRecords, keyOf, type Values } from './import-keys';

export interface FieldChange {
  field: string;
  column: string;
  before: string | null;
  after: string | null;
}

/** One row that would change something: what it is, where it is in the file, and its fields before and after. */
export interface PlannedChange {
  kind: WritableSheet;
  sheet: string;
  row: number;
  key: string;
  change: 'CREATE' | 'UPDATE';
  fields: FieldChange[];
  /** Every writable field the row gives, as normalized. */
  values: Values;
  /** The record the row updates, as the plan found it. */
  current: { id: string; version: number } | null;
}

export interface Plan {
  changes: PlannedChange[];
  sheets: SheetSummary[];
  problems: ImportProblem[];
}

/** A column's header in the language (the field's name for a column the format does not know). */
function headerOf(kind: SheetKind, field: string, language: ExchangeLanguage): string {
  return sheetDefinition(kind).columns.find((c) => c.field === field)?.header[language] ?? field;
}

/** Builds problems in the import's language, for a sheet, row and field. */
export function problemOf(
  language: ExchangeLanguage,
  kind: SheetKind | null,
  row: number | null,
  field: string | null,
  code: ImportProblemCode,
  details: ProblemDetails = {},
): ImportProblem {
  const sheet = kind && sheetName(kind, language);
  const column = kind && field ? headerOf(kind, field, language) : null;
  return {
    sheet,
    row,
    column,
    code,
    message: problemMessage(code, language, { ...(sheet && { sheet }), ...(column && { column }), ...details }),
  };
}

/**
 * What importing the workbook would change in the programme as it is now, row by row, and the
 * problems that stop a row: names and codes that point at nothing, words that are not Tiltak's, and
 * rows changed in Tiltak since the file was made (their version differs). Writes nothing.
 */
export function planImport(
  workbook: ExchangeWorkbook,
  state: ExchangeState,
  audience: SheetAudience,
  refusedOnReading: (kind: SheetKind, row: number) => boolean,
): Plan {
  const lookups = lookupsOf(state);
  const references = referencesOf(workbook, lookups);
  const current = currentRows(state, lookups, audience);
  const plan: Plan = { changes: [], sheets: [], problems: [] };
  for (const sheet of workbook.sheets) {
    const summary: SheetSummary = {
      kind: sheet.kind,
      name: sheetName(sheet.kind, audience.language),
      rows: sheet.rows.length,
      created: 0,
      changed: 0,
      unchanged: 0,
      readOnly: !isWritable(sheet.kind),
    };
    plan.sheets.push(summary);
    if (!isWritable(sheet.kind)) continue;
    const records = currentRecords(sheet.kind, current[sheet.kind], state, lookups, references, audience.language);
    const fields = writableColumns(sheet, audience, plan.problems);
    // A row the file reader refused is listed with its problem, and not planned on half its cells.
    for (const row of sheet.rows.filter((r) => !refusedOnReading(sheet.kind, r.row))) {
      const planned = planRow(sheet.kind, row, fields, records, references, audience.language, plan.problems);
      if (planned === 'UNCHANGED') summary.unchanged += 1;
      else if (planned) {
        summary[planned.change === 'CREATE' ? 'created' : 'changed'] += 1;
        plan.changes.push(planned);
      }
    }
  }
  return plan;
}

/** The sheet's columns an import compares; personal data only from those who may read it. */
function writableColumns(sheet: ExchangeSheet, audience: SheetAudience, problems: ImportProblem[]): string[] {
  const writable = Object.keys(WRITABLE_FIELDS[sheet.kind as WritableSheet]);
  const present = sheet.columns.filter((field) => writable.includes(field));
  if (audience.personalData) return present;
  for (const field of present.filter((f) => PERSONAL_DATA_FIELDS.includes(f))) {
    problems.push(problemOf(audience.language, sheet.kind, null, field, 'FORBIDDEN', { reason: 'personal data' }));
  }
  return present.filter((field) => !PERSONAL_DATA_FIELDS.includes(field));
}

function planRow(
  kind: WritableSheet,
  row: ExchangeRow,
  fields: string[],
  records: ReturnType<typeof currentRecords>,
  references: References,
  language: ExchangeLanguage,
  problems: ImportProblem[],
): PlannedChange | 'UNCHANGED' | null {
  const values: Values = {};
  let refused = false;
  for (const field of fields) {
    const spec = WRITABLE_FIELDS[kind][field];
    if (!spec) continue;
    const normalized = normalize(spec, row.cells[field] ?? null, references, language);
    if ('problem' in normalized) {
      problems.push(
        problemOf(language, kind, row.row, field, normalized.problem, { value: normalized.text.slice(0, 80) }),
      );
      refused = true;
    } else values[field] = normalized.value;
  }
  if (refused) return null;
  const key = keyOf(kind, values);
  const record = records.find(values);
  const base = { kind, sheet: sheetName(kind, language), row: row.row, key, values };
  const column = (field: string) => headerOf(kind, field, language);
  if (!record) {
    const given = fields.filter((field) => values[field] !== null);
    const changed = given.map((field) => ({
      field,
      column: column(field),
      before: null,
      after: values[field] ?? null,
    }));
    return { ...base, change: 'CREATE', fields: changed, current: null };
  }
  const differing = fields.filter((field) => (values[field] ?? null) !== (record.values[field] ?? null));
  if (differing.length === 0) return 'UNCHANGED';
  const version = row.cells['version'];
  if (version !== record.version) {
    const details = { value: version === null || version === undefined ? '' : String(version), limit: record.version };
    problems.push(problemOf(language, kind, row.row, 'version', 'CONFLICT', details));
    return null;
  }
  const changed = differing.map((field) => ({
    field,
    column: column(field),
    before: record.values[field] ?? null,
    after: values[field] ?? null,
  }));
  return { ...base, change: 'UPDATE', fields: changed, current: { id: record.id, version: record.version } };
}

/** The actions and parties the file itself creates, so other sheets of it may name them. */
function referencesOf(workbook: ExchangeWorkbook, lookups: Lookups): References {
  const cellsOf = (kind: SheetKind, field: string) =>
    (workbook.sheets.find((s) => s.kind === kind)?.rows ?? [])
      .map((r) => r.cells[field])
      .filter((cell): cell is string => typeof cell === 'string' && cell.trim() !== '');
  const newActionCodes = new Set(
    cellsOf('ACTIONS', 'code')
      .map(lookupKey)
      .filter((code) => !lookups.actionByCode.has(code)),
  );
  const newPartyNames = new Map(
    cellsOf('PARTIES', 'name')
      .filter((name) => !lookups.partyByName.has(lookupKey(name)))
      .map((name) => [lookupKey(name), name.trim()]),
  );
  return { lookups, newActionCodes, newPartyNames };
}
