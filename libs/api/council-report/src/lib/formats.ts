import type { Catalogue } from './catalogue';

/**
 * Numbers, money, shares and dates the way each language writes them: in bokmål a space between
 * thousands (a no-break space, so a figure never breaks over two lines), a decimal comma, "kr"
 * after the amount and "1. desember 2026"; in English "NOK 1,234" and "1 December 2026".
 */
export interface Formats {
  number(value: number): string;
  kroner(value: number): string;
  percent(value: number | null): string;
  date(isoDate: string): string;
}

export function formatsFor(words: Catalogue): Formats {
  const numbers = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 0 });
  // Calendar dates are stored without a time; read at UTC they stay the day they name.
  const dates = new Intl.DateTimeFormat(words.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const norwegian = words.locale.startsWith('nb');
  return {
    number: (value) => numbers.format(value),
    kroner: (value) => (norwegian ? `${whole.format(value)}\u00a0kr` : `NOK\u00a0${whole.format(value)}`),
    percent: (value) =>
      value === null ? words.progressUnknown : `${numbers.format(value)}${norwegian ? '\u00a0' : ''}%`,
    date: (isoDate) => dates.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
  };
}
