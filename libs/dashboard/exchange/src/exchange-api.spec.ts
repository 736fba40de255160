/** @jest-environment node */
import {
  contentTypeOf,
  exchangeLanguageOf,
  type ImportPlan,
  type ImportProblem,
  importUrl,
  mayApply,
  planTotals,
  sendImport,
  sheetCsvUrl,
  workbookUrl,
} from './exchange-api';

function planOf(overrides: Partial<ImportPlan> = {}): ImportPlan {
  return {
    mode: 'DRY_RUN',
    applied: false,
    fingerprint: 'f1',
    sheets: [
      { kind: 'ACTIONS', name: 'Tiltak', rows: 50, created: 1, changed: 2, unchanged: 47, readOnly: false },
      { kind: 'MILESTONES', name: 'Milepæler', rows: 10, created: 0, changed: 1, unchanged: 9, readOnly: false },
      {
        kind: 'MATRIX',
        name: 'Kommune og innsatsområde',
        rows: 36,
        created: 0,
        changed: 0,
        unchanged: 0,
        readOnly: true,
      },
    ],
    changes: [
      {
        sheet: 'Tiltak',
        row: 4,
        key: 'LOG-3',
        kind: 'UPDATE',
        fields: [{ column: 'Status', before: 'Ikke startet', after: 'Pågår' }],
      },
    ],
    problems: [],
    ...overrides,
  };
}

const problem: ImportProblem = {
  sheet: 'Tiltak',
  row: 7,
  column: 'Frist',
  code: 'DATE_NOT_A_DATE',
  message: 'Frist er ikke en dato.',
};

describe('the exchange addresses', () => {
  it('asks for the workbook and each sheet in the file language, with the separator chosen', () => {
    expect(workbookUrl('en')).toBe('/exchange/programme.xlsx?lang=en');
    expect(sheetCsvUrl('INDICATOR_VALUES', 'nb', 'semicolon')).toBe(
      '/exchange/indicator-values.csv?lang=nb&separator=semicolon',
    );
    expect(sheetCsvUrl('ACTIONS', 'en', 'comma')).toBe('/exchange/actions.csv?lang=en&separator=comma');
  });

  it('sends a dry run without a fingerprint and an apply with the dry run’s', () => {
    expect(importUrl('dry-run', 'nb')).toBe('/exchange/import?mode=dry-run&lang=nb');
    expect(importUrl('apply', 'en', 'ab+c/=')).toBe('/exchange/import?mode=apply&lang=en&expect=ab%2Bc%2F%3D');
  });

  it('writes files in bokmål for bokmål and nynorsk readers, in English for English ones', () => {
    expect(['nb', 'nn', 'en'].map(exchangeLanguageOf)).toEqual(['nb', 'nb', 'en']);
  });

  it('names the file’s type by the browser’s word, else by its ending', () => {
    expect(contentTypeOf({ name: 'a.xlsx', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(contentTypeOf({ name: 'a.CSV', type: '' })).toBe('text/csv');
    expect(contentTypeOf({ name: 'a.txt', type: '' })).toBe('application/octet-stream');
    expect(contentTypeOf({ name: 'a.csv', type: 'application/vnd.ms-excel' })).toBe('application/vnd.ms-excel');
  });
});

describe('sending a spreadsheet', () => {
  const file = new File(['Kode,Tittel\r\nLOG-3,Ny tittel\r\n'], 'Tiltak – mars.csv', { type: 'text/csv' });

  it('sends the file itself as the body, with the token, its type and its name, and reads the plan', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const sut = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return Response.json(planOf());
    }) as typeof fetch;

    const answer = await sendImport(file, 'apply', 'nb', 'token-1', 'f1', sut);

    expect(answer).toEqual({ ok: true, plan: planOf() });
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe('/exchange/import?mode=apply&lang=nb&expect=f1');
    expect(seen[0].init.method).toBe('POST');
    expect(seen[0].init.body).toBe(file);
    expect(seen[0].init.headers).toEqual({
      authorization: 'Bearer token-1',
      'content-type': 'text/csv',
      'x-file-name': 'Tiltak%20%E2%80%93%20mars.csv',
    });
  });

  it('sends no authorization header without a session', async () => {
    let headers: HeadersInit | undefined;
    const sut = (async (_url: string, init: RequestInit) => {
      headers = init.headers;
      return Response.json(planOf());
    }) as typeof fetch;

    await sendImport(file, 'dry-run', 'nb', null, undefined, sut);

    expect(headers).not.toHaveProperty('authorization');
  });

  it('says the status and typed code of a refusal, and status 0 when the API could not be reached', async () => {
    const tooLarge = (async () =>
      Response.json(
        { errors: [{ message: 'The file is larger than 50 MB.', extensions: { code: 'BAD_USER_INPUT' } }] },
        { status: 413 },
      )) as typeof fetch;
    const notJson = (async () => new Response('Bad gateway', { status: 502 })) as typeof fetch;
    const away = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;

    await expect(sendImport(file, 'dry-run', 'nb', 't', undefined, tooLarge)).resolves.toEqual({
      ok: false,
      status: 413,
      code: 'BAD_USER_INPUT',
      message: 'The file is larger than 50 MB.',
    });
    await expect(sendImport(file, 'dry-run', 'nb', 't', undefined, notJson)).resolves.toEqual({
      ok: false,
      status: 502,
      code: null,
      message: null,
    });
    await expect(sendImport(file, 'dry-run', 'nb', 't', undefined, away)).resolves.toEqual({
      ok: false,
      status: 0,
      code: null,
      message: null,
    });
  });
});

describe('what the page makes of a plan', () => {
  it('adds up the sheets for the announcement, and counts the problems', () => {
    expect(planTotals(planOf({ problems: [problem, problem] }))).toEqual({
      created: 1,
      changed: 3,
      unchanged: 56,
      problems: 2,
    });
  });

  it('offers apply only for a dry run with changes and no problems', () => {
    expect(mayApply(planOf())).toBe(true);
    expect(mayApply(null)).toBe(false);
    expect(mayApply(planOf({ problems: [problem] }))).toBe(false);
    expect(mayApply(planOf({ changes: [] }))).toBe(false);
    expect(mayApply(planOf({ mode: 'APPLY', applied: true }))).toBe(false);
  });
});
