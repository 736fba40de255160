import { EXCHANGE_LANGUAGES } from './format';
import { type ImportProblemCode, problemMessage } from './problems';

const CODES: ImportProblemCode[] = [
  'NOT_A_SPREADSHEET',
  'TOO_LARGE',
  'TOO_MANY_ROWS',
  'UNKNOWN_SHEET',
  'UNKNOWN_COLUMN',
  'MISSING_COLUMN',
  'FORMULA',
  'MERGED_CELLS',
  'DATE_NOT_A_DATE',
  'NOT_A_NUMBER',
  'DUPLICATE_KEY',
  'REQUIRED',
  'INVALID_VALUE',
  'UNKNOWN_REFERENCE',
  'CONFLICT',
  'FORBIDDEN',
  'REFUSED',
];

describe('problem messages', () => {
  it.each(CODES)('%s reads as a full sentence in bokmål and in English, naming what it is given', (code) => {
    const details = { sheet: 'Tiltak', column: 'Frist', value: 'i morgen', limit: 99_999, otherRow: 7 };

    const sut = EXCHANGE_LANGUAGES.map((language) => problemMessage(code, language, details));

    expect(sut[0]).not.toBe(sut[1]);
    for (const message of sut) {
      expect(message).toMatch(/^\S.*[.]$/);
      expect(message).not.toMatch(/undefined|null|NaN/);
    }
  });

  it('adds the reason the server gives to a refusal', () => {
    expect(problemMessage('REFUSED', 'en', { reason: 'The programme changed since the dry run.' })).toBe(
      'The programme changed since the dry run.',
    );
    expect(problemMessage('FORBIDDEN', 'nb', { reason: 'Tiltaket hører til en annen kommune.' })).toBe(
      'Du har ikke lov til å gjøre denne endringen. Tiltaket hører til en annen kommune.',
    );
  });

  it('names the bounds a number must keep', () => {
    expect(problemMessage('INVALID_VALUE', 'nb', { column: 'Vekt', value: '0', min: 1, max: 5 })).toBe(
      '«0» i kolonnen «Vekt» må være mellom 1 og 5.',
    );
    expect(problemMessage('INVALID_VALUE', 'en', { column: 'Budget (NOK)', value: '-5', min: 0 })).toBe(
      '"-5" in the column "Budget (NOK)" must be at least 0.',
    );
  });
});
