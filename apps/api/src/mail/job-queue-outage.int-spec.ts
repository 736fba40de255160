import { isDatabaseUnavailable, loadConfig, SettableClock } from '@tiltak/api-core';
import { freeLoopbackPort, type RunningDatabase, startEmbeddedDatabase } from '@tiltak/api-data-access';
import { until } from '@tiltak/api-data-access/testing';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningTiltak, startTiltak } from '../app/start-tiltak';
import { TEST_AUTH_SECRET } from '../testing/test-api';

/** Longer than a worker's polling interval (10 s), so pg-boss meets the lost database itself. */
const OUTAGE_MS = 12_000;

/**
 * The job queue while its database is away: pg-boss's failed polls are a state, not a crash; a job
 * run meanwhile fails as the database being away; once it is back, jobs run again; and the API
 * stops at once even while the database is still away. The cluster is this test's own.
 */
describe('the job queue while the database is away', () => {
  let dir: string;
  let port: number;
  let database: RunningDatabase;
  let tiltak: RunningTiltak | undefined;
  const rejections: unknown[] = [];
  const noteRejection = (reason: unknown) => rejections.push(reason);
  const start = () => startEmbeddedDatabase({ dataDir: dir, port, database: 'tiltak' });

  beforeAll(async () => {
    process.on('unhandledRejection', noteRejection);
    dir = await mkdtemp(join(tmpdir(), 'tiltak-jobs-outage-'));
    await chmod(dir, 0o755);
    port = await freeLoopbackPort();
    database = await start();
  }, 60_000);

  afterAll(async () => {
    await tiltak?.close();
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
    process.off('unhandledRejection', noteRejection);
  });

  it('waits for the database, runs again once it is back, and stops while it is away', async () => {
    const running = await startTiltak(
      loadConfig(
        { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'error', AUTH_SECRET: TEST_AUTH_SECRET },
        { dashboardDir: '/nonexistent' },
      ),
      // Mid-morning in Oslo, when the sweep asks the database who owes what.
      { clock: new SettableClock(new Date('2026-09-01T08:00:00Z')) },
    );
    tiltak = running;
    await tiltak.runJob('reminder-sweep');

    await database.stop();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const failed = await tiltak.runJob('reminder-sweep').then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(failed)).toBe(true);

    database = await start();
    // Back within seconds: the sweep waits while the pools reconnect, and fails in no other way.
    const outcome = await until(
      'the sweep to run again',
      () =>
        running.runJob('reminder-sweep').then(
          () => 'ran',
          (error: unknown) => (isDatabaseUnavailable(error) ? undefined : error),
        ),
      10_000,
    );
    expect(outcome).toBe('ran');

    await database.stop();
    const stopping = Date.now();
    await tiltak.close();
    tiltak = undefined;
    expect(Date.now() - stopping).toBeLessThan(10_000);
    expect(rejections).toEqual([]);
  }, 90_000);
});
