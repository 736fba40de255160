import { startTestApi, type TestApi } from '../testing/test-api';

/**
 * Sessions that can no longer be used, and sign-in throttle counts whose window has passed, are
 * deleted on a schedule, by every instance at once without harm; everything still in force stays.
 */
describe('expired sign-ins', () => {
  let api: TestApi;
  let other: { close(): Promise<void> } | undefined;

  beforeAll(async () => {
    api = await startTestApi({ PRUNE_INTERVAL_MS: '200' });
    other = await api.anotherInstance();
  });

  afterAll(async () => {
    await other?.close();
    await api?.close();
  });

  /** A session of the admin's, begun `started` ago and last used `used` ago, with one refresh token. */
  const session = async (started: string, used: string, ended: string | null = null): Promise<string> => {
    const [{ id: userId }] = await api.db.dataSource.query(`SELECT id FROM app_user WHERE email = 'admin@tiltak.test'`);
    // One statement: the pruning runs all the while, and must never find the session without its token.
    const [{ id }] = await api.db.dataSource.query(
      `WITH family AS (
         INSERT INTO token_family (user_id, method, started_at, authenticated_at, last_used_at, ended_at)
         VALUES ($1, 'PASSWORD', now() - $2::interval, now() - $2::interval, now() - $3::interval, now() - $4::interval)
         RETURNING id
       ), token AS (
         INSERT INTO refresh_token (family_id, user_id, token_hash, expires_at)
         SELECT id, $1, md5(random()::text) || md5(random()::text), now() - $2::interval + interval '12 hours'
           FROM family
       )
       SELECT id FROM family`,
      [userId, started, used, ended],
    );
    return id;
  };

  const remaining = async (table: 'token_family' | 'refresh_token' | 'login_throttle', column: string, ids: string[]) =>
    (
      (await api.db.dataSource.query(`SELECT ${column} AS id FROM ${table} WHERE ${column} = ANY($1)`, [ids])) as {
        id: string;
      }[]
    )
      .map((row) => row.id)
      .sort();

  it('deletes sessions unused for longer than their lifetime and throttle counts past their window, and keeps the rest', async () => {
    const unused = await session('13 hours', '12 hours 1 minute');
    const signedOut = await session('20 hours', '19 hours', '19 hours');
    const live = await session('1 hour', '1 minute');
    // Idle, or past its lifetime since it was last used: ended, but not yet as old as a whole lifetime.
    const idle = await session('2 hours', '1 hour');
    const tooOld = await session('12 hours 5 minutes', '10 minutes');
    await api.db.dataSource.query(
      `INSERT INTO login_throttle (key, failures, window_started_at)
       SELECT 'address:expired-' || n, 3, now() - interval '16 minutes' FROM generate_series(1, 2500) AS n`,
    );
    await api.db.dataSource.query(
      `INSERT INTO login_throttle (key, failures, window_started_at)
       VALUES ('address:in-window', 4, now() - interval '14 minutes'), ('address:just-now', 1, now())`,
    );

    const expiredThrottleCounts = async () =>
      (
        (await api.db.dataSource.query(
          `SELECT count(*)::int AS n FROM login_throttle WHERE key LIKE 'address:expired-%'`,
        )) as { n: number }[]
      )[0].n;
    const deadline = Date.now() + 10_000;
    while (
      (await remaining('token_family', 'id', [unused, signedOut])).length > 0 ||
      (await expiredThrottleCounts()) > 0
    ) {
      if (Date.now() > deadline) throw new Error('The expired rows are still there after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect(await remaining('token_family', 'id', [unused, signedOut, live, idle, tooOld])).toEqual(
      [live, idle, tooOld].sort(),
    );
    expect(await remaining('refresh_token', 'family_id', [unused, signedOut, live, idle, tooOld])).toEqual(
      [live, idle, tooOld].sort(),
    );
    expect(await remaining('login_throttle', 'key', ['address:in-window', 'address:just-now'])).toEqual([
      'address:in-window',
      'address:just-now',
    ]);
    // And sign-in still works as before.
    await expect(api.tokenFor('admin@tiltak.test')).resolves.toEqual(expect.any(String));
  });
});
