import {
  archiveReferenceIssues,
  caseReferenceProblem,
  recordSource,
  recordUrlProblem,
  trimmedReference,
} from './archive-reference';

describe('caseReferenceProblem', () => {
  it.each(['2025/1432', '2025/1432-3', '25/1432', '25/01432-12', '1999/7', '2026/1234567-9999'])(
    'takes %s as a case number',
    (value) => {
      expect(caseReferenceProblem(value)).toBeNull();
    },
  );

  it.each([
    '',
    '2025',
    '2025/',
    '/1432',
    '2025-1432',
    '2025/14a2',
    '225/1432',
    '3025/1432',
    '2025/0',
    '2025/1432-0',
    '2025/1432-',
    '2025/12345678',
    '2025/1432-12345',
    ' 2025/1432',
    'sak 2025/1432',
  ])('refuses %p', (value) => {
    expect(caseReferenceProblem(value)).toBe('NOT_A_CASE_NUMBER');
  });

  it('names a value past the length limit as too long', () => {
    expect(caseReferenceProblem(`2025/${'1'.repeat(50)}`)).toBe('TOO_LONG');
  });
});

describe('recordUrlProblem', () => {
  it.each([
    'https://einnsyn.no/saksmappe?id=http://data.einnsyn.no/saksmappe/1a2b',
    'https://www.nes.kommune.no/innsyn/sak/2025/1432',
  ])('takes %s', (value) => {
    expect(recordUrlProblem(value)).toBeNull();
  });

  it.each([
    ['einnsyn.no/sak/1', 'NOT_A_URL'],
    ['https://localhost/sak', 'NOT_A_URL'],
    ['https://einnsyn.no/sak 1', 'NOT_A_URL'],
    ['http://einnsyn.no/sak/1', 'NOT_HTTPS'],
    ['javascript:alert(1)', 'NOT_A_URL'],
    ['ftp://arkiv.nes.kommune.no/1', 'NOT_HTTPS'],
    ['https://bruker:passord@arkiv.nes.kommune.no/1', 'HAS_CREDENTIALS'],
    [`https://einnsyn.no/${'a'.repeat(482)}`, 'TOO_LONG'],
  ])('refuses %s as %s', (value, problem) => {
    expect(recordUrlProblem(value)).toBe(problem);
  });

  it('takes a link of exactly 500 characters', () => {
    const value = `https://einnsyn.no/${'a'.repeat(500 - 'https://einnsyn.no/'.length)}`;
    expect(value).toHaveLength(500);
    expect(recordUrlProblem(value)).toBeNull();
  });
});

describe('trimmedReference', () => {
  it.each([
    [undefined, null],
    [null, null],
    ['   ', null],
    [' 2025/1432 ', '2025/1432'],
  ])('%p is kept as %p', (value, kept) => {
    expect(trimmedReference(value)).toBe(kept);
  });
});

describe('archiveReferenceIssues', () => {
  it('has none for fields left out or empty', () => {
    expect(archiveReferenceIssues({})).toEqual([]);
    expect(archiveReferenceIssues({ caseReference: ' ', recordUrl: null })).toEqual([]);
  });

  it('checks the trimmed values', () => {
    expect(archiveReferenceIssues({ caseReference: ' 2025/1432-3 ', recordUrl: ' https://einnsyn.no/x ' })).toEqual([]);
  });

  it('names every field with a problem', () => {
    const sut = archiveReferenceIssues({ caseReference: 'sak 12', recordUrl: 'http://einnsyn.no/x' });
    expect(sut).toEqual([
      { field: 'caseReference', problem: 'NOT_A_CASE_NUMBER' },
      { field: 'recordUrl', problem: 'NOT_HTTPS' },
    ]);
  });
});

describe('recordSource', () => {
  it.each([
    ['https://einnsyn.no/saksmappe?id=1', 'EINNSYN'],
    ['https://www.einnsyn.no/saksmappe?id=1', 'EINNSYN'],
    ['https://einnsyn.no.example.com/x', 'ARCHIVE'],
    ['https://innsyn.ullensaker.kommune.no/sak/1', 'ARCHIVE'],
  ])('%s opens %s', (value, source) => {
    expect(recordSource(value)).toBe(source);
  });
});
