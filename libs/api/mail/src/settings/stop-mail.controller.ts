import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiError, isDatabaseUnavailable, PublicOperation, RETRY_AFTER_SECONDS } from '@tiltak/api-core';
import type { Response } from 'express';
import { MailSettingsService } from './mail-settings';

/**
 * The one-click stop that mail programs offer from the List-Unsubscribe header (RFC 8058): they
 * POST to the same address the link in the mail opens in a browser. No sign-in; the token decides.
 */
@Controller('stop-mail')
@PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
export class StopMailController {
  constructor(private readonly settings: MailSettingsService) {}

  @Post(':token')
  @HttpCode(200)
  async stop(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<object> {
    try {
      return { stopped: (await this.settings.stop(token)).kind };
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        response.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        return { error: 'SERVICE_UNAVAILABLE' };
      }
      if (error instanceof ApiError) {
        response.status(404);
        return { error: 'INVALID_LINK' };
      }
      throw error;
    }
  }
}
