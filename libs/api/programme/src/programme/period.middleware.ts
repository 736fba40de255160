import { Injectable, type NestMiddleware } from '@nestjs/common';
import { ApiError, ApiErrorCode, type ApiErrorDetails, isDatabaseUnavailable, runInPeriod } from '@tiltak/api-core';
import { PERIOD_HEADER } from '@tiltak/domain';
import type { NextFunction, Request, Response } from 'express';
import { ProgrammeContext } from './programme-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the `Tiltak-Period` header: a request that names an earlier programme period runs in it
 * (`period-scope.ts`), so every query answers from that period and every write is refused there.
 * A header that is not a programme of the region is refused before anything runs.
 */
@Injectable()
export class PeriodMiddleware implements NestMiddleware {
  constructor(private readonly context: ProgrammeContext) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const asked = request.header(PERIOD_HEADER);
    if (asked === undefined || asked === '') return next();
    if (!UUID.test(asked)) {
      return refuse(response, 400, ApiErrorCode.BAD_USER_INPUT, `${PERIOD_HEADER}: not a programme id`, {
        field: PERIOD_HEADER,
        reason: 'INVALID_PERIOD',
      });
    }
    // Until the period is known to be current, nothing is offered for writing in it.
    let ended = true;
    try {
      const [period, current] = await Promise.all([this.context.period(asked), this.context.currentProgramme()]);
      if (!period || period.regionId !== current.regionId) {
        return refuse(response, 404, ApiErrorCode.NOT_FOUND, `${PERIOD_HEADER}: no programme period ${asked}`, {
          field: PERIOD_HEADER,
          reason: 'UNKNOWN_PERIOD',
        });
      }
      ended = period.state === 'ENDED';
    } catch (error) {
      // A database that is away is answered where the request is handled, as everywhere else: the
      // request still runs in the period it asked for, never silently in the current one.
      if (!isDatabaseUnavailable(error) && !(error instanceof ApiError)) throw error;
    }
    runInPeriod({ programmeId: asked, ended }, () => next());
  }
}

function refuse(response: Response, status: number, code: ApiErrorCode, message: string, details: ApiErrorDetails) {
  response.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}
