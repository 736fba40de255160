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

  it('takes the plural form that each language gives the count', () => {
    expect(translator('nb')('overview.overdue', { count: 1 })).toBe('1 forsinket milepæl');
    expect(translator('nb')('overview.overdue', { count: 0 })).toBe('0 forsinkede milepæler');
    expect(translator('nb')('overview.overdue', { count: 2 })).toBe('2 forsinkede milepæler');
    expect(translator('en')('actions.count', { count: 1 })).toBe('1 action');
    expect(translator('en')('actions.count', { count: 21 })).toBe('21 actions');
  });

  it('gives every plural text the same forms in both languages', () => {
    const forms = (message: unknown) => (typeof message === 'string' ? 'text' : Object.keys(message as object).sort());
    for (const key of Object.keys(nb) as (keyof typeof nb)[]) {
      if (typeof nb[key] !== 'string' || typeof en[key] !== 'string') {
        expect([key, forms(en[key])]).toEqual([key, ['one', 'other']]);
        expect([key, forms(nb[key])]).toEqual([key, ['one', 'other']]);
      }
    }
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
