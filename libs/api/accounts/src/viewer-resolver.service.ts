import { Injectable } from '@nestjs/common';
import type { ViewerResolver } from '@tiltak/api-core';
import { AccountRepository } from '@tiltak/api-data-access';
import { TokensService } from './tokens.service';

/** Who an access token speaks for, checked against the database: HTTP requests, subscriptions and sockets alike. */
@Injectable()
export class ViewerResolverService implements ViewerResolver {
  constructor(
    private readonly tokens: TokensService,
    private readonly accounts: AccountRepository,
  ) {}

  async resolve(token: string): ReturnType<ViewerResolver['resolve']> {
    let claims;
    try {
      claims = await this.tokens.verifyAccessToken(token);
    } catch {
      return { problem: 'The sign-in has expired or is not valid. Sign in again.' };
    }
    const user = await this.accounts.userById(claims.userId);
    if (!user?.active || user.tokenVersion !== claims.tokenVersion) {
      return { problem: 'This sign-in is no longer valid. Sign in again.' };
    }
    // The roles come from the database, not the token, so a change of role takes effect at once.
    return {
      viewer: { userId: user.id, role: user.role, municipalityId: user.municipalityId, partyId: user.partyId },
      name: user.name,
      expiresAt: claims.expiresAt,
    };
  }
}
