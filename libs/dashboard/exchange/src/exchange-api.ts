/** The exchange addresses of the API (`/exchange/…`) as the page uses them; the answers' shapes are in @tiltak/domain. */
import { type ExchangeLanguage, type ImportPlan, SHEET_SLUGS, type SheetKind } from '@tiltak/domain';

export {
  type ExchangeLanguage,
  type ImportPlan,
  type ImportProblem,
  SHEET_KINDS,
  SHEET_SLUGS,
  type SheetKind,
} from '@tiltak/domain';

/** Semicolons are what Excel set up for Norwegian expects; commas what most other programs do. */
export type CsvSeparator = 'semicolon' | 'comma';
/** The two steps of reading a file in, as the address names them. */
export type ImportStep = 'dry-run' | 'apply';

export function workbookUrl(lang: ExchangeLanguage): string {
  return `/exchange/programme.xlsx?lang=${lang}`;
}

export function sheetCsvUrl(kind: SheetKind, lang: ExchangeLanguage, separator: CsvSeparator): string {
  return `/exchange/${SHEET_SLUGS[kind]}.csv?lang=${lang}&separator=${separator}`;
}

/** Apply names the dry run it follows: the API refuses when the programme has changed since then. */
export function importUrl(mode: ImportStep, lang: ExchangeLanguage, expect?: string): string {
  const query = new URLSearchParams({ mode, lang, ...(expect && { expect }) });
  return `/exchange/import?${query.toString()}`;
}

/** The type a spreadsheet is sent as: the browser's own, else by its ending, else plain bytes. */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  if (/\.xlsx$/i.test(file.name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return 'application/octet-stream';
}

export type ImportAnswer =
  | { ok: true; plan: ImportPlan }
  /** `status` 0: the API could not be reached. `code`: the typed error's, when the API gave one. */
  | { ok: false; status: number; code: string | null; message: string | null };

/** Sends the file as it is (the body is the file) with the session's token, and reads the plan. */
export async function sendImport(
  file: File,
  mode: ImportStep,
  lang: ExchangeLanguage,
  token: string | null,
  expect?: string,
  fetcher: typeof fetch = fetch,
): Promise<ImportAnswer> {
  let response: Response;
  try {
    response = await fetcher(importUrl(mode, lang, expect), {
      method: 'POST',
      headers: {
        'content-type': contentTypeOf(file),
        // Header values are Latin-1: a name like «Tiltak – mars.xlsx» travels percent-encoded.
        'x-file-name': encodeURIComponent(file.name),
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: file,
    });
  } catch {
    return { ok: false, status: 0, code: null, message: null };
  }
  if (response.ok) return { ok: true, plan: (await response.json()) as ImportPlan };
  const error = await response
    .json()
    .then((body: { errors?: { message?: string; extensions?: { code?: string } }[] }) => body.errors?.[0])
    .catch(() => undefined);
  return { ok: false, status: response.status, code: error?.extensions?.code ?? null, message: error?.message ?? null };
}

/** The numbers the result is announced with. */
export function planTotals(plan: ImportPlan): {
  created: number;
  changed: number;
  unchanged: number;
  problems: number;
} {
  return plan.sheets.reduce(
    (sum, sheet) => ({
      created: sum.created + sheet.created,
      changed: sum.changed + sheet.changed,
      unchanged: sum.unchanged + sheet.unchanged,
      problems: sum.problems,
    }),
    { created: 0, changed: 0, unchanged: 0, problems: plan.problems.length },
  );
}

/** Apply is offered only for a dry run that found something to do and nothing wrong. */
export function mayApply(plan: ImportPlan | null): boolean {
  return plan !== null && plan.mode === 'DRY_RUN' && plan.changes.length > 0 && plan.problems.length === 0;
}

/** The file language follows the dashboard's: nynorsk readers get the bokmål headers Tiltak writes. */
export function exchangeLanguageOf(locale: string): ExchangeLanguage {
  return locale === 'en' ? 'en' : 'nb';
}
