import type { ColumnDefinition, ExchangeSheet } from './format';
import { sheetDefinition } from './sheets';

/** The definitions of the columns a sheet holds, in its order. */
export function sheetColumns(sheet: ExchangeSheet): ColumnDefinition[] {
  const definition = sheetDefinition(sheet.kind);
  return sheet.columns.map((field) => {
    const column = definition.columns.find((candidate) => candidate.field === field);
    if (!column) throw new Error(`${sheet.kind} has no column ${field}`);
    return column;
  });
}

/** `yyyy-mm-dd` of a calendar date held at UTC midnight. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
