import type { AppConfig } from '@tiltak/api-core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';

/** A host name or address with an optional port, and nothing a header could be split on. */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The WebSocket addresses of the page's own origin, for graphql-ws and the presence socket. CSP 3
 * counts them as 'self' already; browsers that predate that rule need them named.
 */
function ownWebSockets(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Security headers on every response, the dashboard's and the API's. The dashboard is one
 * script and one stylesheet from its own origin (React sets element styles through the DOM, which
 * a CSP does not govern), so neither scripts nor styles need 'unsafe-inline'. HSTS is sent only
 * where cookies are secure, that is where Tiltak is reached over HTTPS.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const headers = (contentSecurityPolicy: boolean) =>
    helmet({
      contentSecurityPolicy: contentSecurityPolicy && {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", ownWebSockets],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: config.auth.secureCookies && { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
    });
  const everywhere = headers(true);
  if (config.environment !== 'development') return everywhere;
  // GraphiQL, only in development, is a page of inline script loaded from a CDN.
  const graphiql = headers(false);
  return (request: Request, response: Response, next: NextFunction) =>
    request.method === 'GET' && request.path === '/graphql'
      ? graphiql(request, response, next)
      : everywhere(request, response, next);
}
