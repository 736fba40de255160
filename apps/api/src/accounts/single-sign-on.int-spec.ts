import { freeLoopbackPort } from '@tiltak/api-data-access';
import Provider from 'oidc-provider';
import type { Server } from 'node:http';
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
    // The login typed into the provider's form is the user's e-mail address.
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email: sub, email_verified: !sub.startsWith('uverifisert'), tid: tenant }),
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
});
