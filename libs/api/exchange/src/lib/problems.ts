import type { ExchangeLanguage, ImportProblemCode } from '@tiltak/domain';

export type { ImportProblem, ImportProblemCode } from '@tiltak/domain';

/** What a message may mention; each code uses the details it needs. */
export interface ProblemDetails {
  sheet?: string;
  column?: string;
  /** The offending value as text (shortened by the caller). */
  value?: string;
  /** A limit: rows, bytes, characters, or the bounds of a number. */
  limit?: number;
  min?: number;
  max?: number;
  /** Another row involved (the first row with the same key). */
  otherRow?: number;
  /** Which wording: a sheet that appears twice, a number that must be whole, a text that is too long. */
  variant?: 'twice' | 'whole' | 'length' | 'headers' | 'unpacked';
  /** A sentence the server adds (for example why a change was refused), already in the message's language. */
  reason?: string;
}

type Message = (details: ProblemDetails) => string;

const at = (details: ProblemDetails, nb: boolean) =>
  details.column ? (nb ? ` i kolonnen «${details.column}»` : ` in the column "${details.column}"`) : '';

/** One catalogue for every problem, in plain bokmål and English: what is wrong and what to do. */
const MESSAGES: Record<ImportProblemCode, Record<ExchangeLanguage, Message>> = {
  NOT_A_SPREADSHEET: {
    nb: () => 'Fila er ikke et regneark Tiltak kan lese. Lagre den som Excel-arbeidsbok (.xlsx) eller som CSV (UTF-8).',
    en: () => 'The file is not a spreadsheet Tiltak can read. Save it as an Excel workbook (.xlsx) or as CSV (UTF-8).',
  },
  TOO_LARGE: {
    nb: (d) =>
      d.variant === 'unpacked'
        ? `Arbeidsboka er for stor når den pakkes ut (høyst ${megabytes(d.limit)} MB). Del den opp i flere filer.`
        : `Fila er for stor. Den må være mindre enn ${megabytes(d.limit)} MB. Del den opp i flere filer.`,
    en: (d) =>
      d.variant === 'unpacked'
        ? `The workbook is too large when unpacked (at most ${megabytes(d.limit)} MB). Split it into several files.`
        : `The file is too large. It must be smaller than ${megabytes(d.limit)} MB. Split it into several files.`,
  },
  TOO_MANY_ROWS: {
    nb: (d) =>
      `Fila har for mange rader. Høyst ${count(d.limit, 'nb')} rader kan leses inn om gangen. Del den opp i flere filer.`,
    en: (d) =>
      `The file has too many rows. At most ${count(d.limit, 'en')} rows can be imported at a time. Split it into several files.`,
  },
  UNKNOWN_SHEET: {
    nb: (d) =>
      d.variant === 'headers'
        ? 'Overskriftene i første rad passer ikke med noe ark i Tiltaks eksport. Bruk overskriftene fra eksporten.'
        : d.variant === 'twice'
          ? `Arket «${d.sheet}» finnes to ganger i fila. Behold bare ett av dem.`
          : `Arket «${d.sheet ?? ''}» er ikke et av arkene i Tiltaks eksport. Gi det riktig navn eller fjern det.`,
    en: (d) =>
      d.variant === 'headers'
        ? "The headers in the first row match none of the sheets in Tiltak's export. Use the headers from the export."
        : d.variant === 'twice'
          ? `The sheet "${d.sheet}" appears twice in the file. Keep only one of them.`
          : `The sheet "${d.sheet ?? ''}" is not one of the sheets in Tiltak's export. Give it the right name or remove it.`,
  },
  UNKNOWN_COLUMN: {
    nb: (d) =>
      d.variant === 'twice'
        ? `Kolonnen «${d.column}» står to ganger. Fjern den ene.`
        : `Kolonnen «${d.column}» finnes ikke i dette arket. Bruk overskriftene fra Tiltaks eksport, på ett språk.`,
    en: (d) =>
      d.variant === 'twice'
        ? `The column "${d.column}" appears twice. Remove one of them.`
        : `The column "${d.column}" does not belong in this sheet. Use the headers from Tiltak's export, in one language.`,
  },
  MISSING_COLUMN: {
    nb: (d) => `Kolonnen «${d.column}» mangler. Den trengs for å kjenne igjen radene.`,
    en: (d) => `The column "${d.column}" is missing. It is needed to recognise the rows.`,
  },
  FORMULA: {
    nb: (d) => `Cellen${at(d, true)} inneholder en formel. Erstatt formelen med verdien (lim inn som verdier).`,
    en: (d) => `The cell${at(d, false)} holds a formula. Replace the formula with its value (paste as values).`,
  },
  MERGED_CELLS: {
    nb: (d) => `Cellene ${d.value ?? ''} er slått sammen. Del dem opp igjen, slik at hver celle har sin egen verdi.`,
    en: (d) => `The cells ${d.value ?? ''} are merged. Unmerge them, so that every cell holds its own value.`,
  },
  DATE_NOT_A_DATE: {
    nb: (d) =>
      `«${d.value ?? ''}»${at(d, true)} er ikke en dato. Formater cellen som dato (for eksempel 2025-03-31), eller skriv datoen som åååå-mm-dd i en CSV-fil.`,
    en: (d) =>
      `"${d.value ?? ''}"${at(d, false)} is not a date. Format the cell as a date (for example 2025-03-31), or write the date as yyyy-mm-dd in a CSV file.`,
  },
  NOT_A_NUMBER: {
    nb: (d) =>
      d.variant === 'whole'
        ? `«${d.value ?? ''}»${at(d, true)} er ikke et helt tall. Skriv et helt tall uten desimaler.`
        : `«${d.value ?? ''}»${at(d, true)} er ikke et tall. Skriv bare sifre, eventuelt med desimalkomma.`,
    en: (d) =>
      d.variant === 'whole'
        ? `"${d.value ?? ''}"${at(d, false)} is not a whole number. Write a whole number without decimals.`
        : `"${d.value ?? ''}"${at(d, false)} is not a number. Write digits only, with a decimal point if needed.`,
  },
  DUPLICATE_KEY: {
    nb: (d) =>
      `«${d.value ?? ''}» står også på rad ${d.otherRow ?? ''}. Hver rad må kunne kjennes igjen; fjern eller rett den ene.`,
    en: (d) =>
      `"${d.value ?? ''}" is also on row ${d.otherRow ?? ''}. Every row must be recognisable; remove or correct one of them.`,
  },
  REQUIRED: {
    nb: (d) => `Kolonnen «${d.column ?? ''}» må fylles ut.`,
    en: (d) => `The column "${d.column ?? ''}" must be filled in.`,
  },
  INVALID_VALUE: {
    nb: (d) => invalid(d, 'nb'),
    en: (d) => invalid(d, 'en'),
  },
  UNKNOWN_REFERENCE: {
    nb: (d) => `«${d.value ?? ''}»${at(d, true)} finnes ikke i Tiltak. Sjekk stavemåten.`,
    en: (d) => `"${d.value ?? ''}"${at(d, false)} does not exist in Tiltak. Check the spelling.`,
  },
  CONFLICT: {
    nb: () => 'Raden er endret i Tiltak etter at fila ble lastet ned. Last ned en ny fil og gjør endringen der.',
    en: () =>
      'The row was changed in Tiltak after the file was downloaded. Download a new file and make the change there.',
  },
  FORBIDDEN: {
    nb: (d) => `Du har ikke lov til å gjøre denne endringen.${d.reason ? ` ${d.reason}` : ''}`,
    en: (d) => `You are not allowed to make this change.${d.reason ? ` ${d.reason}` : ''}`,
  },
  REFUSED: {
    nb: (d) => d.reason ?? 'Endringene ble ikke tatt i bruk.',
    en: (d) => d.reason ?? 'The changes were not applied.',
  },
};

function megabytes(bytes = 0): number {
  return Math.round(bytes / (1024 * 1024));
}

function count(value = 0, language: ExchangeLanguage): string {
  return new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : 'en-GB').format(value);
}

function invalid(d: ProblemDetails, language: ExchangeLanguage): string {
  const nb = language === 'nb';
  const value = nb ? `«${d.value ?? ''}»${at(d, true)}` : `"${d.value ?? ''}"${at(d, false)}`;
  if (d.variant === 'length')
    return nb
      ? `Teksten${at(d, true)} er for lang. Høyst ${count(d.limit, 'nb')} tegn er tillatt.`
      : `The text${at(d, false)} is too long. At most ${count(d.limit, 'en')} characters are allowed.`;
  if (d.min !== undefined && d.max !== undefined)
    return nb ? `${value} må være mellom ${d.min} og ${d.max}.` : `${value} must be between ${d.min} and ${d.max}.`;
  if (d.min !== undefined) return nb ? `${value} må være minst ${d.min}.` : `${value} must be at least ${d.min}.`;
  if (d.max !== undefined) return nb ? `${value} kan være høyst ${d.max}.` : `${value} can be at most ${d.max}.`;
  return nb
    ? `${value} er ikke en gyldig verdi.${d.reason ? ` ${d.reason}` : ''}`
    : `${value} is not a valid value.${d.reason ? ` ${d.reason}` : ''}`;
}

export function problemMessage(
  code: ImportProblemCode,
  language: ExchangeLanguage,
  details: ProblemDetails = {},
): string {
  return MESSAGES[code][language](details);
}
