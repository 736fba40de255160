import type { ActionStatus, Health } from '@tiltak/domain';
import { stringify } from 'csv-stringify/sync';

/**
 * The open data files: what they hold, under names that stay put. Field names are English
 * snake_case, the same in a CSV header and a JSON key, and are documented in the README
 * ("Åpne data / Open data"); a new field may be added, none is renamed or removed. They hold no
 * personal data (no contact persons, e-mail addresses or project leads' names) and no money.
 */
export const OPEN_DATA_FILES = ['actions.csv', 'actions.json', 'matrix.csv', 'matrix.json'] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];
export type OpenDataSet = 'actions' | 'matrix';

export const OPEN_DATA_LICENCE = 'NLOD 2.0';

export interface OpenAction {
  code: string;
  title: string;
  focus_area_code: string;
  focus_area: string;
  /** Names, alphabetical; `; `-separated in CSV. */
  municipalities: string[];
  status: ActionStatus;
  progress_percent: number;
  health: Health;
  start_date: string;
  due_date: string;
  updated_at: string;
}

/** One municipality × focus area cell, on the municipality's own figures, as the overview's matrix. */
export interface OpenMatrixCell {
  municipality: string;
  focus_area_code: string;
  focus_area: string;
  action_count: number;
  progress_percent: number | null;
  expected_progress_percent: number | null;
  not_started: number;
  in_progress: number;
  on_hold: number;
  completed: number;
  cancelled: number;
  on_track: number;
  at_risk: number;
  off_track: number;
  overdue_milestones: number;
  stale: number;
}

export const ACTION_FIELDS: readonly (keyof OpenAction)[] = [
  'code',
  'title',
  'focus_area_code',
  'focus_area',
  'municipalities',
  'status',
  'progress_percent',
  'health',
  'start_date',
  'due_date',
  'updated_at',
];

export const MATRIX_FIELDS: readonly (keyof OpenMatrixCell)[] = [
  'municipality',
  'focus_area_code',
  'focus_area',
  'action_count',
  'progress_percent',
  'expected_progress_percent',
  'not_started',
  'in_progress',
  'on_hold',
  'completed',
  'cancelled',
  'on_track',
  'at_risk',
  'off_track',
  'overdue_milestones',
  'stale',
];

export interface OpenData {
  programme: { name: string; period: string };
  generated_at: string;
  licence: typeof OPEN_DATA_LICENCE;
  actions: OpenAction[];
  matrix: OpenMatrixCell[];
}

export function setOf(file: OpenDataFile): OpenDataSet {
  return file.startsWith('actions') ? 'actions' : 'matrix';
}

export const CONTENT_TYPES: Record<'csv' | 'json', string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function formatOf(file: OpenDataFile): 'csv' | 'json' {
  return file.endsWith('.csv') ? 'csv' : 'json';
}

/** The file's bytes: CSV in UTF-8 with a BOM (so Excel reads the letters æøå right) and CRLF, or JSON. */
export function writeOpenDataFile(data: OpenData, file: OpenDataFile): Buffer {
  const set = setOf(file);
  if (formatOf(file) === 'json') {
    const { programme, generated_at, licence } = data;
    return Buffer.from(JSON.stringify({ programme, generated_at, licence, [set]: data[set] }), 'utf8');
  }
  const columns = set === 'actions' ? ACTION_FIELDS : MATRIX_FIELDS;
  const rows: Record<string, unknown>[] = data[set].map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([field, value]) => [field, Array.isArray(value) ? value.join('; ') : value]),
    ),
  );
  return Buffer.from(stringify(rows, { header: true, columns: [...columns], bom: true, record_delimiter: 'windows' }));
}
