import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tiltak/api-core';
import type { UserEntity } from '@tiltak/api-data-access';
import { type Principal, ROLES, type Role } from '@tiltak/domain';
import { jwtVerify, SignJWT } from 'jose';
import { createHash, randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_SECONDS = 10 * 60;
const ISSUER = 'tiltak';
const AUDIENCE = 'tiltak-api';
const ALGORITHM = 'HS256';

export interface AccessClaims extends Principal {
  tokenVersion: number;
  /** The session (token family) the token was issued in. */
  sessionId: string;
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Short-lived access tokens (signed JWTs) and opaque refresh tokens that are stored only as hashes. */
@Injectable()
export class TokensService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.secret);
  }

  /** An access token in session `sessionId`, lasting 10 minutes but never past the session's end. */
  async accessToken(
    user: UserEntity,
    sessionId: string,
    sessionEndsAt: Date,
  ): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Math.min(Date.now() + ACCESS_TOKEN_SECONDS * 1000, sessionEndsAt.getTime()));
    const token = await new SignJWT({
      role: user.role,
      mun: user.municipalityId,
      pty: user.partyId,
      tv: user.tokenVersion,
      sid: sessionId,
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Checks algorithm, signature, issuer, audience and expiry; throws when any does not hold. */
  async verifyAccessToken(token: string): Promise<AccessClaims> {
    const { payload } = await jwtVerify(token, this.key, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const role = payload['role'];
    const sessionId = payload['sid'];
    if (typeof payload.sub !== 'string' || !(ROLES as readonly unknown[]).includes(role)) {
      throw new Error('The token does not name a user and a role');
    }
    if (typeof sessionId !== 'string' || !UUID.test(sessionId)) throw new Error('The token names no session');
    return {
      userId: payload.sub,
      role: role as Role,
      municipalityId: typeof payload['mun'] === 'string' ? payload['mun'] : null,
      partyId: typeof payload['pty'] === 'string' ? payload['pty'] : null,
      tokenVersion: Number(payload['tv']),
      sessionId,
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  }

  /** An opaque refresh token, good until its session's end at the latest. */
  newRefreshToken(sessionEndsAt: Date): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokensService.hash(token), expiresAt: sessionEndsAt };
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
