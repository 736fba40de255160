import {
  type CellValue,
  type ExchangeLanguage,
  type ExchangeSheet,
  type SheetKind,
  sheetDefinition,
} from '@tiltak/api-exchange';
import { toActionModel } from '../models/action.model';
import type { ExchangeState, Lookups } from './exchange-state';
import { HEALTH_LABELS, LEVEL_LABELS, PARTY_KIND_LABELS, ROLE_LABELS, STATUS_LABELS } from './import-labels';

/** What a sheet is built for: the language of its words, and whether its reader may see personal data. */
export interface SheetAudience {
  language: ExchangeLanguage;
  personalData: boolean;
}

/** The columns that name people: present only for those who may read personal data. */
export const PERSONAL_DATA_FIELDS: readonly string[] = ['contactName', 'contactEmail'];

/** A calendar date as the exchange carries it: UTC midnight. */
export const dateCell = (iso: string | null): Date | null => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

const textCell = (text: string | null | undefined): string | null => (text ? text : null);

/** A list cell: the items sorted, separated by `; `, empty as null. */
export const listCell = (items: readonly string[]): string | null =>
  items.length === 0 ? null : [...items].sort((a, b) => a.localeCompare(b, 'nb')).join('; ');

/** A sheet of rows keyed by field, numbered from 2 (row 1 holds the headers). */
export function sheetOf(
  kind: SheetKind,
  cells: Record<string, CellValue>[],
  audience: Pick<SheetAudience, 'personalData'>,
): ExchangeSheet {
  const columns = sheetDefinition(kind)
    .columns.map((c) => c.field)
    .filter((field) => audience.personalData || !PERSONAL_DATA_FIELDS.includes(field));
  const rows = cells.map((row, i) => ({
    row: i + 2,
    cells: Object.fromEntries(columns.map((field) => [field, row[field] ?? null])),
  }));
  return { kind, columns, rows };
}

export function actionRows(state: ExchangeState, lookups: Lookups, { language }: SheetAudience) {
  return state.actions.map((action) => {
    const model = toActionModel(action, state.today);
    const municipalities = state.participations
      .filter((p) => p.actionId === action.id)
      .map((p) => lookups.municipalityById.get(p.municipalityId)?.name ?? '');
    const goals = state.goalLinks
      .filter((l) => l.actionId === action.id)
      .map((l) => lookups.goalById.get(l.goalId)?.code ?? '');
    return {
      code: action.code,
      title: action.title,
      description: textCell(action.description),
      focusArea: lookups.focusAreaById.get(action.focusAreaId)?.code ?? null,
      municipalities: listCell(municipalities),
      startDate: dateCell(action.startDate),
      dueDate: dateCell(action.dueDate),
      weight: action.weight,
      status: STATUS_LABELS[action.status][language],
      progress: action.progress,
      health: HEALTH_LABELS[model.health][language],
      goals: listCell(goals),
      budget: action.budget,
      caseReference: textCell(action.caseReference),
      version: action.version,
    };
  });
}

const codeOf = (lookups: Lookups, actionId: string) => lookups.actionById.get(actionId)?.code ?? '';

export function milestoneRows(state: ExchangeState, lookups: Lookups) {
  return state.milestones
    .map((m) => ({
      action: codeOf(lookups, m.actionId),
      title: m.title,
      dueDate: dateCell(m.dueDate),
      weight: m.weight,
      completedOn: dateCell(m.completedOn),
      version: m.version,
    }))
    .sort((a, b) => a.action.localeCompare(b.action) || (a.dueDate?.getTime() ?? 0) - (b.dueDate?.getTime() ?? 0));
}

export function involvementRows(state: ExchangeState, lookups: Lookups, { language }: SheetAudience) {
  return state.involvements
    .map((i) => {
      const party = lookups.partyById.get(i.partyId);
      return {
        action: codeOf(lookups, i.actionId),
        party: party?.name ?? '',
        organisationNumber: party?.organisationNumber ?? null,
        role: ROLE_LABELS[i.role][language],
        level: LEVEL_LABELS[i.level][language],
        version: i.version,
      };
    })
    .sort((a, b) => a.action.localeCompare(b.action) || a.party.localeCompare(b.party, 'nb'));
}

export function partyRows(state: ExchangeState, lookups: Lookups, { language, personalData }: SheetAudience) {
  return state.parties.map((party) => ({
    name: party.name,
    organisationNumber: party.organisationNumber,
    kind: PARTY_KIND_LABELS[party.kind][language],
    homeMunicipality: party.homeMunicipalityId
      ? (lookups.municipalityById.get(party.homeMunicipalityId)?.name ?? null)
      : null,
    website: party.website,
    ...(personalData && { contactName: party.contactName, contactEmail: party.contactEmail }),
    version: party.version,
  }));
}

export function indicatorValueRows(state: ExchangeState, lookups: Lookups) {
  return state.indicatorValues
    .map((value) => {
      const indicator = lookups.indicatorById.get(value.indicatorId);
      return {
        indicator: indicator?.name ?? '',
        focusArea: indicator?.focusAreaId ? (lookups.focusAreaById.get(indicator.focusAreaId)?.code ?? null) : null,
        unit: indicator?.unit ?? null,
        municipality: lookups.municipalityById.get(value.municipalityId)?.name ?? '',
        year: value.year,
        value: value.value,
        version: value.version,
      };
    })
    .sort(
      (a, b) =>
        a.indicator.localeCompare(b.indicator, 'nb') ||
        a.municipality.localeCompare(b.municipality, 'nb') ||
        a.year - b.year,
    );
}
