import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '@tiltak/api-core';
import { AccountRepository, type UserEntity } from '@tiltak/api-data-access';
import { jwtVerify, SignJWT } from 'jose';
import * as oidc from 'openid-client';

const PENDING_SECONDS = 10 * 60;

export class SingleSignOnRefused extends Error {
  /** The address the provider named, when it named one, for the audit log. */
  constructor(
    message: string,
    readonly email: string | null = null,
  ) {
    super(message);
  }
}

/** Whom the provider vouched for, and when they last authenticated there. */
export interface SingleSignOnIdentity {
  user: UserEntity;
  authenticatedAt: Date | null;
}

/**
 * Sign-in through the municipality's OpenID Connect provider (Entra ID, ID-porten): authorisation
 * code with PKCE, state and nonce. At a user's first single sign-on, the provider's verified
 * e-mail address finds the existing, active Tiltak user, who is then tied to the provider's issuer
 * and subject; from then on only that subject signs them in, whatever e-mail address comes with
 * it. Nobody gets an account by signing in.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('SingleSignOn');
  private readonly settings: OidcConfig | null;
  private readonly key: Uint8Array;
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly accounts: AccountRepository,
  ) {
    this.settings = config.auth.oidc;
    this.key = new TextEncoder().encode(`oidc:${config.auth.secret}`);
  }

  get enabled(): boolean {
    return this.settings !== null;
  }

  /** Where to send the browser, and the signed pending state to keep in a cookie until it returns. */
  async start(): Promise<{ redirectTo: string; pending: string }> {
    const settings = this.required();
    const config = await this.configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const redirectTo = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const pending = await new SignJWT({ verifier, state, nonce })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(`${PENDING_SECONDS}s`)
      .sign(this.key);
    return { redirectTo: redirectTo.href, pending };
  }

  /** Completes the code exchange and returns the Tiltak user the provider vouched for. */
  async finish(callbackQuery: string, pending: string | undefined): Promise<SingleSignOnIdentity> {
    const settings = this.required();
    if (!pending) throw new SingleSignOnRefused('no sign-in was started from this browser');
    const { payload } = await jwtVerify(pending, this.key, { algorithms: ['HS256'] }).catch(() => {
      throw new SingleSignOnRefused('the sign-in took too long or was tampered with');
    });
    const callbackUrl = new URL(settings.redirectUri);
    callbackUrl.search = callbackQuery;
    const tokens = await oidc.authorizationCodeGrant(await this.configuration(), callbackUrl, {
      pkceCodeVerifier: String(payload['verifier']),
      expectedState: String(payload['state']),
      expectedNonce: String(payload['nonce']),
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new SingleSignOnRefused('the provider sent no identity');
    const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : null;
    if (settings.allowedTenants.length > 0 && !settings.allowedTenants.includes(String(claims['tid'] ?? ''))) {
      throw new SingleSignOnRefused(`tenant ${String(claims['tid'] ?? '(none)')} is not accepted`, email);
    }
    const user = await this.userFor(claims.iss, claims.sub, claims['email_verified'] === true ? email : null);
    if (!user.active) throw new SingleSignOnRefused(`${user.email} is deactivated`, user.email);
    this.logger.log(`Signed in ${user.email} through ${claims.iss}`);
    const authTime = claims.auth_time;
    return { user, authenticatedAt: typeof authTime === 'number' ? new Date(authTime * 1000) : null };
  }

  /** The user tied to this issuer and subject, or the one whose address it is, tied to them now. */
  private async userFor(issuer: string, subject: string, verifiedEmail: string | null): Promise<UserEntity> {
    const known = await this.accounts.userBySingleSignOn(issuer, subject);
    if (known) return known;
    if (!verifiedEmail) throw new SingleSignOnRefused('the provider did not vouch for an e-mail address');
    const user = await this.accounts.userByEmail(verifiedEmail);
    if (!user?.active) throw new SingleSignOnRefused(`${verifiedEmail} has no active Tiltak account`, verifiedEmail);
    if (!(await this.accounts.bindSingleSignOn(user.id, issuer, subject))) {
      throw new SingleSignOnRefused(
        `${verifiedEmail} already signs in as another identity at the provider`,
        verifiedEmail,
      );
    }
    return user;
  }

  private required(): OidcConfig {
    if (!this.settings) throw new SingleSignOnRefused('single sign-on is not configured');
    return this.settings;
  }

  private configuration(): Promise<oidc.Configuration> {
    const settings = this.required();
    const issuer = new URL(settings.issuer);
    // Plain HTTP only for a provider on this machine, as in development and tests.
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    this.discovered ??= oidc
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        execute: loopback && issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw error;
      });
    return this.discovered;
  }
}
