import { FORMAT_LOCALES, type Locale } from './translate';

const formats = new Map<Locale, Intl.NumberFormat>();

/** Whole kroner as people in the locale write an amount: "1 250 000 kr" in bokmål; "–" for none. */
export function formatKroner(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(FORMAT_LOCALES[locale], {
      style: 'currency',
      currency: 'NOK',
      currencyDisplay: locale === 'en' ? 'code' : 'symbol',
      maximumFractionDigits: 0,
    });
    formats.set(locale, format);
  }
  return format.format(value);
}
