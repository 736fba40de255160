import { Injectable } from '@nestjs/common';
import type { ViewerResolver } from '@tiltak/api-core';
import { SessionRepository } from '@tiltak/api-data-access';
import { SESSION_LIMITS } from './session-limits';
import { TokensService } from './tokens.service';

/**
 * Who an access token speaks for, checked against the database on every request, subscription
 * and socket: one indexed read of the user and their session. Not cached, so that every instance
 * refuses a token the moment its session ends or its user's powers change, with no window in
 * which an instance that has not heard yet still accepts it.
 */
@Injectable()
export class ViewerResolverService implements ViewerResolver {
  constructor(
    private readonly tokens: TokensService,
    private readonly sessions: SessionRepository,
  ) {}

  async resolve(token: string): ReturnType<ViewerResolver['resolve']> {
    let claims;
    try {
      claims = await this.tokens.verifyAccessToken(token);
    } catch {
      return { problem: 'The sign-in has expired or is not valid. Sign in again.' };
    }
    const user = await this.sessions.userOfLiveSession(claims.userId, claims.sessionId, SESSION_LIMITS.lifetimeSeconds);
    if (!user?.active || user.tokenVersion !== claims.tokenVersion) {
      return { problem: 'This sign-in is no longer valid. Sign in again.' };
    }
    // The roles come from the database, not the token, so a change of role takes effect at once.
    return {
      viewer: { userId: user.id, role: user.role, municipalityId: user.municipalityId, partyId: user.partyId },
      name: user.name,
      sessionId: claims.sessionId,
      expiresAt: claims.expiresAt,
    };
  }
}
