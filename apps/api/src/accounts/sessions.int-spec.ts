import { REFRESH_REUSE_GRACE_SECONDS, TokensService } from '@tiltak/api-accounts';
import { SignJWT } from 'jose';
import { LOGIN, post, sessionOf } from '../testing/sign-in';
import { graphqlClient, startTestApi, TEST_AUTH_SECRET, type TestApi } from '../testing/test-api';

describe('sign-in and sessions', () => {
  let api: TestApi;

  beforeAll(async () => {
    // The tests sign in from many addresses, named in X-Forwarded-For by a proxy on loopback.
    api = await startTestApi({ TRUST_PROXY: 'loopback' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('signs in with e-mail and password: a 10-minute access token and an HttpOnly, SameSite session cookie', async () => {
    const { body, setCookie } = await post(
      api.url,
      LOGIN,
      { e: 'Koordinator.Nes@tiltak.test', p: 'tiltak-demo' },
      { 'x-forwarded-for': '10.9.0.1' },
    );
    const login = body.data?.['login'] as { accessToken: string; expiresAt: string; user: { role: string } };

    expect(login.user.role).toBe('COORDINATOR');
    const minutes = (Date.parse(login.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    // A session cookie: no Max-Age and no Expires, so the browser forgets it when it closes.
    expect(setCookie).toMatch(/^tiltak_refresh=[^;]+; Path=\/graphql; HttpOnly; SameSite=Strict$/);
    const me = await post(api.url, '{ me { email } }', {}, { authorization: `Bearer ${login.accessToken}` });
    expect(me.body.data).toEqual({ me: { email: 'koordinator.nes@tiltak.test' } });
  });

  it('refuses a wrong password without saying whether the address exists', async () => {
    const wrong = await post(
      api.url,
      LOGIN,
      { e: 'rad@tiltak.test', p: 'feil-passord' },
      { 'x-forwarded-for': '10.0.0.1' },
    );
    const unknown = await post(
      api.url,
      LOGIN,
      { e: 'ingen@tiltak.test', p: 'feil-passord' },
      { 'x-forwarded-for': '10.0.0.1' },
    );

    expect(wrong.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.body.errors?.[0]).toEqual(wrong.body.errors?.[0]);
  });

  it('checks the token’s signature, algorithm, issuer, audience, expiry and session', async () => {
    const [{ id }] = await api.db.dataSource.query(`SELECT id FROM app_user WHERE email = 'admin@tiltak.test'`);
    const live = sessionOf(await api.tokenFor('admin@tiltak.test'));
    const ended = await post(api.url, LOGIN, { e: 'admin@tiltak.test', p: 'tiltak-demo' });
    await post(api.url, 'mutation { logout }', {}, { cookie: ended.cookie! });
    const key = new TextEncoder().encode(TEST_AUTH_SECRET);
    const token = (
      claims: { iss?: string; aud?: string; exp?: number; sid?: string | null },
      secret = key,
      alg = 'HS256',
    ) =>
      new SignJWT({ role: 'ADMIN', tv: 1, ...(claims.sid !== null && { sid: claims.sid ?? live }) })
        .setProtectedHeader({ alg })
        .setSubject(id)
        .setIssuer(claims.iss ?? 'tiltak')
        .setAudience(claims.aud ?? 'tiltak-api')
        .setIssuedAt()
        .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 60)
        .sign(secret);
    const ask = async (bearer: string) =>
      (await post(api.url, '{ municipalities { id } }', {}, { authorization: `Bearer ${bearer}` })).body;

    expect((await ask(await token({}))).errors).toBeUndefined();
    const refused = [
      await token({ exp: Math.floor(Date.now() / 1000) - 5 }),
      await token({ iss: 'someone-else' }),
      await token({ aud: 'another-api' }),
      await token({}, new TextEncoder().encode('another-secret-that-is-also-32-characters-long')),
      await token({}, key, 'HS512'),
      await token({ sid: null }),
      await token({ sid: sessionOf((ended.body.data?.['login'] as { accessToken: string }).accessToken) }),
      await token({ sid: '00000000-0000-4000-8000-000000000000' }),
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"${id}","role":"ADMIN"}`).toString('base64url')}.`,
    ];
    for (const bearer of refused) {
      expect((await ask(bearer)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('rotates the refresh token, and a reused one ends the whole session', async () => {
    const first = await post(api.url, LOGIN, { e: 'leder@tiltak.test', p: 'tiltak-demo' });
    const refresh = 'mutation { refreshSession { accessToken } }';

    const second = await post(api.url, refresh, {}, { cookie: first.cookie! });
    expect(second.body.data?.['refreshSession']?.accessToken).toEqual(expect.any(String));
    expect(second.cookie).toBeDefined();
    expect(second.cookie).not.toBe(first.cookie);

    // Seconds later, as another tab refreshing at the same moment: an access token, the cookie left alone.
    const otherTab = await post(api.url, refresh, {}, { cookie: first.cookie! });
    expect(otherTab.body.data?.['refreshSession']?.accessToken).toEqual(expect.any(String));
    expect(otherTab.cookie).toBeUndefined();

    // Later than that, the same token again is a replay: the whole session ends.
    await api.db.dataSource.query(
      `UPDATE refresh_token SET used_at = now() - make_interval(secs => $1) WHERE token_hash = $2`,
      [REFRESH_REUSE_GRACE_SECONDS + 1, TokensService.hash(decodeURIComponent(first.cookie!.split('=')[1]))],
    );
    const replay = await post(api.url, refresh, {}, { cookie: first.cookie! });
    expect(replay.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const afterReplay = await post(api.url, refresh, {}, { cookie: second.cookie! });
    expect(afterReplay.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets two tabs refresh the same session at the same moment without ending it', async () => {
    const login = await post(api.url, LOGIN, { e: 'rad@tiltak.test', p: 'tiltak-demo' });
    const refresh = 'mutation { refreshSession { accessToken } }';
    const both = await Promise.all([1, 2, 3].map(() => post(api.url, refresh, {}, { cookie: login.cookie! })));

    expect(both.map((r) => r.body.errors)).toEqual([undefined, undefined, undefined]);
    const rotated = both.filter((r) => r.cookie);
    expect(rotated).toHaveLength(1);
    const next = await post(api.url, refresh, {}, { cookie: rotated[0].cookie! });
    expect(next.body.data?.['refreshSession']?.accessToken).toEqual(expect.any(String));
  });

  it('ends the session on logout', async () => {
    const login = await post(api.url, LOGIN, { e: 'rad@tiltak.test', p: 'tiltak-demo' });
    await post(api.url, 'mutation { logout }', {}, { cookie: login.cookie! });

    const refreshed = await post(api.url, 'mutation { refreshSession { accessToken } }', {}, { cookie: login.cookie! });
    expect(refreshed.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('throttles failed sign-ins per account and address, even with the right password after', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let attempt = 0; attempt < 5; attempt++) {
      await post(api.url, LOGIN, { e: 'koordinator.eidsvoll@tiltak.test', p: 'gjett' }, from('10.1.0.1'));
    }
    const right = await post(
      api.url,
      LOGIN,
      { e: 'koordinator.eidsvoll@tiltak.test', p: 'tiltak-demo' },
      from('10.1.0.1'),
    );
    // Someone who only knows the address shuts out their own address, not the account's owner.
    const owner = await post(
      api.url,
      LOGIN,
      { e: 'koordinator.eidsvoll@tiltak.test', p: 'tiltak-demo' },
      from('10.1.1.1'),
    );

    expect(right.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'THROTTLED' });
    expect(owner.body.errors).toBeUndefined();
  });

  it('throttles failed sign-ins per address, whatever account they try', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      await post(api.url, LOGIN, { e: `ukjent${attempt}@tiltak.test`, p: 'gjett' }, { 'x-forwarded-for': '10.2.0.1' });
    }
    const fromThere = await post(
      api.url,
      LOGIN,
      { e: 'admin@tiltak.test', p: 'tiltak-demo' },
      { 'x-forwarded-for': '10.2.0.1' },
    );
    const fromElsewhere = await post(
      api.url,
      LOGIN,
      { e: 'admin@tiltak.test', p: 'tiltak-demo' },
      { 'x-forwarded-for': '10.2.0.2' },
    );

    expect(fromThere.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'THROTTLED' });
    expect(fromElsewhere.body.errors).toBeUndefined();
  });

  it('stops a deactivated user’s tokens at once, and lets an admin manage users', async () => {
    const { createUser } = await api.data<{ createUser: { id: string; version: number } }>(
      `mutation { createUser(input: { email: "Ny.Bruker@tiltak.test", name: "Ny bruker", role: COUNCIL, password: "et-langt-passord" }) { id version } }`,
    );
    const login = await post(api.url, LOGIN, { e: 'ny.bruker@tiltak.test', p: 'et-langt-passord' });
    const token = login.body.data?.['login']?.accessToken as string;
    const asUser = graphqlClient(api.url, () => ({ authorization: `Bearer ${token}` }));
    expect((await asUser.gql('{ municipalities { id } }')).errors).toBeUndefined();

    await api.data(
      'mutation($id: ID!) { updateUser(input: { userId: $id, expectedVersion: 1, active: false }) { active } }',
      {
        id: createUser.id,
      },
    );

    expect((await asUser.gql('{ municipalities { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refreshed = await post(api.url, 'mutation { refreshSession { accessToken } }', {}, { cookie: login.cookie! });
    expect(refreshed.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await post(api.url, LOGIN, { e: 'ny.bruker@tiltak.test', p: 'et-langt-passord' });
    expect(again.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { users } = await api.data<{ users: { email: string; active: boolean }[] }>('{ users { email active } }');
    expect(users).toContainEqual({ email: 'ny.bruker@tiltak.test', active: false });
  });

  it('changes a password, ending the other sessions', async () => {
    await api.data(
      `mutation { createUser(input: { email: "bytter@tiltak.test", name: "Bytter", role: COUNCIL, password: "gammelt-passord" }) { id } }`,
    );
    const other = await post(api.url, LOGIN, { e: 'bytter@tiltak.test', p: 'gammelt-passord' });
    const current = await post(api.url, LOGIN, { e: 'bytter@tiltak.test', p: 'gammelt-passord' });
    const bearer = { authorization: `Bearer ${current.body.data?.['login']?.accessToken}` };

    const tooShort = await post(
      api.url,
      'mutation { changePassword(currentPassword: "gammelt-passord", newPassword: "kort") { accessToken } }',
      {},
      bearer,
    );
    expect(tooShort.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const changed = await post(
      api.url,
      'mutation { changePassword(currentPassword: "gammelt-passord", newPassword: "et-nytt-langt-passord") { accessToken } }',
      {},
      bearer,
    );
    expect(changed.body.errors).toBeUndefined();

    expect((await post(api.url, '{ me { email } }', {}, bearer)).body.errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const otherRefresh = await post(
      api.url,
      'mutation { refreshSession { accessToken } }',
      {},
      { cookie: other.cookie! },
    );
    expect(otherRefresh.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post(api.url, LOGIN, { e: 'bytter@tiltak.test', p: 'gammelt-passord' })).body.errors).toBeDefined();
    expect(
      (await post(api.url, LOGIN, { e: 'bytter@tiltak.test', p: 'et-nytt-langt-passord' })).body.errors,
    ).toBeUndefined();
  });

  it('shows nothing to signed-out visitors, and personal data only to people who are signed in', async () => {
    const signedOut = await api.anonymous.gql('{ municipalities { id } }');
    expect(signedOut.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const me = await api.anonymous.data('{ me { email } }');
    expect(me).toEqual({ me: null });

    const council = await api.as('rad@tiltak.test');
    const { parties } = await council.data<{ parties: { contact: { name: string } | null }[] }>(
      '{ parties { contact { name } } }',
    );
    expect(parties.some((p) => p.contact !== null)).toBe(true);
  });
});

describe('a public dashboard (PUBLIC_DASHBOARD=true)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_DASHBOARD: 'true' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lets anyone read the programme, but never contact persons, project leads or who wrote the history', async () => {
    const data = await api.anonymous.data<{
      parties: { contact: unknown; projectLeads: unknown }[];
      actions: { edges: { node: { history: { author: string | null; comment: string }[] } }[] };
    }>(
      '{ parties { contact { name email } projectLeads { name } } actions(first: 100) { edges { node { history { author comment } } } } }',
    );

    expect(data.parties.length).toBeGreaterThan(0);
    expect(data.parties.every((p) => p.contact === null && p.projectLeads === null)).toBe(true);
    const history = data.actions.edges.flatMap((e) => e.node.history);
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.author === null)).toBe(true);
  });

  it('still refuses every write and the user list to signed-out visitors', async () => {
    expect((await api.anonymous.gql('{ users { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const write = await api.anonymous.gql('mutation { createParty(input: { name: "X", kind: BUSINESS }) { id } }');
    expect(write.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
