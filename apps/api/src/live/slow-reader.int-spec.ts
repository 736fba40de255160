import { connect, type NetConnectOpts, type Socket } from 'node:net';
import WebSocket from 'ws';
import { Subscriber } from '../testing/subscriber';
import { startTestApi, type TestApi } from '../testing/test-api';

const READ_TIMEOUT_MS = 1_500;
const UPDATE = 'mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }';

/**
 * A graphql-ws client by hand on a socket of its own, so that the test can stop it reading: the
 * server's messages (and its pings) then wait in TCP's buffers, as for a client that hung.
 */
class RawSubscriber {
  /** The seq of every change received, in order. */
  readonly seqs: string[] = [];
  /** Where it started: the position its `caughtUp` marker gave. */
  startedAt = '';
  readonly ready: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private tcp?: Socket;

  constructor(apiUrl: string, token: string) {
    const openSocket = (options: NetConnectOpts) => (this.tcp = connect(options));
    const ws = new WebSocket(`${apiUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      createConnection: openSocket as typeof connect,
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    this.ready = new Promise((resolve) => {
      ws.on('open', () =>
        ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
      );
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(String(data)) as {
          type: string;
          payload?: { data?: { programmeChanged: { seq: string; caughtUp: boolean } } };
        };
        if (message.type === 'connection_ack') {
          ws.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query: 'subscription { programmeChanged { seq caughtUp entity } }' },
            }),
          );
        }
        const change = message.payload?.data?.programmeChanged;
        if (change?.caughtUp) {
          this.startedAt = change.seq;
          resolve();
        } else if (change) this.seqs.push(change.seq);
      });
    });
  }

  /** Stops reading the socket: nothing the server sends is taken, not even its pings. */
  stopReading(): void {
    this.tcp?.pause();
  }

  readAgain(): void {
    this.tcp?.resume();
  }
}

describe('a live subscriber that stops reading', () => {
  let api: TestApi;
  const subscribers: Subscriber[] = [];
  let target: { actionId: string; municipalityId: string };

  const change = async (note: string) => {
    const [{ version }] = await api.db.dataSource.query(
      'SELECT version FROM participation WHERE action_id = $1 AND municipality_id = $2',
      [target.actionId, target.municipalityId],
    );
    await api.data(UPDATE, { input: { ...target, expectedVersion: version, note } });
  };

  const subscribe = async (token: string, since?: string) => {
    const subscriber = new Subscriber(api.url, token, since);
    subscribers.push(subscriber);
    await subscriber.ready();
    return subscriber;
  };

  beforeAll(async () => {
    api = await startTestApi({ LIVE_READ_TIMEOUT_MS: String(READ_TIMEOUT_MS) });
    const [row] = await api.db.dataSource.query('SELECT action_id, municipality_id FROM participation LIMIT 1');
    target = { actionId: row.action_id, municipalityId: row.municipality_id };
  });

  afterAll(async () => {
    for (const subscriber of subscribers) await subscriber.close();
    await api?.close();
  });

  it('is disconnected with 4008 after the read timeout, while one alongside carries on', async () => {
    const token = await api.tokenFor('admin@tiltak.test');
    const reader = await subscribe(token);
    const stalled = new RawSubscriber(api.url, token);
    await stalled.ready;

    stalled.stopReading();
    for (let n = 1; n <= 5; n++) await change(`Mens en leser står ${n}`);
    await reader.until((received) => received.length === 5);
    // The stalled client stays silent well past the read timeout before it looks again.
    await new Promise((resolve) => setTimeout(resolve, 3 * READ_TIMEOUT_MS));
    stalled.readAgain();

    // What was already on its way arrives, then the close: nothing was sent twice or out of order.
    const sent = reader.received.map((r) => r.seq);
    await expect(stalled.closed).resolves.toEqual({
      code: 4008,
      reason: 'Not reading: reconnect and catch up with since',
    });
    expect(stalled.seqs).toEqual(sent.slice(0, stalled.seqs.length));

    // The one that kept reading was not touched, and still hears of changes.
    await change('Etter frakoblingen');
    await reader.until((received) => received.length === 6);
    expect(reader.closedWith).toBeUndefined();

    // Coming back with the last change it saw, the stalled client gets exactly what it missed.
    const back = await subscribe(token, stalled.seqs.at(-1) ?? stalled.startedAt);
    const missed = reader.received.map((r) => r.seq).slice(stalled.seqs.length);
    await back.until((received) => received.length === missed.length);
    expect(back.received.map((r) => r.seq)).toEqual(missed);
  }, 30_000);
});
