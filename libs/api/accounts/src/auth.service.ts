import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, ApiError, ApiErrorCode, type AppConfig, badUserInput } from '@tiltak/api-core';
import { AccountRepository, AuditRepository, SessionRepository, type UserEntity } from '@tiltak/api-data-access';
import { MIN_PASSWORD_LENGTH, type SignInMethod } from '@tiltak/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword, passwordMatches } from './passwords';
import { RECENT_SINGLE_SIGN_ON_SECONDS, SESSION_LIMITS } from './session-limits';
import { SignInThrottle } from './sign-in-throttle';
import { TokensService } from './tokens.service';
import { type SessionModel, toUserModel } from './models/user.model';

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

/** How someone proved who they are, and from where. */
export interface SignInProof {
  method: SignInMethod;
  address: string;
  /** When the provider last saw them authenticate (`auth_time`); null for now. */
  authenticatedAt?: Date | null;
}

/** The access token's session and the address a request came from, for sign-out and password changes. */
export interface RequestOrigin {
  sessionId: string | null;
  address: string;
}

/**
 * A refresh token presented again this soon after it was rotated is taken for two tabs of one
 * browser refreshing together (as when a laptop wakes up), not for theft: the late one gets an
 * access token and keeps the cookie the first one set. Later reuse ends the whole session.
 */
export const REFRESH_REUSE_GRACE_SECONDS = 10;

type RefreshOutcome =
  | { kind: 'ok'; user: UserEntity; familyId: string; endsAt: Date; refreshToken: string | null }
  | { kind: 'ended'; reason: 'SESSION_ENDED' | 'SESSION_IDLE' | 'SESSION_LIFETIME' }
  | { kind: 'replayed' };

/** Sign-in, the rotating refresh token, the session's limits, sign-out and password changes. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  /** A real hash of nothing anyone knows, so a sign-in to an unknown address costs the same time. */
  private readonly dummyHash = hashPassword(randomUUID());

  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly throttle: SignInThrottle,
    private readonly tokens: TokensService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, address: string): Promise<NewSession> {
    const user = await this.accounts.userByEmail(email);
    const failed = (outcome: 'WRONG_CREDENTIALS' | 'THROTTLED') =>
      this.audit.record({
        action: 'SIGN_IN_FAILED',
        outcome,
        actorUserId: null,
        userId: user?.id ?? null,
        email: email.trim().toLowerCase(),
        address,
        detail: { method: 'PASSWORD' },
      });
    const reservation = await this.throttle.reserve(email, address, user?.id ?? null);
    if (!reservation) {
      this.logger.warn(`Sign-in throttled for ${email.trim().toLowerCase()} from ${address}`);
      await failed('THROTTLED');
      throw new ApiError(ApiErrorCode.FORBIDDEN, 'Too many failed sign-ins. Wait 15 minutes and try again.', {
        reason: 'THROTTLED',
      });
    }
    const hash = user ? await this.accounts.passwordHashOf(user.id) : null;
    // Verify even without a user, so a wrong address takes as long as a wrong password.
    const matches = await passwordMatches(hash ?? (await this.dummyHash), password);
    if (!user || !hash || !matches || !user.active) {
      await failed('WRONG_CREDENTIALS');
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS, { reason: 'WRONG_CREDENTIALS' });
    }
    await this.throttle.release(reservation);
    return this.startSession(user, { method: 'PASSWORD', address });
  }

  /** A new session (token family) for a user who has just proven who they are. */
  async startSession(user: UserEntity, proof: SignInProof): Promise<NewSession> {
    const endsAt = new Date(Date.now() + SESSION_LIMITS.lifetimeSeconds * 1000);
    const refresh = this.tokens.newRefreshToken(endsAt);
    const familyId = await this.dataSource.transaction(async (manager) => {
      const id = await this.sessions.startFamily(
        { userId: user.id, method: proof.method, authenticatedAt: proof.authenticatedAt ?? null },
        manager,
      );
      await this.sessions.issueRefreshToken(
        { familyId: id, userId: user.id, tokenHash: refresh.hash, expiresAt: refresh.expiresAt },
        manager,
      );
      await this.audit.record(
        {
          action: 'SIGN_IN',
          outcome: 'SUCCESS',
          actorUserId: user.id,
          userId: user.id,
          email: user.email,
          address: proof.address,
          detail: { method: proof.method },
        },
        manager,
      );
      return id;
    });
    return { session: await this.session(user, familyId, endsAt), refreshToken: refresh.token };
  }

  /**
   * Swaps a refresh token for a new one in the same session and a new access token, if the session
   * is still going: used within the last 30 minutes, begun less than 12 hours ago, not signed out.
   * A token that was used before is a replay: the whole session ends.
   */
  async refresh(refreshToken: string | undefined, address: string): Promise<IssuedSession> {
    const outcome: RefreshOutcome = refreshToken
      ? await this.dataSource.transaction((manager) => this.rotate(refreshToken, address, manager))
      : { kind: 'ended', reason: 'SESSION_ENDED' };
    if (outcome.kind === 'replayed') {
      this.logger.warn('A refresh token was used twice; its whole session is ended');
    }
    if (outcome.kind !== 'ok') {
      const reason = outcome.kind === 'ended' ? outcome.reason : 'SESSION_ENDED';
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'The session has ended. Sign in again.', { reason });
    }
    return {
      session: await this.session(outcome.user, outcome.familyId, outcome.endsAt),
      refreshToken: outcome.refreshToken,
    };
  }

  private async rotate(refreshToken: string, address: string, manager: EntityManager): Promise<RefreshOutcome> {
    const ended = { kind: 'ended', reason: 'SESSION_ENDED' } as const;
    const stored = await this.sessions.refreshTokenByHash(TokensService.hash(refreshToken), manager);
    if (!stored || stored.revokedAt || stored.expiresAt < new Date()) return ended;
    // Taken first: it holds the session's row lock, so refreshes of one session go one at a time.
    const state = await this.sessions.useFamily(stored.familyId, SESSION_LIMITS, manager);
    if (!state.live) {
      if (state.why === 'ENDED') return ended;
      const user = await this.accounts.userById(stored.userId, manager);
      await this.audit.record(
        {
          action: 'SESSION_EXPIRED',
          outcome: state.why,
          actorUserId: null,
          userId: stored.userId,
          email: user?.email ?? null,
          address,
        },
        manager,
      );
      await this.sessions.announceEnded(
        { userId: stored.userId, familyId: stored.familyId, reason: 'The session has ended' },
        manager,
      );
      return { kind: 'ended', reason: state.why === 'IDLE' ? 'SESSION_IDLE' : 'SESSION_LIFETIME' };
    }
    // Not marked: another request marked it a moment ago, between our read and our update.
    const reused = stored.usedAt !== null || !(await this.sessions.markRefreshTokenUsed(stored.id, manager));
    const justNow =
      reused && (stored.usedAt === null || Date.now() - stored.usedAt.getTime() < REFRESH_REUSE_GRACE_SECONDS * 1000);
    if (reused && !justNow) {
      await this.sessions.endFamily(stored.familyId, manager);
      await this.sessions.announceEnded(
        { userId: stored.userId, familyId: stored.familyId, reason: 'The session was replayed' },
        manager,
      );
      return { kind: 'replayed' };
    }
    const user = await this.accounts.userById(stored.userId, manager);
    if (!user?.active) return ended;
    const base = { kind: 'ok', user, familyId: stored.familyId, endsAt: state.endsAt } as const;
    if (justNow) return { ...base, refreshToken: null };
    const next = this.tokens.newRefreshToken(state.endsAt);
    await this.sessions.issueRefreshToken(
      { familyId: stored.familyId, userId: user.id, tokenHash: next.hash, expiresAt: next.expiresAt },
      manager,
    );
    return { ...base, refreshToken: next.token };
  }

  /**
   * Ends the session of the refresh cookie, or else of the access token: its refresh tokens stop
   * working, its access tokens are refused at once, and its live connections close on every instance.
   */
  async logout(refreshToken: string | undefined, origin: RequestOrigin): Promise<void> {
    const stored = refreshToken ? await this.sessions.refreshTokenByHash(TokensService.hash(refreshToken)) : null;
    const familyId = stored?.familyId ?? origin.sessionId;
    if (!familyId) return;
    await this.dataSource.transaction(async (manager) => {
      const family = await this.sessions.familyById(familyId, manager);
      if (!family || !(await this.sessions.endFamily(familyId, manager))) return;
      const user = await this.accounts.userById(family.userId, manager);
      await this.sessions.announceEnded({ userId: family.userId, familyId, reason: 'Signed out' }, manager);
      await this.audit.record(
        {
          action: 'SIGN_OUT',
          outcome: 'SUCCESS',
          actorUserId: family.userId,
          userId: family.userId,
          email: user?.email ?? null,
          address: origin.address,
        },
        manager,
      );
    });
  }

  /**
   * Changes the viewer's password, ends every session of theirs and returns a fresh one. With a
   * password, the current one must be given. Without one (single sign-on only), the session must
   * come from a single sign-on of the last five minutes: whoever holds a session cannot quietly
   * add a password to someone's account.
   */
  async changePassword(
    userId: string,
    origin: RequestOrigin,
    currentPassword: string,
    newPassword: string,
  ): Promise<NewSession> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      throw badUserInput('newPassword', `newPassword: use at least ${MIN_PASSWORD_LENGTH} characters`, 'TOO_SHORT');
    }
    const account = (await this.accounts.userById(userId)) as UserEntity;
    const hash = await this.accounts.passwordHashOf(userId);
    if (hash) {
      await this.checkCurrentPassword(account, hash, currentPassword, origin.address);
    } else {
      await this.checkRecentSingleSignOn(origin.sessionId);
    }
    const newHash = await hashPassword(newPassword);
    const user = await this.dataSource.transaction(async (manager) => {
      await this.accounts.replacePassword(userId, newHash, manager);
      await this.sessions.endAllOfUser(userId, manager);
      await this.sessions.announceEnded({ userId, familyId: null, reason: 'The password was changed' }, manager);
      await this.audit.record(
        {
          action: 'PASSWORD_CHANGED',
          outcome: 'SUCCESS',
          actorUserId: userId,
          userId,
          email: account.email,
          address: origin.address,
          detail: { firstPassword: hash === null },
        },
        manager,
      );
      return (await this.accounts.userById(userId, manager)) as UserEntity;
    });
    return this.startSession(user, { method: 'PASSWORD', address: origin.address });
  }

  /** Guesses at the current password count against the sign-in throttle, as sign-ins do. */
  private async checkCurrentPassword(user: UserEntity, hash: string, password: string, address: string) {
    const reservation = await this.throttle.reserve(user.email, address, user.id);
    if (!reservation) {
      throw new ApiError(ApiErrorCode.FORBIDDEN, 'Too many wrong passwords. Wait 15 minutes and try again.', {
        reason: 'THROTTLED',
      });
    }
    if (!(await passwordMatches(hash, password))) {
      throw badUserInput('currentPassword', 'currentPassword: that is not your current password', 'WRONG_PASSWORD');
    }
    await this.throttle.release(reservation);
  }

  private async checkRecentSingleSignOn(sessionId: string | null) {
    const family = sessionId ? await this.sessions.familyById(sessionId) : null;
    const recent =
      family?.method === 'SINGLE_SIGN_ON' &&
      Date.now() - family.authenticatedAt.getTime() <= RECENT_SINGLE_SIGN_ON_SECONDS * 1000;
    if (!recent) {
      throw new ApiError(
        ApiErrorCode.FORBIDDEN,
        'Sign in through single sign-on again, then set a password within five minutes.',
        { reason: 'REAUTHENTICATE' },
      );
    }
  }

  get secureCookies(): boolean {
    return this.config.auth.secureCookies;
  }

  private async session(user: UserEntity, familyId: string, endsAt: Date): Promise<SessionModel> {
    const { token, expiresAt } = await this.tokens.accessToken(user, familyId, endsAt);
    return { accessToken: token, expiresAt, user: toUserModel(user) };
  }
}
