import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const API_PATHS = ['/graphql', '/health', '/socket.io'];

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
  app.useStaticAssets(dashboardDir, { index: false, maxAge: '1h', immutable: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = API_PATHS.some((path) => request.path === path || request.path.startsWith(`${path}/`));
    if (request.method !== 'GET' || isApi) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
}
