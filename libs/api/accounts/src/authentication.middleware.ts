import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { AuthenticatedRequest } from '@tiltak/api-core';
import { AccountRepository } from '@tiltak/api-data-access';
import type { NextFunction, Request, Response } from 'express';
import { TokensService } from './tokens.service';

/**
 * Works out who is asking, once per request: a valid bearer token of an active user whose tokens
 * have not been revoked. A token that fails is not treated as signed out: the request is refused,
 * so the dashboard knows to refresh the session.
 */
@Injectable()
export class AuthenticationMiddleware implements NestMiddleware {
  constructor(
    private readonly tokens: TokensService,
    private readonly accounts: AccountRepository,
  ) {}

  async use(request: Request & AuthenticatedRequest, _response: Response, next: NextFunction): Promise<void> {
    request.viewer = null;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const problem = await this.authenticate(request, header.slice('Bearer '.length).trim());
      if (problem) request.authProblem = problem;
    }
    next();
  }

  private async authenticate(request: Request & AuthenticatedRequest, token: string): Promise<string | null> {
    let claims;
    try {
      claims = await this.tokens.verifyAccessToken(token);
    } catch {
      return 'The sign-in has expired or is not valid. Sign in again.';
    }
    const user = await this.accounts.userById(claims.userId);
    if (!user?.active || user.tokenVersion !== claims.tokenVersion) {
      return 'This sign-in is no longer valid. Sign in again.';
    }
    // The roles come from the database, not the token, so a change of role takes effect at once.
    request.viewer = { userId: user.id, role: user.role, municipalityId: user.municipalityId, partyId: user.partyId };
    request.viewerName = user.name;
    return null;
  }
}
