import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, ApiError, ApiErrorCode, type AppConfig, badUserInput } from '@tiltak/api-core';
import { AccountRepository, type UserEntity } from '@tiltak/api-data-access';
import type { Principal } from '@tiltak/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIN_PASSWORD_LENGTH } from '@tiltak/domain';
import { hashPassword, passwordMatches } from './passwords';
import { TokensService } from './tokens.service';
import { type SessionModel, toUserModel } from './models/user.model';

/** Failed sign-ins allowed in a window, per account and per address, before sign-in is refused. */
export const THROTTLE = { windowSeconds: 15 * 60, perAccount: 5, perAddress: 20 } as const;

const WRONG_CREDENTIALS = 'Wrong e-mail address or password.';

export interface IssuedSession {
  session: SessionModel;
  /** The new refresh token for the cookie; null to leave the cookie as the browser has it. */
  refreshToken: string | null;
}

/** A session just begun, which always comes with its first refresh token. */
export interface NewSession extends IssuedSession {
  refreshToken: string;
}

/**
 * A refresh token presented again this soon after it was rotated is taken for two tabs of one
 * browser refreshing together (as when a laptop wakes up), not for theft: the late one gets an
 * access token and keeps the cookie the first one set. Later reuse ends the whole session.
 */
export const REFRESH_REUSE_GRACE_SECONDS = 10;

/** Sign-in, the rotating refresh token, sign-out and password changes. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  /** A real hash of nothing anyone knows, so a sign-in to an unknown address costs the same time. */
  private readonly dummyHash = hashPassword(randomUUID());

  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokensService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, address: string): Promise<NewSession> {
    const keys = [`account:${email.trim().toLowerCase()}`, `address:${address}`];
    const [byAccount, byAddress] = await this.accounts.failures(keys, THROTTLE.windowSeconds);
    if (byAccount >= THROTTLE.perAccount || byAddress >= THROTTLE.perAddress) {
      this.logger.warn(`Sign-in throttled for ${keys.join(' / ')}`);
      throw new ApiError(ApiErrorCode.FORBIDDEN, 'Too many failed sign-ins. Wait 15 minutes and try again.', {
        reason: 'THROTTLED',
      });
    }
    const user = await this.accounts.userByEmail(email);
    const hash = user ? await this.accounts.passwordHashOf(user.id) : null;
    // Verify even without a user, so a wrong address takes as long as a wrong password.
    const matches = await passwordMatches(hash ?? (await this.dummyHash), password);
    if (!user || !hash || !matches || !user.active) {
      await this.accounts.recordFailure(keys, THROTTLE.windowSeconds);
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS, { reason: 'WRONG_CREDENTIALS' });
    }
    await this.accounts.clearFailures(keys[0]);
    return this.startSession(user);
  }

  /** A new token family for a user who has just proven who they are (password or single sign-on). */
  async startSession(user: UserEntity): Promise<NewSession> {
    const refresh = this.tokens.newRefreshToken();
    await this.accounts.issueRefreshToken({
      familyId: randomUUID(),
      userId: user.id,
      tokenHash: refresh.hash,
      expiresAt: refresh.expiresAt,
    });
    return { session: await this.session(user), refreshToken: refresh.token };
  }

  /**
   * Swaps a refresh token for a new one in the same family and a new access token. A token that
   * was used before is a replay: the whole family is revoked and the user must sign in again.
   */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    const signedOut = new ApiError(ApiErrorCode.UNAUTHENTICATED, 'The session has ended. Sign in again.', {
      reason: 'SESSION_ENDED',
    });
    if (!refreshToken) throw signedOut;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await this.accounts.refreshTokenByHash(TokensService.hash(refreshToken), manager);
      if (!stored || stored.revokedAt || stored.expiresAt < new Date()) return null;
      // Not marked: another request marked it a moment ago, between our read and our update.
      const reused = stored.usedAt !== null || !(await this.accounts.markRefreshTokenUsed(stored.id, manager));
      const justNow =
        reused && (stored.usedAt === null || Date.now() - stored.usedAt.getTime() < REFRESH_REUSE_GRACE_SECONDS * 1000);
      if (reused && !justNow) {
        await this.accounts.revokeFamily(stored.familyId, manager);
        return 'REPLAYED' as const;
      }
      const user = await this.accounts.userById(stored.userId, manager);
      if (!user?.active) return null;
      if (justNow) return { user, refreshToken: null };
      const next = this.tokens.newRefreshToken();
      await this.accounts.issueRefreshToken(
        { familyId: stored.familyId, userId: user.id, tokenHash: next.hash, expiresAt: next.expiresAt },
        manager,
      );
      return { user, refreshToken: next.token };
    });
    if (outcome === 'REPLAYED') {
      this.logger.warn('A refresh token was used twice; its whole session family is revoked');
      throw signedOut;
    }
    if (!outcome) throw signedOut;
    return { session: await this.session(outcome.user), refreshToken: outcome.refreshToken };
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.accounts.refreshTokenByHash(TokensService.hash(refreshToken));
    if (stored) await this.accounts.revokeFamily(stored.familyId);
  }

  /** Changes the viewer's password, ends every other session and returns a fresh one. */
  async changePassword(viewer: Principal, currentPassword: string, newPassword: string): Promise<NewSession> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      throw badUserInput('newPassword', `newPassword: use at least ${MIN_PASSWORD_LENGTH} characters`, 'TOO_SHORT');
    }
    const hash = await this.accounts.passwordHashOf(viewer.userId);
    if (hash && !(await passwordMatches(hash, currentPassword))) {
      throw badUserInput('currentPassword', 'currentPassword: that is not your current password', 'WRONG_PASSWORD');
    }
    const newHash = await hashPassword(newPassword);
    const user = await this.dataSource.transaction(async (manager) => {
      await this.accounts.replacePassword(viewer.userId, newHash, manager);
      await this.accounts.revokeAllOfUser(viewer.userId, manager);
      return (await this.accounts.userById(viewer.userId, manager)) as UserEntity;
    });
    return this.startSession(user);
  }

  get secureCookies(): boolean {
    return this.config.auth.secureCookies;
  }

  private async session(user: UserEntity): Promise<SessionModel> {
    const { token, expiresAt } = await this.tokens.accessToken(user);
    return { accessToken: token, expiresAt, user: toUserModel(user) };
  }
}
