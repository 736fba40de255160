import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';

const run = promisify(execFile);

/** Collects what a writer streams, for tests that read the file back. */
export async function collect(write: (output: PassThrough) => Promise<void>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(output);
  return Buffer.concat(chunks);
}

/** Whitespace as one plain space (no-break spaces and line breaks included), so wrapped lines still match. */
export function flatten(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The files inside a DOCX, as text. */
export function docxParts(docx: Buffer): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(docx))).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of `word/document.xml`: each paragraph's runs joined, one paragraph a line. */
export function docxText(docx: Buffer): string {
  const xml = docxParts(docx)['word/document.xml'] ?? '';
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([paragraph]) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text ?? '').join(''),
    )
    .join('\n')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

async function withPdfFile<T>(pdf: Buffer, read: (path: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'council-report-'));
  try {
    const path = join(folder, 'report.pdf');
    await writeFile(path, pdf);
    return await read(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The PDF's text as poppler's `pdftotext` reads it. */
export function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (path) => (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout);
}

/** `pdffonts` rows: each font's name and whether it is embedded. */
export function pdfFonts(pdf: Buffer): Promise<{ name: string; embedded: boolean }[]> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        return { name: columns[0] ?? '', embedded: columns.at(-5) === 'yes' };
      });
  });
}

/** `pdfinfo`'s fields, such as Title, Tagged and Pages. */
export function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    return Object.fromEntries(
      stdout
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
    );
  });
}
