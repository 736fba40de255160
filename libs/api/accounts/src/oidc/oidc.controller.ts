import { Controller, Get, Logger, NotFoundException, Req, Res } from '@nestjs/common';
import { isDatabaseUnavailable, PublicOperation, serviceUnavailable } from '@tiltak/api-core';
import { AuditRepository } from '@tiltak/api-data-access';
import type { Request, Response } from 'express';
import { AuthService } from '../auth.service';
import { readCookie, setRefreshCookie } from '../session-cookie';
import { OidcService, SingleSignOnRefused } from './oidc.service';

const PENDING_COOKIE = 'tiltak_oidc';
const PENDING_PATH = '/auth/oidc';

/** `GET /auth/oidc/login` sends the browser to the provider; it comes back to `/auth/oidc/callback`. */
@Controller('auth/oidc')
@PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
export class OidcController {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    private readonly oidcService: OidcService,
    private readonly auth: AuthService,
    private readonly audit: AuditRepository,
  ) {}

  @Get('login')
  async login(@Res() response: Response): Promise<void> {
    if (!this.oidcService.enabled) throw new NotFoundException('Single sign-on is not configured');
    const { redirectTo, pending } = await this.oidcService.start();
    // Lax, not Strict: the cookie must come back on the provider's redirect to the callback.
    response.cookie(PENDING_COOKIE, pending, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.auth.secureCookies,
      path: PENDING_PATH,
      maxAge: 10 * 60 * 1000,
    });
    response.redirect(302, redirectTo);
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidcService.enabled) throw new NotFoundException('Single sign-on is not configured');
    response.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
    try {
      const query = new URL(request.originalUrl, 'http://callback').search;
      const { user, authenticatedAt } = await this.oidcService.finish(query, readCookie(request, PENDING_COOKIE));
      const { refreshToken } = await this.auth.startSession(user, {
        method: 'SINGLE_SIGN_ON',
        address: request.ip ?? 'unknown',
        authenticatedAt,
      });
      setRefreshCookie(response, refreshToken, this.auth.secureCookies);
      response.redirect(302, '/?innlogging=sso');
    } catch (error) {
      // Not a refusal: the database is away. Answered 503 with Retry-After (ApiErrorFilter).
      if (isDatabaseUnavailable(error)) throw serviceUnavailable();
      const why = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Single sign-on refused: ${why}`);
      await this.audit
        .record({
          action: 'SIGN_IN_FAILED',
          outcome: 'REFUSED',
          actorUserId: null,
          userId: null,
          email: error instanceof SingleSignOnRefused ? error.email : null,
          address: request.ip ?? null,
          detail: { method: 'SINGLE_SIGN_ON', why: why.slice(0, 300) },
        })
        .catch((failure: unknown) => this.logger.error(`Could not write the audit log: ${String(failure)}`));
      response.redirect(302, '/?innlogging=avvist');
    }
  }
}
