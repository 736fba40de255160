import type { CellValue, ExchangeLanguage, SheetKind } from '@tiltak/api-exchange';
import { type Lookups, lookupKey } from './exchange-state';
import { LEVEL_LABELS, PARTY_KIND_LABELS, ROLE_LABELS, STATUS_LABELS, valueOfLabel } from './import-labels';

/** The sheets an import writes to, in the order their writes run (a party before the actions naming it). */
export const WRITABLE_SHEETS = ['PARTIES', 'ACTIONS', 'MILESTONES', 'INVOLVEMENTS', 'INDICATOR_VALUES'] as const;
export type WritableSheet = (typeof WRITABLE_SHEETS)[number];

/** What a sheet may name besides what exists: the actions and parties the same file creates. */
export interface References {
  lookups: Lookups;
  newActionCodes: Set<string>;
  newPartyNames: Map<string, string>;
}

type Labels = Record<string, Record<ExchangeLanguage, string>>;
type Reference = 'focusArea' | 'municipality' | 'goal' | 'action' | 'party' | 'indicator';
type FieldSpec =
  | { type: 'text' | 'date' | 'integer' | 'number' }
  | { type: 'label'; labels: Labels }
  | { type: 'reference'; to: Reference }
  | { type: 'list'; to: Reference };

const text = { type: 'text' } as const;
const date = { type: 'date' } as const;
const integer = { type: 'integer' } as const;
const ref = (to: Reference) => ({ type: 'reference', to }) as const;

/** The fields an import compares and writes, per sheet; read-only columns and the version are not among them. */
export const WRITABLE_FIELDS: Record<WritableSheet, Record<string, FieldSpec>> = {
  ACTIONS: {
    code: text,
    title: text,
    description: text,
    focusArea: ref('focusArea'),
    municipalities: { type: 'list', to: 'municipality' },
    startDate: date,
    dueDate: date,
    weight: integer,
    status: { type: 'label', labels: STATUS_LABELS },
    goals: { type: 'list', to: 'goal' },
    budget: integer,
    caseReference: text,
  },
  MILESTONES: { action: ref('action'), title: text, dueDate: date, weight: integer, completedOn: date },
  INVOLVEMENTS: {
    action: ref('action'),
    party: ref('party'),
    role: { type: 'label', labels: ROLE_LABELS },
    level: { type: 'label', labels: LEVEL_LABELS },
  },
  PARTIES: {
    name: text,
    organisationNumber: text,
    kind: { type: 'label', labels: PARTY_KIND_LABELS },
    homeMunicipality: ref('municipality'),
    website: text,
    contactName: text,
    contactEmail: text,
  },
  INDICATOR_VALUES: {
    indicator: ref('indicator'),
    municipality: ref('municipality'),
    year: integer,
    value: { type: 'number' },
  },
};

export const isWritable = (kind: SheetKind): kind is WritableSheet =>
  (WRITABLE_SHEETS as readonly string[]).includes(kind);

/**
 * A cell in the one form both sides of a comparison take, and that a change shows: trimmed text,
 * `yyyy-mm-dd` dates, numbers as digits, labels in the import's language, names and codes as
 * Tiltak spells them, lists sorted. Null is empty.
 */
export type Normalized = { value: string | null } | { problem: 'UNKNOWN_REFERENCE' | 'INVALID_VALUE'; text: string };

export function normalize(
  spec: FieldSpec,
  cell: CellValue,
  references: References,
  language: ExchangeLanguage,
): Normalized {
  const raw = plainText(cell);
  if (raw === null) return { value: null };
  switch (spec.type) {
    case 'text':
    case 'date':
    case 'integer':
    case 'number':
      return { value: raw };
    case 'label': {
      const value = valueOfLabel(spec.labels, raw);
      const label = value === undefined ? undefined : spec.labels[value]?.[language];
      return label === undefined ? { problem: 'INVALID_VALUE', text: raw } : { value: label };
    }
    case 'reference': {
      const found = spelled(spec.to, raw, references);
      return found === null ? { problem: 'UNKNOWN_REFERENCE', text: raw } : { value: found };
    }
    case 'list': {
      const items = [...new Set(listItems(raw))];
      const spelledItems = items.map((item) => ({ item, found: spelled(spec.to, item, references) }));
      const unknown = spelledItems.find((s) => s.found === null);
      if (unknown) return { problem: 'UNKNOWN_REFERENCE', text: unknown.item };
      const sorted = spelledItems.map((s) => s.found as string).sort((a, b) => a.localeCompare(b, 'nb'));
      return { value: sorted.length === 0 ? null : sorted.join('; ') };
    }
  }
}

/** The items of a list cell (`; ` between them; a bare `;` is taken too). */
export const listItems = (value: string | null): string[] =>
  value === null
    ? []
    : value
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== '');

function plainText(cell: CellValue): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return String(cell);
  const trimmed = cell.trim();
  return trimmed === '' ? null : trimmed;
}

/** How Tiltak spells what a cell names, or null when it names nothing known. */
function spelled(to: Reference, raw: string, { lookups, newActionCodes, newPartyNames }: References): string | null {
  const key = lookupKey(raw);
  switch (to) {
    case 'focusArea':
      return lookups.focusAreaByCode.get(key)?.code ?? null;
    case 'municipality':
      return lookups.municipalityByName.get(key)?.name ?? null;
    case 'goal':
      return lookups.goalByCode.get(key)?.code ?? null;
    case 'action':
      return lookups.actionByCode.get(key)?.code ?? (newActionCodes.has(key) ? raw.trim() : null);
    case 'party':
      return lookups.partyByName.get(key)?.name ?? newPartyNames.get(key) ?? null;
    case 'indicator':
      return lookups.indicatorByName.get(key)?.name ?? null;
  }
}
