import { Controller, Get, Headers, HttpStatus, Inject, Param, Req, Res } from '@nestjs/common';
import {
  answerRefusal,
  ApiError,
  ApiErrorCode,
  APP_CONFIG,
  type AppConfig,
  type AuthenticatedRequest,
  PublicOperation,
  RateLimits,
} from '@tiltak/api-core';
import type { Request, Response } from 'express';
import { CONTENT_TYPES, formatOf, OPEN_DATA_FILES, type OpenDataFile } from './open-data.files';
import { OpenDataService } from './open-data.service';

/** Harvesters may keep a file a minute without asking; after that they ask with its ETag. */
const CACHE_CONTROL = 'public, max-age=60';

function notFound(): ApiError {
  return new ApiError(ApiErrorCode.NOT_FOUND, 'There is no open data file at this address.', {
    reason: 'NO_OPEN_DATA',
  });
}

/** Whether the client's If-None-Match names this ETag (a GET compares them weakly, RFC 9110 13.1.2). */
function alreadyHeld(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * `GET /open-data/{actions,matrix}.{csv,json}`: the actions and the municipality × focus area
 * figures for anyone, signed in or not, when the dashboard is public (PUBLIC_DASHBOARD=true);
 * otherwise there is nothing here (404), as for any other address. A token, stale or not, changes
 * nothing: the files are the same for everyone. Counted per address with a limit of their own.
 */
@Controller('open-data')
@PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
export class OpenDataController {
  constructor(
    private readonly openData: OpenDataService,
    private readonly rateLimits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':file')
  async download(
    @Param('file') fileParam: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() request: Request & AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await this.rateLimits.consume('openData', { userId: null, address: request.ip ?? 'unknown' });
      if (!this.config.auth.publicDashboard) throw notFound();
      const file = OPEN_DATA_FILES.find((name) => name === fileParam);
      if (!file) throw notFound();
      await this.send(file, ifNoneMatch, response);
    } catch (error) {
      answerRefusal(error, response);
    }
  }

  private async send(file: OpenDataFile, ifNoneMatch: string | undefined, response: Response): Promise<void> {
    const version = await this.openData.version();
    const etag = this.openData.etag(version, file);
    response.set({ ETag: etag, 'Cache-Control': CACHE_CONTROL, 'Access-Control-Allow-Origin': '*' });
    if (alreadyHeld(ifNoneMatch, etag)) {
      response.status(HttpStatus.NOT_MODIFIED).end();
      return;
    }
    const body = await this.openData.file(version, file);
    response.status(HttpStatus.OK).type(CONTENT_TYPES[formatOf(file)]).end(body);
  }
}
