import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { ApiError, ApiErrorCode } from '@tiltak/api-core';
import { EXCHANGE_LIMITS } from '@tiltak/api-exchange';
import type { Request } from 'express';

/** What an upload may be sent as: a workbook, a CSV file, or bytes the reader will judge by their content. */
const UPLOAD_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/octet-stream',
];

const tooLarge = () =>
  new ApiError(
    ApiErrorCode.REQUEST_TOO_LARGE,
    `The file is larger than ${EXCHANGE_LIMITS.maxBytes + 1} bytes (50 MB).`,
    {
      limit: EXCHANGE_LIMITS.maxBytes,
    },
  );

/**
 * Streams the request's body into a file of its own in a fresh temporary folder and hands its
 * path to `work`, removing both afterwards. A body over the limit is refused as soon as it says so
 * (Content-Length) or passes it, without reading the rest: memory holds one chunk at a time.
 */
export async function withUpload<T>(request: Request, work: (path: string) => Promise<T>): Promise<T> {
  const [type = ''] = (request.headers['content-type'] ?? 'application/octet-stream').toLowerCase().split(';');
  if (!UPLOAD_TYPES.includes(type.trim()) || request.readableEnded) {
    throw new ApiError(
      ApiErrorCode.BAD_USER_INPUT,
      `Send the file as the body, as one of ${UPLOAD_TYPES.join(', ')}.`,
      {
        field: 'Content-Type',
        reason: 'UNSUPPORTED_MEDIA_TYPE',
      },
    );
  }
  if (Number(request.headers['content-length'] ?? 0) > EXCHANGE_LIMITS.maxBytes) throw tooLarge();
  const folder = await mkdtemp(join(tmpdir(), 'tiltak-import-'));
  try {
    const path = join(folder, 'upload');
    await receive(request, path);
    return await work(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function receive(request: Request, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(bytes > EXCHANGE_LIMITS.maxBytes ? tooLarge() : null, chunk);
      },
    });
    const file = createWriteStream(path);
    // The request is unpiped, not destroyed, so the refusal can still be answered on its connection.
    const fail = (error: Error) => {
      request.unpipe(counter);
      file.destroy();
      reject(error);
    };
    counter.on('error', fail);
    file.on('error', fail);
    request.on('aborted', () => fail(new Error('The upload was cut off')));
    file.on('finish', () => resolve());
    request.pipe(counter).pipe(file);
  });
}
