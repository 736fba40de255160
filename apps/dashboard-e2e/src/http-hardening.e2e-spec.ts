import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { type BuiltTiltak, signIn, startBuiltTiltak } from './support/built-tiltak';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, not decoded. */
  body: Buffer;
}

/** One request with node:http, which (unlike fetch) leaves a compressed body as it came. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The Content-Security-Policy's directives, by name. */
function directives(header: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

/** The built dashboard as production serves it: security headers, compression and caching. */
describe('the built dashboard over HTTP in production', () => {
  let db: TestDatabase;
  let tiltak: BuiltTiltak;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    tiltak = await startBuiltTiltak({
      DATABASE_URL: db.url,
      NODE_ENV: 'production',
      AUTH_SECRET: 'e2e-secret-that-is-at-least-thirty-two-characters-long',
      DEMO_DATA: 'always',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tiltak?.stop();
    await db?.drop();
  });

  /** The entry script index.html names, for example /assets/index-C67bDB9m.js. */
  async function entryScript(): Promise<string> {
    const html = (await raw(`${tiltak.url}/`)).body.toString('utf8');
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    if (!script) throw new Error(`index.html names no entry script:\n${html}`);
    return script;
  }

  it('sends a strict CSP and the other security headers on the page and on the API’s answers', async () => {
    const host = new URL(tiltak.url).host;
    const page = await raw(`${tiltak.url}/`);
    const api = await raw(`${tiltak.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

    for (const response of [page, api]) {
      expect(directives(response.headers['content-security-policy'] as string)).toEqual({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self'",
        'img-src': "'self' data:",
        'font-src': "'self'",
        'connect-src': `'self' ws://${host} wss://${host}`,
        'object-src': "'none'",
        'base-uri': "'self'",
        'form-action': "'self'",
        'frame-ancestors': "'none'",
      });
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'cross-origin-opener-policy': 'same-origin',
        // Production sends cookies only over HTTPS, so browsers are told to come back only that way.
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
    expect(page.headers['cache-control']).toBe('no-cache');
    // The router's paths get the same page, and the same headers, as /.
    const deepLink = await raw(`${tiltak.url}/actions`);
    expect(deepLink.headers['cache-control']).toBe('no-cache');
    expect(deepLink.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
  });

  it('runs signed in, live connection and presence included, without breaking its CSP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const consoleViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
    });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

    await page.goto(tiltak.url);
    await page.getByLabel('E-postadresse').fill('koordinator.nes@tiltak.test');
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    // An action's page, where the presence socket opens beside the live connection.
    await page.getByRole('link', { name: 'Tiltak', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiltak' }).waitFor();
    await page.getByRole('table').getByRole('link').first().click();
    await until(() => new Set(sockets).size === 2);
    expect([...new Set(sockets)].sort()).toEqual(['/graphql', '/socket.io/']);

    expect(await violations()).toEqual([]);
    expect(consoleViolations).toEqual([]);

    // The policy is in force: a script written into the page does not run, and is reported.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await until(async () => (await violations()).length > 0);
    expect(await violations()).toEqual(['script-src-elem inline']);
    await context.close();
  });

  it('sends hashed assets brotli or gzip compressed, cached for good, and no source maps', async () => {
    const script = await entryScript();
    const plain = await raw(`${tiltak.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    const brotli = await raw(`${tiltak.url}${script}`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    const gzip = await raw(`${tiltak.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });

    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 3);
    for (const response of [plain, brotli, gzip]) {
      expect(response.headers).toMatchObject({
        'cache-control': 'public, max-age=31536000, immutable',
        'content-type': 'text/javascript; charset=utf-8',
        vary: 'Accept-Encoding',
        'x-content-type-options': 'nosniff',
      });
    }

    // Answers made on the fly, the API's JSON, are compressed as well.
    const token = await signIn(tiltak.url, 'rad@tiltak.test');
    const api = await raw(`${tiltak.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ actions(first: 50) { edges { node { id title } } } }' }),
    });
    expect(api.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(api.body).toString('utf8'))).toHaveProperty('data.actions');

    expect((await raw(`${tiltak.url}${script}.map`)).status).toBe(404);
    expect((await raw(`${tiltak.url}/assets/missing-0000.js`)).status).toBe(404);
  });
});
