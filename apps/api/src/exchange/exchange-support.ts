import ExcelJS from 'exceljs';
import { request as httpRequest } from 'node:http';
import type { TestApi } from '../testing/test-api';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What /exchange/import answers (see ImportPlan in libs/api/programme). */
export interface ImportAnswer {
  mode: 'DRY_RUN' | 'APPLY';
  applied: boolean;
  fingerprint: string;
  sheets: {
    kind: string;
    name: string;
    rows: number;
    created: number;
    changed: number;
    unchanged: number;
    readOnly: boolean;
  }[];
  changes: {
    sheet: string;
    row: number;
    key: string;
    kind: 'CREATE' | 'UPDATE';
    fields: { column: string; before: string | null; after: string | null }[];
  }[];
  problems: { sheet: string | null; row: number | null; column: string | null; code: string; message: string }[];
}

/** Spreadsheets to and from the API as one signed-in user, over real HTTP. */
export function exchangeClient(api: TestApi, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  return {
    async download(file: string, query = 'lang=nb'): Promise<{ status: number; headers: Headers; body: Buffer }> {
      const response = await fetch(`${api.url}/exchange/${file}?${query}`, { headers: auth });
      return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
    },
    async upload(body: Buffer, query: string, type = XLSX): Promise<{ status: number; json: ImportAnswer }> {
      const response = await fetch(`${api.url}/exchange/import?${query}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': type },
        body: new Uint8Array(body),
      });
      return { status: response.status, json: (await response.json()) as ImportAnswer };
    },
  };
}

/**
 * Sends a body of `bytes` bytes and answers the status and body the server replied with: a
 * refusal may come before the body is all sent, and then the rest is not wanted.
 */
export function uploadRaw(url: string, token: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}/exchange/import?mode=apply`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': bytes },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    // Writing into a connection the server has closed fails; its answer is what counts.
    request.on('error', () => undefined);
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const more = () => {
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!request.write(part)) return void request.once('drain', more);
      }
      request.end();
    };
    more();
  });
}

/** A downloaded workbook, changed by `edit` and saved again. */
export async function editWorkbook(file: Buffer, edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The row of a sheet whose column `header` holds `value`, and a setter for its cells by header. */
export function rowWhere(workbook: ExcelJS.Workbook, sheet: string, header: string, value: string) {
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`No sheet ${sheet}`);
  const headers = (worksheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const column = (name: string) => {
    const index = headers.indexOf(name);
    if (index < 1) throw new Error(`No column ${name} in ${sheet}`);
    return index;
  };
  for (let r = 2; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    if (row.getCell(column(header)).value === value) {
      return {
        row: r,
        get: (name: string) => row.getCell(column(name)).value,
        cell: (name: string) => row.getCell(column(name)),
        set: (name: string, cell: ExcelJS.CellValue) => {
          row.getCell(column(name)).value = cell;
        },
      };
    }
  }
  throw new Error(`No row of ${sheet} with ${header} = ${value}`);
}

export async function changeEventCount(api: TestApi): Promise<number> {
  const [{ events }] = (await api.db.dataSource.query('SELECT count(*)::int AS events FROM change_event')) as [
    { events: number },
  ];
  return events;
}

/** Adds a row at the end of a sheet, its cells given by header. */
export function appendRow(workbook: ExcelJS.Workbook, sheet: string, cells: Record<string, ExcelJS.CellValue>): void {
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`No sheet ${sheet}`);
  const headers = (worksheet.getRow(1).values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
  worksheet.addRow(headers.map((header) => cells[header] ?? null));
}

/** The first data row of a sheet, by header. */
export function firstRow(workbook: ExcelJS.Workbook, sheet: string): Record<string, ExcelJS.CellValue> {
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`No sheet ${sheet}`);
  const headers = (worksheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const values = worksheet.getRow(2).values as ExcelJS.CellValue[];
  return Object.fromEntries(headers.map((header, i) => [header, values[i] ?? null]).filter(([header]) => header));
}
