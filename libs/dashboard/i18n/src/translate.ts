import { en } from './messages.en';
import { type Message, type MessageKey, type Messages, nb } from './messages.nb';

export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGUES: Record<Locale, Messages> = { nb, en };

/** BCP 47 tags for Intl and the page's `lang` attribute. */
export const LOCALE_TAGS: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Looks a message up and fills its `{name}` placeholders. Numbers are formatted for the locale,
 * so that a count reads "1 234" in bokmål and "1,234" in English. A message with plural forms
 * takes the one the language's rules give for `count`.
 */
export function translator(locale: Locale): Translate {
  // Made on first use: loading a locale's number formats costs the first page a long task, and
  // the sign-in form has no numbers.
  let numbers: Intl.NumberFormat | undefined;
  let plurals: Intl.PluralRules | undefined;
  const pick = (message: Message, count: unknown): string => {
    if (typeof message === 'string') return message;
    if (typeof count !== 'number') return message.other;
    plurals ??= new Intl.PluralRules(LOCALE_TAGS[locale]);
    return plurals.select(count) === 'one' ? message.one : message.other;
  };
  return (key, values = {}) =>
    pick(CATALOGUES[locale][key], values['count']).replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = values[name];
      if (value === undefined) return placeholder;
      if (typeof value !== 'number') return value;
      numbers ??= new Intl.NumberFormat(LOCALE_TAGS[locale]);
      return numbers.format(value);
    });
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A percentage as people write it in the locale: "34,1 %" in bokmål, "34.1%" in English; "–" for none. */
export function formatPercent(locale: Locale, value: number | null): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** A calendar date (YYYY-MM-DD) as people write it in the locale. */
export function formatDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/** A moment as people in Norway read it: date and time on the Oslo clock, whatever the browser's zone. */
export function formatDateTime(locale: Locale, isoDateTime: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(isoDateTime));
}
