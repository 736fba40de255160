import type { Request, Response } from 'express';
import { REFRESH_TOKEN_DAYS } from './tokens.service';

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
 * and only from Tiltak's own pages (SameSite=Strict).
 */
export function setRefreshCookie(response: Response, token: string, secure: boolean): void {
  response.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/graphql',
    maxAge: REFRESH_TOKEN_DAYS * 86_400_000,
  });
}

export function clearRefreshCookie(response: Response, secure: boolean): void {
  response.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/graphql' });
}
