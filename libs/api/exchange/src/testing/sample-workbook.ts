import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { CellValue, ExchangeRow, ExchangeSheet, ExchangeWorkbook, SheetKind } from '../lib/format';
import { SHEETS } from '../lib/sheets';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Rows with the values that break naive writers and readers: separators, quotes, line ends, formulas' first characters, æøå, decimals. */
const SAMPLE_ROWS: Record<SheetKind, Record<string, CellValue>[]> = {
  ACTIONS: [
    {
      code: 'NÆR-01',
      title: 'Næringshage på Årnes; «fase 2», "pilot"',
      description: 'Første linje\nandre linje, med komma',
      focusArea: 'NÆR',
      municipalities: 'Eidsvoll; Nes',
      startDate: day('2025-01-02'),
      dueDate: day('2026-12-31'),
      weight: 3,
      status: 'Pågår',
      progress: 40,
      health: 'I rute',
      goals: 'G1; G2',
      budget: 1_500_000,
      caseReference: '2024/123',
      version: 4,
    },
    {
      code: 'KLI-02',
      title: '=HYPERLINK("x") er bare tekst',
      description: null,
      focusArea: 'KLI',
      municipalities: null,
      startDate: day('2024-02-29'),
      dueDate: day('2028-01-01'),
      weight: 1,
      status: 'Ikke startet',
      progress: 0,
      health: null,
      goals: null,
      budget: null,
      caseReference: '-12',
      version: 1,
    },
  ],
  MILESTONES: [
    {
      action: 'NÆR-01',
      title: 'Avtale signert',
      dueDate: day('2025-06-30'),
      weight: 2,
      completedOn: day('2025-06-01'),
      version: 2,
    },
    { action: 'NÆR-01', title: 'Åpning', dueDate: day('2026-09-01'), weight: 5, completedOn: null, version: 1 },
  ],
  INVOLVEMENTS: [
    {
      action: 'NÆR-01',
      party: 'Nes kommune',
      organisationNumber: '964950768',
      role: 'Leder',
      level: 'Strategisk',
      version: 1,
    },
    {
      action: 'NÆR-01',
      party: 'Klynge Øst',
      organisationNumber: null,
      role: 'Partner',
      level: 'Operativt',
      version: 3,
    },
  ],
  PARTIES: [
    {
      name: 'Nes kommune',
      organisationNumber: '964950768',
      kind: 'Kommune',
      homeMunicipality: 'Nes',
      website: 'https://www.nes.kommune.no',
      contactName: 'Kari Nordmann',
      contactEmail: 'kari@example.no',
      version: 2,
    },
    {
      name: 'Klynge Øst',
      organisationNumber: null,
      kind: 'Klynge',
      homeMunicipality: null,
      website: null,
      contactName: null,
      contactEmail: null,
      version: 1,
    },
  ],
  INDICATOR_VALUES: [
    {
      indicator: 'Nye arbeidsplasser',
      focusArea: 'NÆR',
      unit: 'antall',
      municipality: 'Nes',
      year: 2025,
      value: 12.5,
      version: 1,
    },
    {
      indicator: 'Nye arbeidsplasser',
      focusArea: 'NÆR',
      unit: 'antall',
      municipality: 'Eidsvoll',
      year: 2025,
      value: -3.25,
      version: 2,
    },
  ],
  INDICATORS: [
    {
      name: 'Nye arbeidsplasser',
      focusArea: 'NÆR',
      unit: 'antall',
      baseline: 0,
      target: 150.5,
      targetYear: 2028,
      source: 'SSB',
    },
  ],
  FUNDING: [
    {
      action: 'NÆR-01',
      source: 'Kommunalt',
      municipality: 'Nes',
      status: 'Innvilget',
      year: 2025,
      amount: 250_000,
      reference: null,
    },
  ],
  MATRIX: [{ municipality: 'Nes', focusArea: 'NÆR', actions: 3, progress: 41, onTrack: 2, atRisk: 1, offTrack: 0 }],
};

/** Every sheet of the format with every column, as an export would make it. */
export function sampleWorkbook(): ExchangeWorkbook {
  return { sheets: SHEETS.map((definition) => sampleSheet(definition.kind)) };
}

export function sampleSheet(kind: SheetKind): ExchangeSheet {
  const definition = SHEETS.find((sheet) => sheet.kind === kind);
  const columns = definition ? definition.columns.map((column) => column.field) : [];
  const rows: ExchangeRow[] = SAMPLE_ROWS[kind].map((cells, index) => ({ row: index + 2, cells }));
  return { kind, columns, rows };
}

/** Runs a writer into a file and waits until the file is complete. */
export async function writeToFile(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const out = createWriteStream(path);
  await write(out);
  if (!out.writableFinished) await once(out, 'finish');
}
