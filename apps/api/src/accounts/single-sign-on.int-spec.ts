import { freeLoopbackPort } from '@tiltak/api-data-access';
import Provider from 'oidc-provider';
import type { Server } from 'node:http';
import { post } from '../testing/sign-in';
import { startTestApi, type TestApi } from '../testing/test-api';

/**
 * Single sign-on end to end against a real OpenID provider (oidc-provider) on loopback: the browser
 * leg is played by fetch with a cookie jar, filling in the provider's own login and consent forms.
 */
const CLIENT = { id: 'tiltak', secret: 'a-client-secret-for-the-test-provider' };

class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  /** Follows redirects, keeping cookies per host, and returns the last response's address and body. */
  async visit(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    let target = new URL(url);
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const trail: string[] = [];
    for (let hop = 0; hop < 20; hop++) {
      trail.push(target.href);
      const response = await fetch(target, {
        method,
        body,
        redirect: 'manual',
        headers: {
          cookie: [...(this.jar.get(target.host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      const cookies = this.jar.get(target.host) ?? new Map<string, string>();
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, ...value] = pair.split('=');
        cookies.set(name.trim(), value.join('='));
      }
      this.jar.set(target.host, cookies);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        target = new URL(location, target);
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: target, status: response.status, html: await response.text(), trail };
    }
    throw new Error(`Too many redirects: ${trail.join(' → ')}`);
  }

  /** Submits the first form on the page, with the given fields filled in. */
  submit(page: { url: URL; html: string }, fields: Record<string, string> = {}) {
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(page.html);
    if (!form) throw new Error(`No form on ${page.url.href}:\n${page.html.slice(0, 500)}`);
    const values: Record<string, string> = {};
    for (const input of form[2].matchAll(/<input[^>]*name="([^"]+)"(?:[^>]*value="([^"]*)")?/g)) {
      values[input[1]] = input[2] ?? '';
    }
    return this.visit(new URL(form[1].replaceAll('&amp;', '&'), page.url).href, {
      method: 'POST',
      form: { ...values, ...fields },
    });
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }
}

/**
 * The provider's e-mail address for a login; by default the login itself. A test may give a
 * subject another address, or give another subject someone's address.
 */
const emailOf = new Map<string, string>();

async function startProvider(apiPorts: number[], tenant: string): Promise<{ issuer: string; server: Server }> {
  const port = await freeLoopbackPort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: apiPorts.map((port) => `http://127.0.0.1:${port}/auth/oidc/callback`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // The login typed into the provider's form is the subject, and by default the e-mail address.
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({
        sub,
        email: emailOf.get(sub) ?? sub,
        email_verified: !sub.startsWith('uverifisert'),
        tid: tenant,
      }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['tid'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['cookie-key-for-the-test-provider'] },
    features: { devInteractions: { enabled: true } },
  });
  const server = provider.listen(port, '127.0.0.1');
  return { issuer, server };
}

describe('single sign-on with OpenID Connect', () => {
  let api: TestApi;
  let refusingApi: TestApi;
  let provider: { issuer: string; server: Server };
  let apiPort: number;

  beforeAll(async () => {
    apiPort = await freeLoopbackPort();
    const refusingPort = await freeLoopbackPort();
    provider = await startProvider([apiPort, refusingPort], 'kommune-nes');
    const oidcEnv = (port: number, tenants: string) => ({
      PORT: String(port),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/auth/oidc/callback`,
      OIDC_ALLOWED_TENANTS: tenants,
    });
    api = await startTestApi(oidcEnv(apiPort, 'kommune-nes'));
    refusingApi = await startTestApi(oidcEnv(refusingPort, 'en-annen-kommune'));
  });

  afterAll(async () => {
    await api?.close();
    await refusingApi?.close();
    provider?.server.closeAllConnections();
    provider?.server.close();
  });

  const signInThroughProvider = async (apiUrl: string, login: string) => {
    const browser = new Browser();
    const loginPage = await browser.visit(`${apiUrl.replace('localhost', '127.0.0.1')}/auth/oidc/login`);
    expect(loginPage.url.origin).toBe(provider.issuer);
    const consent = await browser.submit(loginPage, { login, password: 'hva-som-helst' });
    const landed = consent.url.pathname.startsWith('/interaction') ? await browser.submit(consent) : consent;
    return { browser, landed, started: loginPage.trail };
  };

  it('signs in an existing user through the provider, with PKCE, and gives a session', async () => {
    const { browser, landed, started } = await signInThroughProvider(api.url, 'koordinator.nes@tiltak.test');

    expect(landed.url.searchParams.get('innlogging')).toBe('sso');
    expect(started.some((step) => step.includes('code_challenge_method=S256'))).toBe(true);
    const refresh = browser.cookie(`127.0.0.1:${apiPort}`, 'tiltak_refresh');
    expect(refresh).toBeDefined();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `tiltak_refresh=${refresh}` },
      body: JSON.stringify({ query: 'mutation { refreshSession { user { email role } } }' }),
    });
    await expect(response.json()).resolves.toEqual({
      data: { refreshSession: { user: { email: 'koordinator.nes@tiltak.test', role: 'COORDINATOR' } } },
    });
  });

  it('refuses an address that has no Tiltak account, or that the provider did not verify', async () => {
    for (const login of ['ukjent@tiltak.test', 'uverifisert@tiltak.test']) {
      const { browser, landed } = await signInThroughProvider(api.url, login);
      expect(landed.url.searchParams.get('innlogging')).toBe('avvist');
      expect(browser.cookie(`127.0.0.1:${apiPort}`, 'tiltak_refresh')).toBeUndefined();
    }
  });

  it('refuses users of a tenant that is not configured', async () => {
    const { landed } = await signInThroughProvider(refusingApi.url, 'koordinator.nes@tiltak.test');

    expect(landed.url.searchParams.get('innlogging')).toBe('avvist');
  });

  it('refuses a callback that no sign-in in this browser started', async () => {
    const { landed } = await new Browser()
      .visit(`${api.url}/auth/oidc/callback?code=stolen&state=guessed`)
      .then((page) => ({ landed: page }));

    expect(landed.url.searchParams.get('innlogging')).toBe('avvist');
  });

  /** Signs in through the provider and swaps the refresh cookie for an access token. */
  const sessionThroughProvider = async (login: string) => {
    const { browser, landed } = await signInThroughProvider(api.url, login);
    const refresh = browser.cookie(`127.0.0.1:${apiPort}`, 'tiltak_refresh');
    if (!refresh) return { landed, accessToken: null, email: null };
    const { body } = await post(
      api.url,
      'mutation { refreshSession { accessToken user { email } } }',
      {},
      { cookie: `tiltak_refresh=${refresh}` },
    );
    const session = body.data?.['refreshSession'] as { accessToken: string; user: { email: string } };
    return { landed, accessToken: session.accessToken, email: session.user.email };
  };

  it('ties the user to the provider’s issuer and subject, and matches on those from then on', async () => {
    await api.data(
      `mutation { createUser(input: { email: "flytter@tiltak.test", name: "Flytter", role: COUNCIL }) { id } }`,
    );
    expect((await sessionThroughProvider('flytter@tiltak.test')).email).toBe('flytter@tiltak.test');
    const [tied] = await api.db.dataSource.query(
      `SELECT oidc_issuer, oidc_subject FROM app_user WHERE email = 'flytter@tiltak.test'`,
    );
    expect(tied).toEqual({ oidc_issuer: provider.issuer, oidc_subject: 'flytter@tiltak.test' });

    // The provider now gives the same subject another address: still the same Tiltak user.
    emailOf.set('flytter@tiltak.test', 'nytt.navn@kommune.no');
    expect((await sessionThroughProvider('flytter@tiltak.test')).email).toBe('flytter@tiltak.test');
  });

  it('refuses another subject that comes with the address of a user tied to someone else', async () => {
    await api.data(
      `mutation { createUser(input: { email: "bundet@tiltak.test", name: "Bundet", role: COUNCIL }) { id } }`,
    );
    expect((await sessionThroughProvider('bundet@tiltak.test')).email).toBe('bundet@tiltak.test');
    emailOf.set('en-annen-person', 'bundet@tiltak.test');

    const takeover = await sessionThroughProvider('en-annen-person');

    expect(takeover.landed.url.searchParams.get('innlogging')).toBe('avvist');
    expect(takeover.accessToken).toBeNull();
    const [entry] = await api.db.dataSource.query(
      `SELECT action, outcome, email FROM audit_entry ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ action: 'SIGN_IN_FAILED', outcome: 'REFUSED', email: 'bundet@tiltak.test' });
  });

  it('lets a user without a password set one only within five minutes of signing in through the provider', async () => {
    await api.data(
      `mutation { createUser(input: { email: "uten.passord@tiltak.test", name: "Uten passord", role: COUNCIL }) { id } }`,
    );
    const setPassword = (accessToken: string) =>
      post(
        api.url,
        'mutation { changePassword(currentPassword: "", newPassword: "et-nytt-langt-passord") { accessToken } }',
        {},
        { authorization: `Bearer ${accessToken}` },
      );
    const earlier = await sessionThroughProvider('uten.passord@tiltak.test');
    await api.db.dataSource.query(
      `UPDATE token_family SET authenticated_at = now() - interval '6 minutes'
        WHERE user_id = (SELECT id FROM app_user WHERE email = 'uten.passord@tiltak.test')`,
    );

    const tooLate = await setPassword(earlier.accessToken!);
    expect(tooLate.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'REAUTHENTICATE' });
    const [{ hash }] = await api.db.dataSource.query(
      `SELECT password_hash AS hash FROM app_user WHERE email = 'uten.passord@tiltak.test'`,
    );
    expect(hash).toBeNull();

    const justNow = await sessionThroughProvider('uten.passord@tiltak.test');
    expect((await setPassword(justNow.accessToken!)).body.errors).toBeUndefined();
  });
});
