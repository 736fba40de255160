import { catalogueProblems } from './catalogue-rules';
import { CATALOGUES, formatDate, formatPercent, LOCALE_TAGS, LOCALES, translator } from './translate';

describe('translator', () => {
  it('speaks bokmål and formats numbers the Norwegian way', () => {
    const sut = translator('nb');

    expect(sut('overview.municipalityCount', { count: 1234 })).toBe('1\u00a0234 kommuner');
    expect(sut('audit.shown', { count: 1, total: 12345 })).toBe('Viser 1 av 12\u00a0345.');
  });

  it('speaks English with English number formatting', () => {
    const sut = translator('en');

    expect(sut('overview.municipalityCount', { count: 1234 })).toBe('1,234 municipalities');
    expect(sut('audit.shown', { count: 2, total: 12345 })).toBe('Showing 2 of 12,345.');
  });

  it('speaks nynorsk, with its own plural forms', () => {
    const sut = translator('nn');

    expect(sut('overview.municipalityCount', { count: 1234 })).toBe('1\u00a0234 kommunar');
    expect(sut('overview.overdue', { count: 1 })).toBe('1 forseinka milepæl');
    expect(sut('overview.overdue', { count: 2 })).toBe('2 forseinka milepælar');
    expect(formatDate('nn', '2026-03-01')).toBe('1. mars 2026');
  });

  it('takes the plural form that each language gives the count', () => {
    expect(translator('nb')('overview.overdue', { count: 1 })).toBe('1 forsinket milepæl');
    expect(translator('nb')('overview.overdue', { count: 0 })).toBe('0 forsinkede milepæler');
    expect(translator('nb')('overview.overdue', { count: 2 })).toBe('2 forsinkede milepæler');
    expect(translator('nb')('overview.changedCells', { count: 1 })).toBe('Nye tall i 1 celle.');
    expect(translator('en')('overview.overdue', { count: 1 })).toBe('1 overdue milestone');
    expect(translator('en')('actions.count', { count: 1 })).toBe('1 action');
    expect(translator('en')('actions.count', { count: 21 })).toBe('21 actions');
  });

  it('bends every number shown with a word, not only counts', () => {
    expect(translator('nb')('timeout.body', { idle: 1 })).toContain('nesten 1 minutt,');
    expect(translator('en')('users.password', { min: 12 })).toBe('Password (at least 12 characters)');
    expect(translator('nb')('parties.levels', { strategic: 1, operational: 2 })).toBe('1 strategisk, 2 operative');
  });

  it('picks a word by a value', () => {
    expect(translator('nb')('presence.editing', { name: 'Kari', field: 'status' })).toBe('Kari (redigerer status)');
    expect(translator('nb')('presence.editing', { name: 'Kari', field: 'title' })).toBe('Kari (redigerer tiltaket)');
  });

  it('leaves a placeholder without a value visible rather than inventing one', () => {
    expect(translator('en')('overview.period')).toBe('Period {period}');
  });
});

describe('the catalogues', () => {
  const problems = (catalogues: Record<string, Record<string, unknown>>) =>
    catalogueProblems(catalogues, { nb: 'nb-NO', en: 'en-GB' }, 'nb');

  it('keep every rule in every language', () => {
    expect(catalogueProblems(CATALOGUES, LOCALE_TAGS, 'nb')).toEqual([]);
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
  });

  it('hold no text in the old { one, other } form', () => {
    for (const locale of LOCALES) {
      const objects = Object.entries(CATALOGUES[locale]).filter(([, message]) => typeof message !== 'string');
      expect([locale, objects]).toEqual([locale, []]);
    }
    expect(problems({ nb: { a: { one: '{count} kommune', other: '{count} kommuner' } } })).toEqual([
      'nb a: not an ICU string (the old { one, other } form?)',
    ]);
  });

  it('find a key missing in one language, or one only that language has', () => {
    expect(problems({ nb: { a: 'Tiltak', b: 'Kommune' }, en: { a: 'Action', c: 'Municipality' } })).toEqual([
      'en b: missing',
      'en c: not in nb',
    ]);
  });

  it('find placeholders that differ between languages', () => {
    expect(problems({ nb: { a: 'Endre {name}' }, en: { a: 'Edit {party}' } })).toEqual([
      "en a: placeholders party:plain differ from nb's name:plain",
    ]);
    expect(
      problems({
        nb: { a: '{field, select, status {status} other {tiltaket}}' },
        en: { a: '{field, select, other {the action}}' },
      }),
    ).toEqual(["en a: placeholders field:select(other) differ from nb's field:select(other|status)"]);
  });

  it('find a count without plural forms', () => {
    expect(problems({ nb: { a: '{count} kommuner' } })).toEqual([
      'nb a: {count} without plural forms; write {count, plural, …}',
    ]);
    expect(problems({ nb: { a: '{count, number} kommuner' } })).toEqual([
      'nb a: {count} without plural forms; write {count, plural, …}',
      'nb a: {count, number} is followed by a word; give the word plural forms',
    ]);
  });

  it('find another number shown with a word but without plural forms', () => {
    expect(problems({ nb: { a: 'nesten {idle, number} minutter' } })).toEqual([
      'nb a: {idle, number} is followed by a word; give the word plural forms',
    ]);
  });

  it('find a plural without a form the language has, or with one it has not', () => {
    expect(problems({ nb: { a: '{n, plural, other {# kommuner}}' } })).toEqual([
      'nb a: plural of {n} has forms other; nb needs one, other',
    ]);
    expect(problems({ nb: { a: '{n, plural, one {#} few {#} other {#}}' } })).toEqual([
      'nb a: plural of {n} has forms one, few, other; nb needs one, other',
    ]);
  });

  it('find the plural’s own number written as a placeholder instead of #', () => {
    expect(problems({ nb: { a: '{n, plural, one {{n} kommune} other {{n} kommuner}}' } })).toEqual([
      'nb a: {n} inside its own plural; write # for the number',
      'nb a: {n} inside its own plural; write # for the number',
    ]);
  });

  it('find a text that does not parse', () => {
    expect(problems({ nb: { a: 'Periode {period' } })).toEqual([expect.stringMatching(/^nb a: does not parse/)]);
  });
});

describe('formatPercent', () => {
  it('writes percentages the way each language does', () => {
    expect(formatPercent('nb', 34.1)).toBe('34,1\u00a0%');
    expect(formatPercent('en', 34.1)).toBe('34.1%');
    expect(formatPercent('nb', null)).toBe('–');
  });
});

describe('formatDate', () => {
  it('writes a calendar date the way each language does', () => {
    expect(formatDate('nb', '2026-03-01')).toBe('1. mars 2026');
    expect(formatDate('en', '2026-03-01')).toBe('1 Mar 2026');
  });
});
