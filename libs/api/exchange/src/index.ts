export * from './lib/format';
export * from './lib/sheets';
export * from './lib/problems';
export * from './lib/write-xlsx';
export * from './lib/write-csv';
export * from './lib/read-spreadsheet';
