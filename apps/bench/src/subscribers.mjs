// Many subscribers in one process: GraphQL subscriptions over graphql-ws, or raw WebSocket clients.
// It reports, per event, when the last subscriber received it (monotonic clock shared with the
// parent process) and how many receipts were missing or repeated.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const SUBSCRIPTION = `subscription { programmeChanged { seq entity entityId actionId action { id progress version } } }`;
const received = new Map(); // event key -> { count, last, perClient: Map }
const clients = [];
let total = 0;

function record(clientIndex, key) {
  const now = Number(process.hrtime.bigint() / 1000n) / 1000;
  const entry = received.get(key) ?? { count: 0, last: 0, clients: new Set(), duplicates: 0 };
  if (entry.clients.has(clientIndex)) entry.duplicates++;
  entry.clients.add(clientIndex);
  entry.count++;
  entry.last = Math.max(entry.last, now);
  received.set(key, entry);
}

async function connectGraphql(url, token, count) {
  for (let batch = 0; batch < count; batch += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, count - batch) }, (_, i) => {
        const index = batch + i;
        return new Promise((resolve, reject) => {
          const client = createClient({
            url,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${token}` },
            lazy: false,
            retryAttempts: 0,
            onNonLazyError: reject,
            on: { connected: () => setTimeout(resolve, 0) },
          });
          client.subscribe(
            { query: SUBSCRIPTION },
            {
              next: ({ data }) => record(index, data.programmeChanged.entityId),
              error: () => undefined,
              complete: () => undefined,
            },
          );
          clients.push({ close: () => client.dispose() });
        });
      }),
    );
  }
}

async function connectRaw(url, count) {
  for (let batch = 0; batch < count; batch += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - batch) }, (_, i) => {
        const index = batch + i;
        return new Promise((resolve, reject) => {
          const socket = new WebSocket(url);
          socket.on('open', resolve);
          socket.on('error', reject);
          socket.on('message', (data) =>
            record(index, JSON.parse(data.toString()).payload.data.programmeChanged.entityId),
          );
          clients.push({ close: () => socket.close() });
        });
      }),
    );
  }
}

process.on('message', async (message) => {
  if (message.type === 'connect') {
    total = message.count;
    if (message.mode === 'graphql') await connectGraphql(message.url, message.token, message.count);
    else await connectRaw(message.url, message.count);
    // A moment for the server to register the subscriptions.
    setTimeout(() => process.send({ type: 'connected' }), 500);
  } else if (message.type === 'report') {
    const entry = received.get(message.key);
    const deadline = Date.now() + 10_000;
    while ((received.get(message.key)?.clients.size ?? 0) < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const done = received.get(message.key) ?? entry ?? { clients: new Set(), last: NaN, duplicates: 0 };
    process.send({ type: 'report', last: done.last, lost: total - done.clients.size, duplicated: done.duplicates });
  } else if (message.type === 'close') {
    await Promise.all(clients.map((client) => client.close()));
    process.exit(0);
  }
});
console.log('subscribers ready');
