import type { FileHandle } from 'node:fs/promises';

/**
 * Limits on what an .xlsx may unpack to, read from the zip's central directory before anything is
 * unpacked: a 50 MB zip can hold gigabytes of XML. Worksheets are streamed, but the shared strings
 * are held in memory, so they get their own, smaller limit.
 */
export const XLSX_LIMITS = {
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

export type ZipVerdict = 'OK' | 'NOT_A_WORKBOOK' | 'TOO_LARGE';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64 = 0xffffffff;

export async function checkXlsxZip(file: FileHandle, size: number): Promise<ZipVerdict> {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let end = -1;
  for (let at = tailLength - 22; at >= 0 && end < 0; at--) if (tail.readUInt32LE(at) === END_OF_DIRECTORY) end = at;
  if (end < 0) return 'NOT_A_WORKBOOK';
  const entries = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (entries > XLSX_LIMITS.maxEntries || directoryOffset === ZIP64 || directoryOffset + directorySize > size)
    return entries > XLSX_LIMITS.maxEntries ? 'TOO_LARGE' : 'NOT_A_WORKBOOK';
  const directory = Buffer.alloc(directorySize);
  await file.read(directory, 0, directorySize, directoryOffset);
  let unpacked = 0;
  let workbook = false;
  for (let at = 0, index = 0; index < entries; index++) {
    if (at + 46 > directorySize || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return 'NOT_A_WORKBOOK';
    const entrySize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    if (entrySize === ZIP64) return 'TOO_LARGE';
    if (name === 'xl/sharedStrings.xml' && entrySize > XLSX_LIMITS.maxSharedStringsBytes) return 'TOO_LARGE';
    workbook ||= name === 'xl/workbook.xml';
    unpacked += entrySize;
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  if (unpacked > XLSX_LIMITS.maxUnpackedBytes) return 'TOO_LARGE';
  return workbook ? 'OK' : 'NOT_A_WORKBOOK';
}
