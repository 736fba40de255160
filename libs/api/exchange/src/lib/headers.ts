import type { ColumnDefinition, ExchangeLanguage, SheetDefinition, SheetKind } from './format';
import { EXCHANGE_LANGUAGES } from './format';
import { SHEETS } from './sheets';

export interface HeaderMatch {
  definition: SheetDefinition;
  language: ExchangeLanguage;
  /** Per column of the file: its definition, or null when the header is unknown or empty. */
  columns: (ColumnDefinition | null)[];
}

export function normaliseHeader(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}

/**
 * The sheet kind and header language that recognise most of the header row. Within a sheet the
 * headers are all bokmål or all English; a header of the other language counts as unknown. Given a
 * single kind (an .xlsx sheet, known by its name), it always answers, even when no header is known.
 */
export function matchHeaders(headers: (string | null)[], kinds: readonly SheetKind[]): HeaderMatch | null {
  let best: { match: HeaderMatch; known: number; share: number } | null = null;
  for (const definition of SHEETS.filter((sheet) => kinds.includes(sheet.kind))) {
    for (const language of EXCHANGE_LANGUAGES) {
      const byHeader = new Map(definition.columns.map((column) => [normaliseHeader(column.header[language]), column]));
      const columns = headers.map((header) =>
        header === null ? null : (byHeader.get(normaliseHeader(header)) ?? null),
      );
      const known = columns.filter(Boolean).length;
      const share = known / definition.columns.length;
      if (
        (known > 0 || kinds.length === 1) &&
        (!best || known > best.known || (known === best.known && share > best.share))
      )
        best = { match: { definition, language, columns }, known, share };
    }
  }
  return best?.match ?? null;
}

/** The sheet kind whose bokmål or English name this is. */
export function kindOfSheetName(name: string): SheetKind | null {
  const wanted = normaliseHeader(name);
  return (
    SHEETS.find((sheet) => EXCHANGE_LANGUAGES.some((language) => normaliseHeader(sheet.name[language]) === wanted))
      ?.kind ?? null
  );
}

/** Column letters as spreadsheets show them (1 → A, 27 → AA), to point at a column without a header. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
