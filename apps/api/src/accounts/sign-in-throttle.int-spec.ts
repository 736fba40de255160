import { LOGIN, post } from '../testing/sign-in';
import { startTestApi, type TestApi } from '../testing/test-api';

/** The app as it runs in production, with the demo accounts loaded for the trial. */
const PRODUCTION = { NODE_ENV: 'production', DEMO_DATA: 'always' };

const failuresOf = (api: TestApi, email: string) =>
  api.db.dataSource.query<{ outcome: string; address: string }[]>(
    `SELECT outcome, address FROM audit_entry WHERE action = 'SIGN_IN_FAILED' AND email = $1`,
    [email],
  );

describe('the sign-in throttle, in production, with no proxy trusted', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(PRODUCTION);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('checks no more than 5 of 30 parallel wrong passwords for one account, and then not the right one', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post(api.url, LOGIN, { e: 'koordinator.nes@tiltak.test', p: `gjett-${i}` })),
    );
    const right = await post(api.url, LOGIN, { e: 'koordinator.nes@tiltak.test', p: 'tiltak-demo' });

    const reasons = attempts.map((a) => a.body.errors?.[0].extensions?.reason);
    expect(reasons.filter((r) => r === 'WRONG_CREDENTIALS')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'THROTTLED')).toHaveLength(25);
    const logged = await failuresOf(api, 'koordinator.nes@tiltak.test');
    expect(logged.filter((f) => f.outcome === 'WRONG_CREDENTIALS')).toHaveLength(5);
    expect(logged.filter((f) => f.outcome === 'THROTTLED')).toHaveLength(26);
    expect(right.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'THROTTLED' });
    const sessions = await api.db.dataSource.query(
      `SELECT 1 FROM token_family f JOIN app_user u ON u.id = f.user_id WHERE u.email = 'koordinator.nes@tiltak.test'`,
    );
    expect(sessions).toEqual([]);
  });

  it('ignores X-Forwarded-For: a client cannot choose the address it is counted under', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await post(
        api.url,
        LOGIN,
        { e: 'koordinator.eidsvoll@tiltak.test', p: 'gjett' },
        { 'x-forwarded-for': `203.0.113.${attempt}` },
      );
    }
    const freshAddress = await post(
      api.url,
      LOGIN,
      { e: 'koordinator.eidsvoll@tiltak.test', p: 'tiltak-demo' },
      { 'x-forwarded-for': '198.51.100.7' },
    );

    expect(freshAddress.body.errors?.[0].extensions?.reason).toBe('THROTTLED');
    const addresses = new Set((await failuresOf(api, 'koordinator.eidsvoll@tiltak.test')).map((f) => f.address));
    expect([...addresses]).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/)]);
  });
});

describe('the sign-in throttle, in production, behind a trusted proxy (TRUST_PROXY)', () => {
  let api: TestApi;
  const from = (address: string) => ({ 'x-forwarded-for': address });

  beforeAll(async () => {
    api = await startTestApi({ ...PRODUCTION, TRUST_PROXY: 'loopback' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('counts the address the proxy names, so a stranger shuts out only their own address', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () => post(api.url, LOGIN, { e: 'rad@tiltak.test', p: 'gjett' }, from('203.0.113.9'))),
    );
    const stranger = await post(api.url, LOGIN, { e: 'rad@tiltak.test', p: 'tiltak-demo' }, from('203.0.113.9'));
    const owner = await post(api.url, LOGIN, { e: 'rad@tiltak.test', p: 'tiltak-demo' }, from('198.51.100.20'));

    expect(stranger.body.errors?.[0].extensions?.reason).toBe('THROTTLED');
    expect(owner.body.errors).toBeUndefined();
    const logged = await failuresOf(api, 'rad@tiltak.test');
    expect(logged.filter((f) => f.outcome === 'WRONG_CREDENTIALS')).toHaveLength(5);
    expect(new Set(logged.map((f) => f.address))).toEqual(new Set(['203.0.113.9']));
  });

  it('pauses an account guessed at from many addresses, but not from where its owner signed in before', async () => {
    const email = 'leder@tiltak.test';
    expect((await post(api.url, LOGIN, { e: email, p: 'tiltak-demo' }, from('198.51.100.30'))).body.errors).toBe(
      undefined,
    );
    // Ten addresses, five guesses each: the account-wide limit of 50.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(api.url, LOGIN, { e: email, p: 'gjett' }, from(`203.0.113.${100 + (i % 10)}`)),
      ),
    );
    const newPlace = await post(api.url, LOGIN, { e: email, p: 'tiltak-demo' }, from('198.51.100.31'));
    const usualPlace = await post(api.url, LOGIN, { e: email, p: 'tiltak-demo' }, from('198.51.100.30'));

    expect(newPlace.body.errors?.[0].extensions?.reason).toBe('THROTTLED');
    expect(usualPlace.body.errors).toBeUndefined();
  });
});
