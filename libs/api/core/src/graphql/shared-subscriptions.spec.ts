import { type ExecutionResult, GraphQLBoolean, GraphQLInt, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { SUBSCRIBER_BACKLOG_LIMIT, sharedSubscriptions } from './shared-subscriptions';

/** An event source the test feeds by hand. */
class Ticks implements AsyncIterableIterator<number> {
  private readonly queued: number[] = [];
  private waiting: ((result: IteratorResult<number>) => void) | null = null;

  push(tick: number): void {
    if (this.waiting) {
      this.waiting({ value: tick, done: false });
      this.waiting = null;
    } else {
      this.queued.push(tick);
    }
  }

  next(): Promise<IteratorResult<number>> {
    const tick = this.queued.shift();
    if (tick !== undefined) return Promise.resolve({ value: tick, done: false });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<number>> {
    // An execution that stopped must not take the next test's ticks.
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<number> {
    return this;
  }
}

describe('shared subscriptions', () => {
  const ticks = new Ticks();
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { tick: { type: GraphQLInt, subscribe: () => ticks, resolve: (tick: number) => tick } },
    }),
  });
  const document = parse('subscription { tick }');

  it('drops a subscriber that falls more than its backlog behind, and no one else', async () => {
    const reported: unknown[] = [];
    const sut = sharedSubscriptions((error) => reported.push(error));
    const fellBehind = { slow: 0, reading: 0 };
    const slow = (await sut({
      schema,
      document,
      contextValue: { fellBehind: () => (fellBehind.slow += 1) },
    })) as AsyncIterableIterator<ExecutionResult>;
    const reading = (await sut({
      schema,
      document,
      contextValue: { fellBehind: () => (fellBehind.reading += 1) },
    })) as AsyncIterableIterator<ExecutionResult>;
    const read: unknown[] = [];
    const readAll = (async () => {
      for await (const result of reading) read.push(result.data?.['tick']);
    })();

    const sent = Array.from({ length: SUBSCRIBER_BACKLOG_LIMIT + 2 }, (_, n) => n);
    for (const tick of sent) {
      ticks.push(tick);
      // One tick at a time, as changes come: the reading subscriber takes each as it comes.
      await new Promise((resolve) => setImmediate(resolve));
    }

    expect(fellBehind).toEqual({ slow: 1, reading: 0 });
    await expect(slow.next()).resolves.toEqual({ value: undefined, done: true });
    expect(read).toEqual(sent);

    await reading.return?.();
    await readAll;
    expect(reported).toEqual([]);
  });

  it('sends a subscriber who joins late everything the execution sent before, then the rest', async () => {
    const sut = sharedSubscriptions((error) => {
      throw error;
    });
    const ask = async () =>
      (await sut({ schema, document, contextValue: {} })) as AsyncIterableIterator<ExecutionResult>;
    const take = async (results: AsyncIterableIterator<ExecutionResult>, count: number) => {
      const taken: unknown[] = [];
      while (taken.length < count) taken.push((await results.next()).value?.data?.['tick']);
      return taken;
    };
    const early = await ask();
    ticks.push(10);
    ticks.push(11);
    expect(await take(early, 2)).toEqual([10, 11]);

    const late = await ask();
    ticks.push(12);

    expect(await take(late, 3)).toEqual([10, 11, 12]);
    expect(await take(early, 1)).toEqual([12]);
    await Promise.all([early.return?.(), late.return?.()]);
  });
});
