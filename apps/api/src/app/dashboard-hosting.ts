import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const API_PATHS = ['/graphql', '/health', '/socket.io', '/documents', '/exchange', '/open-data'];
/** Asset names carry a hash of their content, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The encodings the build writes beside each asset (see apps/dashboard/precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves the built dashboard from the API's own port, so one address is all a user needs. Paths
 * that are not files fall back to index.html, where the dashboard's router takes over.
 */
export function hostDashboard(app: NestExpressApplication, dashboardDir: string): void {
  const indexHtml = join(dashboardDir, 'index.html');
  if (!existsSync(indexHtml)) {
    new Logger('Dashboard').warn(`No built dashboard in ${dashboardDir}; serving the API only`);
    return;
  }
  const assetsDir = join(dashboardDir, 'assets');
  // Source maps stay off the server, even where a build made them.
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path.endsWith('.map') ? response.sendStatus(404) : next(),
  );
  app.use(
    '/assets',
    precompressed(existsSync(assetsDir) ? readdirSync(assetsDir) : []),
    express.static(assetsDir, {
      index: false,
      redirect: false,
      cacheControl: false,
      setHeaders: (response) => response.setHeader('Cache-Control', IMMUTABLE),
    }),
    // A missing asset is a 404, not the dashboard's page under a script's name.
    (_request: Request, response: Response) => response.sendStatus(404),
  );
  app.use(express.static(dashboardDir, { index: false, redirect: false, cacheControl: false, setHeaders: revalidate }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = API_PATHS.some((path) => request.path === path || request.path.startsWith(`${path}/`));
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi) return next();
    revalidate(response);
    response.sendFile(indexHtml);
  });
}

/** index.html names the current assets, so the browser asks each time whether it changed. */
function revalidate(response: Response): void {
  response.setHeader('Cache-Control', 'no-cache');
}

/**
 * Answers an asset request with the brotli or gzip file the build made beside it, when the
 * browser accepts that encoding; the static handler after it then sends that file as it is.
 */
function precompressed(files: string[]) {
  const available = new Set(files);
  return (request: Request, response: Response, next: NextFunction) => {
    const name = request.path.slice(1);
    const variants = ENCODINGS.filter((encoding) => available.has(name + encoding.suffix));
    if (variants.length === 0) return next();
    response.vary('Accept-Encoding');
    const chosen = variants.find((encoding) => request.acceptsEncodings(encoding.name) === encoding.name);
    if (!chosen) return next();
    response.setHeader('Content-Encoding', chosen.name);
    response.type(name);
    request.url = `/${name}${chosen.suffix}`;
    next();
  };
}
