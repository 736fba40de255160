import { SilencingProxy } from '@tiltak/api-data-access/testing';
import { Subscriber } from '../testing/subscriber';
import { type GraphqlClient, graphqlClient, startTestApi, type TestApi } from '../testing/test-api';

const UPDATE = 'mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }';

/**
 * The network between an API instance and PostgreSQL goes silent: no FIN, no RST, the packets just
 * stop, as when a firewall forgets the connections. Every connection the instance had open (its
 * pool, its change feed's listener, presence) is cut off this way; a second instance, and new
 * connections, still get through.
 */
describe('live changes when the connection to the database goes silent', () => {
  let proxy: SilencingProxy | undefined;
  let api: TestApi;
  let other: { url: string; close(): Promise<void> };
  let subscriber: Subscriber | undefined;
  let target: { actionId: string; municipalityId: string };

  /** One change to the target action's municipality note, through `client`. */
  const change = async (client: GraphqlClient, note: string) => {
    const [{ version }] = await api.db.dataSource.query(
      'SELECT version FROM participation WHERE action_id = $1 AND municipality_id = $2',
      [target.actionId, target.municipalityId],
    );
    await client.data(UPDATE, { input: { ...target, expectedVersion: version, note } });
  };

  beforeAll(async () => {
    api = await startTestApi(
      // A pooled connection is given up after 2 s + 1 s without an answer.
      { DATABASE_STATEMENT_TIMEOUT_MS: '2000', DATABASE_CONNECT_TIMEOUT_MS: '1000' },
      {
        reachDatabase: async (url) => {
          proxy = await SilencingProxy.start(url);
          return proxy.url;
        },
      },
    );
    other = await api.anotherInstance();
    const [row] = await api.db.dataSource.query('SELECT action_id, municipality_id FROM participation LIMIT 1');
    target = { actionId: row.action_id, municipalityId: row.municipality_id };
  });

  afterAll(async () => {
    await proxy?.close();
    await subscriber?.close();
    await other?.close();
    await api?.close();
  });

  it('delivers what was committed meanwhile within 15 s, each change once and in order, and serves again', async () => {
    const token = await api.tokenFor('admin@tiltak.test');
    const throughSilenced = graphqlClient(api.url, () => ({ authorization: `Bearer ${token}` }));
    const throughOther = graphqlClient(other.url, () => ({ authorization: `Bearer ${token}` }));
    subscriber = new Subscriber(api.url, token);
    await subscriber.ready();
    await change(throughSilenced, 'Før stillheten');
    await subscriber.until((received) => received.length === 1);

    expect(proxy?.silence()).toBeGreaterThan(0);
    const silencedAt = Date.now();
    for (let n = 1; n <= 5; n++) await change(throughOther, `Under stillheten ${n}`);

    await subscriber.until((received) => received.length === 6, 15_000 - (Date.now() - silencedAt));
    expect(Date.now() - silencedAt).toBeLessThan(15_000);
    const committed: { seq: string }[] = await api.db.dataSource.query(
      'SELECT seq::text FROM change_event WHERE seq >= $1 ORDER BY seq',
      [subscriber.received[0].seq],
    );
    expect(subscriber.received.map((r) => r.seq)).toEqual(committed.map((r) => r.seq));
    // Each change came with the action as it is now, read through the instance's pool: it recovered.
    expect(subscriber.received.map((r) => r.action?.id)).toEqual(Array(6).fill(target.actionId));

    await change(throughSilenced, 'Etter stillheten');
    await subscriber.until((received) => received.length === 7);
    expect(new Set(subscriber.received.map((r) => r.seq)).size).toBe(7);
    expect(subscriber.closedWith).toBeUndefined();
  }, 60_000);
});
