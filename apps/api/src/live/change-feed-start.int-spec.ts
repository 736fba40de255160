import type { ChangeEventRecord } from '@tiltak/domain';
import { loadConfig } from '@tiltak/api-core';
import { DatabaseConnections } from '@tiltak/api-data-access';
import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import { ChangeFeed } from '@tiltak/api-live';

/**
 * The feed's starting point is read once. On a log with no events yet, a reconnection must not
 * start over from the newest event, or it skips what was committed while the feed was away.
 */
describe('the change feed on a fresh log', () => {
  let db: TestDatabase;
  let feed: ChangeFeed;

  beforeAll(async () => {
    db = await createTestDatabase();
    feed = new ChangeFeed(
      new DatabaseConnections(db.url, loadConfig({}, { dashboardDir: '' }).databasePool),
      db.dataSource,
    );
  });

  afterAll(async () => {
    await feed?.onApplicationShutdown();
    await db?.drop();
  });

  it('delivers an event committed while it was reconnecting', async () => {
    const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM change_event');
    expect(count).toBe(0);
    const received: ChangeEventRecord[] = [];
    feed.listen((event) => received.push(event));
    await feed.onApplicationBootstrap();

    // Cut the feed's connection and commit an event before it is back (it waits 250 ms first).
    await db.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'tiltak-change-feed' AND datname = current_database()`,
    );
    await db.dataSource.query(
      `INSERT INTO change_event (programme_id, actor_name, entity, entity_id, operation)
       VALUES (gen_random_uuid(), 'Prøve', 'party', 'p-1', 'CREATE')`,
    );

    for (let waited = 0; received.length === 0 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(received.map((event) => [event.entity, event.entityId])).toEqual([['party', 'p-1']]);
    expect(feed.position).toBe(BigInt(received[0].seq));
  });
});
