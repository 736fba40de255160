import { isArgumentElement, isPluralElement, isSelectElement } from '@formatjs/icu-messageformat-parser';
import IntlMessageFormat, { type Formatters } from 'intl-messageformat';
import { en } from './messages.en';
import { type MessageKey, type Messages, nb } from './messages.nb';
import { nn } from './messages.nn';

export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const CATALOGUES: Record<Locale, Messages> = { nb, nn, en };

/** BCP 47 tags for Intl and the page's `lang` attribute. */
export const LOCALE_TAGS: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/**
 * The locales Intl formats numbers, dates and plurals for, best first. Browsers may ship no nynorsk
 * formats (Chromium has none), and would then write "Dec 3, 2026" and "39.3%": bokmål writes
 * numbers and dates as nynorsk does.
 */
export const FORMAT_LOCALES: Record<Locale, string[]> = { nb: ['nb-NO'], nn: ['nn-NO', 'nb-NO'], en: ['en-GB'] };

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Makes each Intl formatter once per locale and options, on first use. */
function memoized<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    let value = made.get(key);
    if (value === undefined) {
      value = make(...args);
      made.set(key, value);
    }
    return value;
  };
}

// Shared by every message, and made on first use: loading a locale's number formats costs the first
// page a long task, and the sign-in form has no numbers.
const FORMATTERS: Formatters = {
  getNumberFormat: memoized(
    (...args: Parameters<Formatters['getNumberFormat']>) =>
      new Intl.NumberFormat(...(args as ConstructorParameters<typeof Intl.NumberFormat>)),
  ),
  getDateTimeFormat: memoized(
    (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  ),
  getPluralRules: memoized((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
};

interface Compiled {
  message: IntlMessageFormat;
  /** Arguments shown as they are (`{name}`), which a missing value leaves visible. */
  plain: string[];
}

function plainArguments(elements: ReturnType<IntlMessageFormat['getAst']>, into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (isArgumentElement(element)) into.add(element.value);
    if (isPluralElement(element) || isSelectElement(element)) {
      for (const option of Object.values(element.options)) plainArguments(option.value, into);
    }
  }
  return into;
}

// Made once per message and locale, whichever page or provider asks. The built dashboard receives
// the messages parsed already (apps/dashboard/precompile-messages.ts); elsewhere they are parsed here.
const compiled = new Map<string, Compiled>();

function compile(locale: Locale, key: MessageKey): Compiled {
  const id = `${locale}:${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    // `ignoreTag`: the texts are plain text, so `<` is just a character.
    const message = new IntlMessageFormat(CATALOGUES[locale][key], FORMAT_LOCALES[locale], undefined, {
      formatters: FORMATTERS,
      ignoreTag: true,
    });
    entry = { message, plain: [...plainArguments(message.getAst())] };
    compiled.set(id, entry);
  }
  return entry;
}

/**
 * Formats a message of the catalogue, written in ICU MessageFormat: `{count, plural, one {# kommune}
 * other {# kommuner}}` takes the form the language's rules give the count and writes the number for
 * the locale ("1 234" in bokmål, "1,234" in English), as does `{total, number}`. A plain `{name}`
 * shows its value as it is, and stays visible when the value is missing rather than inventing one.
 */
export function translator(locale: Locale): Translate {
  return (key, values = {}) => {
    const { message, plain } = compile(locale, key);
    const shown: MessageValues = {};
    for (const name of plain) shown[name] = `{${name}}`;
    return message.format<string>({ ...shown, ...values }) as string;
  };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A percentage as people write it in the locale: "34,1 %" in bokmål, "34.1%" in English; "–" for none. */
export function formatPercent(locale: Locale, value: number | null): string {
  if (value === null) return '–';
  return FORMATTERS.getNumberFormat(FORMAT_LOCALES[locale], { style: 'percent', maximumFractionDigits: 1 }).format(
    value / 100,
  );
}

/** A calendar date (YYYY-MM-DD) as people write it in the locale. */
export function formatDate(locale: Locale, isoDate: string): string {
  return FORMATTERS.getDateTimeFormat(FORMAT_LOCALES[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/** A moment as people in Norway read it: date and time on the Oslo clock, whatever the browser's zone. */
export function formatDateTime(locale: Locale, isoDateTime: string): string {
  return FORMATTERS.getDateTimeFormat(FORMAT_LOCALES[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(isoDateTime));
}
