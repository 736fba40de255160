import type { Request, Response } from 'express';

export const REFRESH_COOKIE = 'tiltak_refresh';

/** Reads one cookie from the request without a cookie-parsing middleware. */
export function readCookie(request: Pick<Request, 'headers'>, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The refresh token lives in an HttpOnly cookie that scripts cannot read, sent only to /graphql,
 * and only from Tiltak's own pages (SameSite=Strict). It is a session cookie, with no expiry of
 * its own: the browser forgets it when it closes, and the server ends the session anyway after
 * 30 idle minutes or 12 hours.
 */
export function setRefreshCookie(response: Response, token: string, secure: boolean): void {
  response.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/graphql',
  });
}

export function clearRefreshCookie(response: Response, secure: boolean): void {
  response.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/graphql' });
}
