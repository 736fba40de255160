import { Subscriber } from '../testing/subscriber';
import { eventually, post, presenceSocket, sessionOf, signIn } from '../testing/sign-in';
import { startTestApi, type TestApi } from '../testing/test-api';

const REFRESH = 'mutation { refreshSession { accessToken expiresAt } }';
const ME = '{ me { email role } }';

describe('sessions, in production, across two instances', () => {
  let api: TestApi;
  let instanceB: { url: string; close(): Promise<void> };
  const closeLater: { close(): unknown }[] = [];

  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production', DEMO_DATA: 'always' });
    instanceB = await api.anotherInstance();
  });

  afterAll(async () => {
    for (const item of closeLater) await item.close();
    await instanceB?.close();
    await api?.close();
  });

  /** Moves a session's clock: how long ago it began and was last refreshed. */
  const age = (accessToken: string, column: 'last_used_at' | 'started_at', minutes: number) =>
    api.db.dataSource.query(`UPDATE token_family SET ${column} = now() - make_interval(mins => $2) WHERE id = $1`, [
      sessionOf(accessToken),
      minutes,
    ]);

  /** A subscription and a presence socket on each instance, all live. */
  const liveConnections = async (accessToken: string) => {
    const subscribers = [new Subscriber(api.url, accessToken), new Subscriber(instanceB.url, accessToken)];
    closeLater.push(...subscribers);
    // Acknowledged: the API has registered the connection under its user and session.
    await eventually(() => subscribers.every((s) => s.connected), 'the subscriptions to be accepted');
    const sockets = [await presenceSocket(api.url, accessToken), await presenceSocket(instanceB.url, accessToken)];
    closeLater.push({ close: () => sockets.forEach((socket) => socket.disconnect()) });
    return {
      closed: () => subscribers.every((s) => s.closedWith === 4403) && sockets.every((socket) => socket.closed),
      open: () => subscribers.every((s) => s.closedWith === undefined) && sockets.every((socket) => socket.connected),
    };
  };

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const codeOf = (result: Awaited<ReturnType<typeof post>>) => result.body.errors?.[0].extensions?.code;

  it('ends a session 30 minutes after its last refresh', async () => {
    const session = await signIn(api.url, 'rad@tiltak.test');
    await age(session.accessToken, 'last_used_at', 29);
    const inTime = await post(api.url, REFRESH, {}, { cookie: session.cookie });
    expect(inTime.body.errors).toBeUndefined();

    await age(session.accessToken, 'last_used_at', 31);
    const late = await post(instanceB.url, REFRESH, {}, { cookie: inTime.cookie! });

    expect(late.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE' });
    const [entry] = await api.db.dataSource.query(
      `SELECT action, outcome FROM audit_entry WHERE user_id = $1 ORDER BY id DESC LIMIT 1`,
      [session.userId],
    );
    expect(entry).toEqual({ action: 'SESSION_EXPIRED', outcome: 'IDLE' });
  });

  it('ends a session 12 hours after sign-in however busy it was, and no access token outlives it', async () => {
    const session = await signIn(api.url, 'rad@tiltak.test');
    await age(session.accessToken, 'started_at', 12 * 60 - 5);
    const nearTheEnd = await post(api.url, REFRESH, {}, { cookie: session.cookie });
    const expiresAt = Date.parse(nearTheEnd.body.data?.['refreshSession']?.expiresAt ?? '');
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    await age(session.accessToken, 'started_at', 12 * 60 + 1);
    const refreshed = await post(api.url, REFRESH, {}, { cookie: nearTheEnd.cookie! });
    expect(refreshed.body.errors?.[0].extensions).toMatchObject({ reason: 'SESSION_LIFETIME' });
    const token = nearTheEnd.body.data?.['refreshSession']?.accessToken ?? '';
    expect(codeOf(await post(instanceB.url, ME, {}, bearer(token)))).toBe('UNAUTHENTICATED');
  });

  it('signing out refuses the access token and closes the session’s live connections on every instance', async () => {
    const session = await signIn(api.url, 'koordinator.nes@tiltak.test');
    const otherSession = await signIn(api.url, 'koordinator.nes@tiltak.test');
    const live = await liveConnections(session.accessToken);
    const otherLive = await liveConnections(otherSession.accessToken);

    await post(instanceB.url, 'mutation { logout }', {}, { cookie: session.cookie });

    await eventually(live.closed, 'the live connections to close');
    for (const url of [api.url, instanceB.url]) {
      expect(codeOf(await post(url, ME, {}, bearer(session.accessToken)))).toBe('UNAUTHENTICATED');
      // The same user's other session goes on.
      expect((await post(url, ME, {}, bearer(otherSession.accessToken))).body.errors).toBeUndefined();
    }
    expect(otherLive.open()).toBe(true);
    expect(codeOf(await post(api.url, REFRESH, {}, { cookie: session.cookie }))).toBe('UNAUTHENTICATED');
  });

  it('signing out with only the access token ends its session too', async () => {
    const session = await signIn(api.url, 'leder@tiltak.test');

    await post(api.url, 'mutation { logout }', {}, bearer(session.accessToken));

    expect(codeOf(await post(instanceB.url, ME, {}, bearer(session.accessToken)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await post(api.url, REFRESH, {}, { cookie: session.cookie }))).toBe('UNAUTHENTICATED');
  });

  it('a change of role refuses the old access token and closes the user’s live connections on every instance', async () => {
    const session = await signIn(api.url, 'koordinator.eidsvoll@tiltak.test');
    const live = await liveConnections(session.accessToken);
    const [{ version }] = await api.db.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [session.userId]);

    await api.data(
      'mutation($id: ID!, $v: Int!) { updateUser(input: { userId: $id, expectedVersion: $v, role: COUNCIL }) { id } }',
      { id: session.userId, v: version },
    );

    await eventually(live.closed, 'the live connections to close');
    for (const url of [api.url, instanceB.url]) {
      expect(codeOf(await post(url, ME, {}, bearer(session.accessToken)))).toBe('UNAUTHENTICATED');
    }
    // The session itself goes on, with the new role.
    const refreshed = await post(instanceB.url, REFRESH, {}, { cookie: session.cookie });
    const token = refreshed.body.data?.['refreshSession']?.accessToken ?? '';
    expect((await post(api.url, ME, {}, bearer(token))).body.data).toEqual({
      me: { email: 'koordinator.eidsvoll@tiltak.test', role: 'COUNCIL' },
    });
  });

  it('a change of municipality does the same', async () => {
    const session = await signIn(api.url, 'koordinator.nes@tiltak.test');
    const live = await liveConnections(session.accessToken);
    const [user] = await api.db.dataSource.query(`SELECT version, municipality_id FROM app_user WHERE id = $1`, [
      session.userId,
    ]);
    const [other] = await api.db.dataSource.query(`SELECT id FROM municipality WHERE id <> $1 LIMIT 1`, [
      user.municipality_id,
    ]);

    await api.data(
      'mutation($id: ID!, $v: Int!, $m: ID!) { updateUser(input: { userId: $id, expectedVersion: $v, municipalityId: $m }) { id } }',
      { id: session.userId, v: user.version, m: other.id },
    );

    await eventually(live.closed, 'the live connections to close');
    expect(codeOf(await post(instanceB.url, ME, {}, bearer(session.accessToken)))).toBe('UNAUTHENTICATED');
  });
});
