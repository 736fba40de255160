import type { ExchangeLanguage, ExchangeSheet } from '@tiltak/api-exchange';
import { type ExchangeState, type Lookups, lookupKey } from './exchange-state';
import { normalize, type References, WRITABLE_FIELDS, type WritableSheet } from './exchange-values';

/** A row's writable fields, normalized (see `normalize`). */
export type Values = Record<string, string | null>;

/** A record as it is now: its id and version, and its row as an export shows it. */
export interface CurrentRecord {
  id: string;
  version: number;
  values: Values;
}

const KEY_FIELDS: Record<WritableSheet, string[]> = {
  ACTIONS: ['code'],
  MILESTONES: ['action', 'title'],
  INVOLVEMENTS: ['action', 'party'],
  PARTIES: ['name'],
  INDICATOR_VALUES: ['indicator', 'municipality', 'year'],
};

/** The row's key as people read it (`LOG-3 / Kick-off`). */
export function keyOf(kind: WritableSheet, values: Values): string {
  return KEY_FIELDS[kind].map((field) => values[field] ?? '').join(' / ');
}

/** The ids of the records a sheet's rows stand for, by the row's key compared without case. */
function idsByKey(kind: WritableSheet, state: ExchangeState, lookups: Lookups): Map<string, string> {
  const code = (actionId: string) => lookups.actionById.get(actionId)?.code ?? '';
  const keyed = (parts: (string | number)[], id: string): [string, string] => [lookupKey(parts.join(' / ')), id];
  switch (kind) {
    case 'ACTIONS':
      return new Map(state.actions.map((a) => keyed([a.code], a.id)));
    case 'MILESTONES':
      return new Map(state.milestones.map((m) => keyed([code(m.actionId), m.title], m.id)));
    case 'INVOLVEMENTS':
      return new Map(
        state.involvements.map((i) => keyed([code(i.actionId), lookups.partyById.get(i.partyId)?.name ?? ''], i.id)),
      );
    case 'PARTIES':
      return new Map(state.parties.map((p) => keyed([p.name], p.id)));
    case 'INDICATOR_VALUES':
      return new Map(
        state.indicatorValues.map((v) =>
          keyed(
            [
              lookups.indicatorById.get(v.indicatorId)?.name ?? '',
              lookups.municipalityById.get(v.municipalityId)?.name ?? '',
              v.year,
            ],
            `${v.indicatorId}:${v.municipalityId}:${v.year}`,
          ),
        ),
      );
  }
}

/**
 * The records of a sheet as they are now, found by a row's key: a party by its organisation
 * number where the row gives one Tiltak knows, else by its name.
 */
export function currentRecords(
  kind: WritableSheet,
  sheet: ExchangeSheet,
  state: ExchangeState,
  lookups: Lookups,
  references: References,
  language: ExchangeLanguage,
): { find(values: Values): CurrentRecord | undefined } {
  const ids = idsByKey(kind, state, lookups);
  const records = new Map<string, CurrentRecord>();
  for (const row of sheet.rows) {
    const values: Values = {};
    for (const [field, spec] of Object.entries(WRITABLE_FIELDS[kind])) {
      if (!sheet.columns.includes(field)) continue;
      const normalized = normalize(spec, row.cells[field] ?? null, references, language);
      values[field] = 'value' in normalized ? normalized.value : null;
    }
    const key = lookupKey(keyOf(kind, values));
    const id = ids.get(key);
    if (id) records.set(key, { id, version: row.cells['version'] as number, values });
  }
  return {
    find(values) {
      const number = kind === 'PARTIES' ? values['organisationNumber'] : null;
      const byNumber = number ? lookups.partyByNumber.get(number) : undefined;
      return records.get(lookupKey(byNumber ? byNumber.name : keyOf(kind, values)));
    },
  };
}
