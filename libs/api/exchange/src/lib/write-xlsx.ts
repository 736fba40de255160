import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ColumnDefinition, ExchangeLanguage, ExchangeSheet, ExchangeWorkbook } from './format';
import { sheetColumns } from './columns';
import { sheetName } from './sheets';

const NUMBER_FORMATS: Partial<Record<ColumnDefinition['type'], string>> = { date: 'yyyy-mm-dd' };
/** Money reads better grouped; other whole numbers (years, versions, weights) must not be. */
const MONEY_FIELDS = new Set(['budget', 'amount']);

/**
 * Streams the workbook as .xlsx (exceljs's streaming writer, inline strings, so memory holds one row
 * at a time): one sheet per kind, bold frozen headers, real dates and numbers, column widths.
 */
export async function writeWorkbookXlsx(
  workbook: ExchangeWorkbook,
  language: ExchangeLanguage,
  out: Writable,
): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of workbook.sheets) writeSheet(writer, sheet, language);
  await writer.commit();
}

function writeSheet(
  writer: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExchangeSheet,
  language: ExchangeLanguage,
): void {
  const columns = sheetColumns(sheet);
  const worksheet = writer.addWorksheet(sheetName(sheet.kind, language), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  worksheet.columns = columns.map((column) => ({
    key: column.field,
    width: column.width ?? 16,
    style: { numFmt: numberFormat(column) },
  }));
  const header = worksheet.addRow(columns.map((column) => column.header[language]));
  header.font = { bold: true };
  header.commit();
  for (const { cells } of sheet.rows) {
    const row = worksheet.addRow(columns.map((column) => cells[column.field] ?? null));
    columns.forEach((column, index) => {
      const format = numberFormat(column);
      if (format) row.getCell(index + 1).numFmt = format;
    });
    row.commit();
  }
  worksheet.commit();
}

function numberFormat(column: ColumnDefinition): string | undefined {
  return MONEY_FIELDS.has(column.field) ? '#,##0' : NUMBER_FORMATS[column.type];
}
