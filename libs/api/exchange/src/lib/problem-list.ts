import { EXCHANGE_LIMITS, type ExchangeLanguage } from './format';
import { type ImportProblem, type ImportProblemCode, type ProblemDetails, problemMessage } from './problems';

/** A file with a problem on every row would otherwise make a list as large as the file. */
export const MAX_PROBLEMS = 1_000;

/** The problems of one file, in the reader's language, at most MAX_PROBLEMS of them. */
export class ProblemList {
  readonly items: ImportProblem[] = [];

  constructor(private readonly language: ExchangeLanguage) {}

  add(
    code: ImportProblemCode,
    where: { sheet?: string | null; row?: number | null; column?: string | null },
    details: ProblemDetails = {},
  ): void {
    if (this.items.length >= MAX_PROBLEMS) return;
    const sheet = where.sheet ?? null;
    const column = where.column ?? null;
    this.items.push({
      sheet,
      row: where.row ?? null,
      column,
      code,
      message: problemMessage(code, this.language, {
        sheet: sheet ?? undefined,
        column: column ?? undefined,
        ...details,
      }),
    });
  }
}

/** Counts data rows over all sheets against EXCHANGE_LIMITS.maxRows. */
export class RowCounter {
  private rows = 0;

  constructor(private readonly problems: ProblemList) {}

  /** False once the file has more rows than allowed (and the problem is listed). */
  take(): boolean {
    this.rows += 1;
    if (this.rows <= EXCHANGE_LIMITS.maxRows) return true;
    this.problems.add('TOO_MANY_ROWS', {}, { limit: EXCHANGE_LIMITS.maxRows });
    return false;
  }
}
