import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  type AuthenticatedRequest,
  CurrentViewer,
  isDatabaseUnavailable,
  OwnAccountOperation,
  PublicOperation,
} from '@tiltak/api-core';
import { AccountRepository } from '@tiltak/api-data-access';
import type { Principal } from '@tiltak/domain';
import type { Request, Response } from 'express';
import { AuthService, type IssuedSession, type RequestOrigin } from './auth.service';
import { ChangePasswordArgs, LoginArgs } from './dto/auth.inputs';
import { SessionModel, toUserModel, UserModel } from './models/user.model';
import { clearRefreshCookie, readCookie, REFRESH_COOKIE, setRefreshCookie } from './session-cookie';

type HttpContext = { req: Request & AuthenticatedRequest; res: Response };

/** The client's address as the trusted proxies (TRUST_PROXY) report it, and the access token's session. */
function originOf(req: Request & AuthenticatedRequest): RequestOrigin {
  return { sessionId: req.sessionId ?? null, address: req.ip ?? 'unknown' };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountRepository,
  ) {}

  @PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
  @Mutation(() => SessionModel, {
    description: 'Signs in; also sets the HttpOnly refresh cookie that refreshSession uses.',
  })
  async login(@Args() { email, password }: LoginArgs, @Context() { req, res }: HttpContext): Promise<SessionModel> {
    return this.issue(await this.auth.login(email, password, originOf(req).address), res);
  }

  @PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
  @Mutation(() => SessionModel, { description: 'A new access token for the session in the refresh cookie.' })
  async refreshSession(@Context() { req, res }: HttpContext): Promise<SessionModel> {
    try {
      return this.issue(await this.auth.refresh(readCookie(req, REFRESH_COOKIE), originOf(req).address), res);
    } catch (error) {
      // A database that is away says nothing about the session: keep the cookie for the next try.
      if (!isDatabaseUnavailable(error)) clearRefreshCookie(res, this.auth.secureCookies);
      throw error;
    }
  }

  @PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
  @Mutation(() => Boolean, {
    description:
      'Ends the session of the refresh cookie (or of the access token): its tokens stop working and its live connections close.',
  })
  async logout(@Context() { req, res }: HttpContext): Promise<boolean> {
    await this.auth.logout(readCookie(req, REFRESH_COOKIE), originOf(req));
    clearRefreshCookie(res, this.auth.secureCookies);
    return true;
  }

  @PublicOperation()
  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@CurrentViewer() viewer: Principal | null): Promise<UserModel | null> {
    const user = viewer && (await this.accounts.userById(viewer.userId));
    return user ? toUserModel(user) : null;
  }

  @OwnAccountOperation()
  @Mutation(() => SessionModel, {
    description:
      'Changes your password and ends your other sessions. Without a password yet (single sign-on only), sign in through the provider again first: it must be less than five minutes ago.',
  })
  async changePassword(
    @Args() { currentPassword, newPassword }: ChangePasswordArgs,
    @CurrentViewer() viewer: Principal,
    @Context() { req, res }: HttpContext,
  ): Promise<SessionModel> {
    return this.issue(await this.auth.changePassword(viewer.userId, originOf(req), currentPassword, newPassword), res);
  }

  private issue({ session, refreshToken }: IssuedSession, res: Response): SessionModel {
    if (refreshToken) setRefreshCookie(res, refreshToken, this.auth.secureCookies);
    return session;
  }
}
