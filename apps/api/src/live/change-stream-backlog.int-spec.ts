import { loadConfig } from '@tiltak/api-core';
import { CHANGE_CHANNEL, DatabaseConnections } from '@tiltak/api-data-access';
import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import { ChangeFeed, ChangeStream, STREAM_BUFFER_LIMIT, type StreamItem } from '@tiltak/api-live';

/**
 * A subscriber's stream holds a bounded number of changes, however far its reader falls behind or
 * however much it missed, and still hands over every change once, in order.
 */
describe('a change stream whose reader falls behind', () => {
  let db: TestDatabase;
  let feed: ChangeFeed;
  const streams: ChangeStream[] = [];

  /** Commits `count` events in one transaction and waits until the feed has delivered them. */
  const commit = async (count: number): Promise<string[]> => {
    const delivered = new Promise<void>((resolve) => {
      let seen = 0;
      const stop = feed.listen(() => {
        seen += 1;
        if (seen === count) {
          stop();
          resolve();
        }
      });
    });
    const rows: { seq: string }[] = await db.dataSource.transaction(async (manager) => {
      const inserted: { seq: string }[] = await manager.query(
        `INSERT INTO change_event (programme_id, actor_name, entity, entity_id, operation)
         SELECT gen_random_uuid(), 'Prøve', 'party', 'p-' || n, 'CREATE' FROM generate_series(1, $1) AS n
         RETURNING seq::text`,
        [count],
      );
      await manager.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, '']);
      return inserted;
    });
    await delivered;
    return rows.map((row) => row.seq).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  };

  const stream = (since: bigint | null) => {
    const opened = new ChangeStream(feed, since, () => true);
    streams.push(opened);
    return opened;
  };

  /** Takes `count` items from the stream. */
  const take = async (from: ChangeStream, count: number): Promise<StreamItem[]> => {
    const items: StreamItem[] = [];
    while (items.length < count) {
      const { value, done } = await from.next();
      if (done) throw new Error(`The stream ended after ${items.length} items`);
      items.push(value);
    }
    return items;
  };

  const seqs = (items: StreamItem[]) => items.map((item) => ('caughtUp' in item ? 'caughtUp' : item.seq));

  beforeAll(async () => {
    db = await createTestDatabase();
    feed = new ChangeFeed(
      new DatabaseConnections(db.url, loadConfig({}, { dashboardDir: '' }).databasePool),
      db.dataSource,
    );
    await feed.onApplicationBootstrap();
  });

  afterAll(async () => {
    for (const opened of streams) await opened.return();
    await feed?.onApplicationShutdown();
    await db?.drop();
  });

  it('keeps at most its limit for a reader that stops, then reads the rest from the log', async () => {
    const sut = stream(null);
    expect(seqs(await take(sut, 1))).toEqual(['caughtUp']);

    const committed = await commit(STREAM_BUFFER_LIMIT + 500);

    expect(sut.backlog).toBe(STREAM_BUFFER_LIMIT);
    const first = await take(sut, STREAM_BUFFER_LIMIT + 200);
    // Changes made while the reader catches up come after the rest, once.
    const later = await commit(10);
    const rest = await take(sut, 300 + 10);
    expect(seqs([...first, ...rest])).toEqual([...committed, ...later]);
    expect(sut.backlog).toBe(0);
  });

  it('replays a long absence a batch at a time, then carries on live', async () => {
    const before = feed.position;
    const missed = await commit(1_200);
    const sut = stream(before);

    const [firstMissed] = await take(sut, 1);
    expect(sut.backlog).toBeLessThan(500);
    const replayed = await take(sut, missed.length - 1 + 1);
    const live = await commit(3);
    const after = await take(sut, 3);

    expect(seqs([firstMissed, ...replayed, ...after])).toEqual([...missed, 'caughtUp', ...live]);
    expect(replayed.at(-1)).toEqual({ caughtUp: true, seq: missed.at(-1) });
  });
});
