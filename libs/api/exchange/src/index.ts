export {
  type CellValue,
  type ColumnDefinition,
  type ColumnType,
  EXCHANGE_LANGUAGES,
  EXCHANGE_LIMITS,
  type ExchangeLanguage,
  type ExchangeRow,
  type ExchangeSheet,
  type ExchangeWorkbook,
  SHEET_SLUGS,
  type SheetDefinition,
  type SheetKind,
} from './lib/format';
export { SHEETS, sheetDefinition, sheetName } from './lib/sheets';
export { type ImportProblem, type ImportProblemCode, type ProblemDetails, problemMessage } from './lib/problems';
export { MAX_PROBLEMS } from './lib/problem-list';
export { writeWorkbookXlsx } from './lib/write-xlsx';
export { type CsvSeparator, writeSheetCsv } from './lib/write-csv';
export { type ReadResult, readSpreadsheet } from './lib/read-spreadsheet';
export { XLSX_LIMITS } from './lib/xlsx-package';
