import { en } from './messages.en';
import { nb } from './messages.nb';
import { formatPercent, translator } from './translate';

describe('translator', () => {
  it('speaks bokmål and formats numbers the Norwegian way', () => {
    const sut = translator('nb');

    expect(sut('overview.municipalityCount', { count: 1234 })).toBe('1\u00a0234 kommuner');
  });

  it('speaks English with English number formatting', () => {
    const sut = translator('en');

    expect(sut('overview.municipalityCount', { count: 1234 })).toBe('1,234 municipalities');
  });

  it('leaves a placeholder without a value visible rather than inventing one', () => {
    expect(translator('en')('overview.period')).toBe('Period {period}');
  });

  it('has an English text for every bokmål key and no more', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  });
});

describe('formatPercent', () => {
  it('writes percentages the way each language does', () => {
    expect(formatPercent('nb', 34.1)).toBe('34,1\u00a0%');
    expect(formatPercent('en', 34.1)).toBe('34.1%');
    expect(formatPercent('nb', null)).toBe('–');
  });
});
