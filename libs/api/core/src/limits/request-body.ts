import express, { type RequestHandler } from 'express';
import { ApiErrorCode } from '../errors/api-error';

/** GraphQL requests are JSON; the dashboard's largest is a few kilobytes. */
export const REQUEST_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Reads JSON bodies up to 100 kB, in place of Nest's own body parser (create the app with
 * `bodyParser: false`). A larger body is answered 413 with REQUEST_TOO_LARGE in GraphQL's error
 * shape, without reading the rest of it.
 */
export function boundedJsonBodies(): RequestHandler {
  const parseJson = express.json({ limit: REQUEST_BODY_LIMIT_BYTES });
  return (request, response, next) =>
    parseJson(request, response, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type !== 'entity.too.large') return next(error);
      response.status(413).json({
        errors: [
          {
            message: `The request is larger than ${REQUEST_BODY_LIMIT_BYTES / 1024} kB.`,
            extensions: { code: ApiErrorCode.REQUEST_TOO_LARGE, limit: REQUEST_BODY_LIMIT_BYTES },
          },
        ],
      });
    });
}
