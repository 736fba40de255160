import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, type Caller } from '@tiltak/api-core';
import { ProgrammeWriter } from '@tiltak/api-data-access';
import type { ExchangeLanguage, ImportProblem, ImportProblemCode } from '@tiltak/api-exchange';
import { QueryFailedError } from 'typeorm';
import { type ExchangeState, lookupsOf } from './exchange-state';
import { WRITABLE_FIELDS, WRITABLE_SHEETS, type WritableSheet } from './exchange-values';
import { ImportIds, MissingReference } from './import-ids';
import { type Plan, type PlannedChange, problemOf } from './import-planner';
import { ImportWrites } from './import-writes';

/** The input fields of the writes, as the sheet columns they came from. */
const COLUMN_OF_INPUT: Record<string, string> = {
  focusAreaId: 'focusArea',
  municipalityIds: 'municipalities',
  goalIds: 'goals',
  partyId: 'party',
  homeMunicipalityId: 'homeMunicipality',
  indicatorId: 'indicator',
  municipalityId: 'municipality',
  actionId: 'action',
  expectedVersion: 'version',
};

const PROBLEM_OF_ERROR: Partial<Record<ApiErrorCode, ImportProblemCode>> = {
  [ApiErrorCode.FORBIDDEN]: 'FORBIDDEN',
  [ApiErrorCode.UNAUTHENTICATED]: 'FORBIDDEN',
  [ApiErrorCode.CONFLICT]: 'CONFLICT',
  [ApiErrorCode.BAD_USER_INPUT]: 'INVALID_VALUE',
  [ApiErrorCode.NOT_FOUND]: 'INVALID_VALUE',
};

/**
 * Runs a plan's changes as ordinary writes in one batch (see ProgrammeWriter.batch): each row is
 * its own savepoint, so a refused row is rolled back alone and reported; the batch commits only
 * when asked to and nothing at all was refused, otherwise it is rolled back whole.
 */
@Injectable()
export class ImportRunner {
  constructor(
    private readonly writer: ProgrammeWriter,
    private readonly writes: ImportWrites,
  ) {}

  async run(
    caller: Caller,
    state: ExchangeState,
    plan: Plan,
    language: ExchangeLanguage,
    commit: boolean,
  ): Promise<{ problems: ImportProblem[]; committed: boolean }> {
    // Nothing to write: applying it is done, and there is no transaction to hold.
    if (plan.changes.length === 0) return { problems: [], committed: commit };
    const ids = new ImportIds(lookupsOf(state));
    const { result, committed } = await this.writer.batch(
      caller.actor,
      state.programmeId,
      async () => {
        const problems: ImportProblem[] = [];
        for (const kind of WRITABLE_SHEETS) {
          for (const change of plan.changes.filter((c) => c.kind === kind)) {
            try {
              await this.write(caller, change, ids, language);
            } catch (error) {
              problems.push(problemOfError(error, change, language));
            }
          }
        }
        return { result: problems, keep: problems.length === 0 && plan.problems.length === 0 };
      },
      { commit },
    );
    return { problems: result, committed };
  }

  private write(caller: Caller, change: PlannedChange, ids: ImportIds, language: ExchangeLanguage): Promise<void> {
    switch (change.kind) {
      case 'PARTIES':
        return this.writes.party(caller, change, ids);
      case 'ACTIONS':
        return this.writes.action(caller, change, ids, language);
      case 'MILESTONES':
        return this.writes.milestone(caller, change, ids);
      case 'INVOLVEMENTS':
        return this.writes.involvement(caller, change, ids);
      case 'INDICATOR_VALUES':
        return this.writes.indicatorValue(caller, change, ids);
    }
  }
}

/** A refused write as a problem of its row; anything else (a bug, a database away) is not the file's fault. */
function problemOfError(error: unknown, change: PlannedChange, language: ExchangeLanguage): ImportProblem {
  const at = (field: string | null, code: ImportProblemCode, reason: string, value?: string) => {
    const column = columnOf(change.kind, field);
    const given = value ?? (column ? (change.values[column] ?? '') : '');
    // The writes explain themselves in English only; a bokmål list gives the value and the column instead.
    return problemOf(language, change.kind, change.row, column, code, {
      ...(language === 'en' && code !== 'FORBIDDEN' && { reason }),
      value: given.slice(0, 80),
    });
  };
  if (error instanceof MissingReference) return at(error.field, 'UNKNOWN_REFERENCE', error.message, error.text);
  if (error instanceof ApiError) {
    const code = PROBLEM_OF_ERROR[error.code] ?? 'REFUSED';
    const field = error.extensions['field'];
    return at(typeof field === 'string' ? field : null, code, error.message);
  }
  // An integrity constraint (class 23), such as a second party with the same organisation number.
  const sqlState = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
  if (sqlState?.startsWith('23')) return at(null, 'INVALID_VALUE', error instanceof Error ? error.message : '');
  throw error;
}

function columnOf(kind: WritableSheet, field: string | null): string | null {
  if (field === null) return null;
  const name = COLUMN_OF_INPUT[field] ?? field;
  return name === 'version' || name in WRITABLE_FIELDS[kind] ? name : null;
}
