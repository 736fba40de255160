import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Caller, PolicyService } from '@tiltak/api-core';
import { type ExchangeLanguage, type ImportProblem, readSpreadsheet, SHEETS, sheetName } from '@tiltak/api-exchange';
import type { ImportChange, ImportMode, ImportPlan, Principal } from '@tiltak/domain';
import { ExchangeStateReader } from './exchange-state';
import { ExportService } from './export.service';
import { planImport, type PlannedChange, problemOf } from './import-planner';
import { ImportRunner } from './import-runner';

const CHANGED_SINCE_DRY_RUN: Record<ExchangeLanguage, string> = {
  nb: 'Programmet er endret siden fila ble kontrollert, så endringene ble ikke tatt i bruk. Kontroller fila på nytt.',
  en: 'The programme changed since the file was checked, so the changes were not applied. Check the file again.',
};

/** Problems that leave nothing worth planning. */
const UNREADABLE: ReadonlySet<string> = new Set(['NOT_A_SPREADSHEET', 'TOO_LARGE', 'TOO_MANY_ROWS']);

const rowKey = (sheet: string | null, row: number | null) => `${sheet ?? ''}:${row ?? ''}`;

export type { ImportMode, ImportPlan } from '@tiltak/domain';

/**
 * An uploaded spreadsheet: read, planned against the programme as it is now, then run through
 * the ordinary writes in one batch that is kept only when applying and nothing was refused.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly policy: PolicyService,
    private readonly reader: ExchangeStateReader,
    private readonly exports: ExportService,
    private readonly runner: ImportRunner,
  ) {}

  async import(
    caller: Caller & { viewer: Principal },
    filePath: string,
    mode: ImportMode,
    language: ExchangeLanguage,
    expect: string | null,
  ): Promise<ImportPlan> {
    this.policy.require(caller.viewer, { kind: 'IMPORT_SPREADSHEETS' });
    const read = await readSpreadsheet(filePath, language);
    // A file that could not be read whole is not planned: what was read of it says nothing.
    if (read.problems.some((p) => UNREADABLE.has(p.code))) {
      return { mode, applied: false, fingerprint: fingerprintOf([]), sheets: [], changes: [], problems: read.problems };
    }
    const state = await this.reader.read();
    const refusedRows = new Set(read.problems.map((p) => rowKey(p.sheet, p.row)));
    const plan = planImport(read.workbook, state, this.exports.audience(caller.viewer, language), (kind, row) =>
      refusedRows.has(rowKey(sheetName(kind, language), row)),
    );
    const changes = plan.changes.map(answerOf);
    const fingerprint = fingerprintOf(changes);
    const problems = [...read.problems, ...plan.problems];
    if (mode === 'APPLY' && expect !== null && expect !== fingerprint) {
      problems.push(problemOf(language, null, null, null, 'REFUSED', { reason: CHANGED_SINCE_DRY_RUN[language] }));
    }
    const run = await this.runner.run(caller, state, plan, language, mode === 'APPLY' && problems.length === 0);
    return {
      mode,
      applied: run.committed,
      fingerprint,
      sheets: plan.sheets,
      changes,
      problems: inFileOrder([...problems, ...run.problems], language),
    };
  }
}

function answerOf(change: PlannedChange): ImportChange {
  return {
    sheet: change.sheet,
    row: change.row,
    key: change.key,
    kind: change.change,
    fields: change.fields.map(({ column, before, after }) => ({ column, before, after })),
  };
}

function fingerprintOf(changes: ImportChange[]): string {
  return createHash('sha256').update(JSON.stringify(changes)).digest('hex');
}

/** Problems of the whole file first, then by sheet in workbook order, row and column. */
function inFileOrder(problems: ImportProblem[], language: ExchangeLanguage): ImportProblem[] {
  const sheetIndex = (name: string | null) =>
    name === null ? -1 : SHEETS.findIndex((s) => s.name[language] === name || Object.values(s.name).includes(name));
  return [...problems].sort(
    (a, b) =>
      sheetIndex(a.sheet) - sheetIndex(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}
