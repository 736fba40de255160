import { startTestApi, type TestApi } from '../testing/test-api';

/** Production's headers are checked in the browser tests; these are the cases production never meets. */
describe('security headers outside production', () => {
  let plainHttp: TestApi;
  let development: TestApi;

  beforeAll(async () => {
    [plainHttp, development] = await Promise.all([
      startTestApi({ SECURE_COOKIES: 'false' }),
      startTestApi({ NODE_ENV: 'development' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([plainHttp?.close(), development?.close()]);
  });

  const graphiql = (api: TestApi) => fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });

  it('sends no HSTS where cookies are not secure, since such a Tiltak is reached over plain HTTP', async () => {
    const response = await fetch(`${plainHttp.url}/health`);

    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets GraphiQL run its inline script in development only, and keeps the CSP on everything else', async () => {
    const page = await graphiql(development);
    expect(page.status).toBe(200);
    await expect(page.text()).resolves.toContain('GraphiQL');
    expect(page.headers.get('content-security-policy')).toBeNull();
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const query = await fetch(`${development.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(query.headers.get('content-security-policy')).toContain("script-src 'self'");

    // Elsewhere GraphiQL is off, and /graphql keeps the policy whatever is asked.
    expect((await graphiql(plainHttp)).headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
