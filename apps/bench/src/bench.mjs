// `npm run bench`: Tiltak's live layer and API measured against the production build on a real
// PostgreSQL, each figure beside a baseline measured in the same run. See docs/benchmarks.md.
// BENCH_ONLY=mutations,matrix runs only those parts (delivery, mutations, matrix); unset, it runs them all.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ask, cpuMs, freshDatabase, rssKiB, startNode, stop } from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tiltak_bench';
const SUBSCRIBER_COUNTS = (process.env.BENCH_SUBSCRIBERS ?? '1000,5000').split(',').map(Number);
const PARTS = ['delivery', 'mutations', 'matrix'];
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((part) => part.trim())
  .filter(Boolean);
const unknownParts = ONLY.filter((part) => !PARTS.includes(part));
if (unknownParts.length > 0) {
  console.error(`BENCH_ONLY: unknown part ${unknownParts.join(', ')}; the parts are ${PARTS.join(', ')}`);
  process.exit(2);
}
const selected = (part) => ONLY.length === 0 || ONLY.includes(part);
const REPETITIONS = 3;
const EVENTS = 10;
const AUTH_SECRET = 'benchmark-secret-that-is-at-least-thirty-two-characters';

const now = () => Number(process.hrtime.bigint() / 1000n) / 1000;
const sorted = (values) => [...values].sort((a, b) => a - b);
const percentile = (values, p) => sorted(values)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const median = (values) => percentile(values, 50);
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const summary = (values, unit, digits = 1) =>
  `median ${fmt(median(values), digits)} ${unit} (min–max ${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})`;
const lines = [];
const report = (line) => {
  lines.push(line);
  console.log(line);
};

async function graphql(url, token, query, variables = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const signIn = async (url, email) =>
  (await graphql(url, null, `mutation { login(email: "${email}", password: "tiltak-demo") { accessToken } }`)).login
    .accessToken;

async function delivery(apiUrl, apiPid, token, adminToken, count) {
  const subscribers = await startNode(join(here, 'subscribers.mjs'), [], {}, /subscribers ready/);
  const rssBefore = rssKiB(apiPid);
  await ask(
    subscribers,
    { type: 'connect', mode: 'graphql', url: `${apiUrl.replace('http', 'ws')}/graphql`, token, count },
    'connected',
  );
  const perSubscriber = ((rssKiB(apiPid) - rssBefore) / count).toFixed(1);
  const latencies = [];
  const cpuPerDelivery = [];
  let lost = 0;
  let duplicated = 0;
  for (let rep = 0; rep < REPETITIONS; rep++) {
    latencies.push([]);
    const cpuBefore = cpuMs(apiPid);
    for (let event = 0; event < EVENTS; event++) {
      const started = now();
      const { createParty } = await graphql(
        apiUrl,
        adminToken,
        `mutation { createParty(input: { name: "Benk ${count}-${rep}-${event}-${Date.now()}", kind: NETWORK }) { id } }`,
      );
      const result = await ask(subscribers, { type: 'report', key: createParty.id }, 'report');
      latencies[rep].push(result.last - started);
      lost += result.lost;
      duplicated += result.duplicated;
    }
    cpuPerDelivery.push(((cpuMs(apiPid) - cpuBefore) * 1000) / (EVENTS * count));
  }
  subscribers.send({ type: 'close' });
  await stop(subscribers);
  return { latencies, cpuPerDelivery, lost, duplicated, perSubscriber };
}

async function rawBaseline(count) {
  const server = await startNode(join(here, 'raw-broadcast-server.mjs'), [], {}, /raw broadcast ready on \d+/);
  const port = Number(/ready on (\d+)/.exec(server.readyOutput)[1]);
  const subscribers = await startNode(join(here, 'subscribers.mjs'), [], {}, /subscribers ready/);
  await ask(subscribers, { type: 'connect', mode: 'raw', url: `ws://127.0.0.1:${port}/raw`, count }, 'connected');
  const latencies = [];
  const cpuPerDelivery = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    latencies.push([]);
    const cpuBefore = cpuMs(server.pid);
    for (let event = 0; event < EVENTS; event++) {
      const key = `raw-${rep}-${event}`;
      const payload = JSON.stringify({
        id: '1',
        type: 'next',
        payload: {
          data: { programmeChanged: { seq: '1', entity: 'party', entityId: key, actionId: null, action: null } },
        },
      });
      const started = now();
      await fetch(`http://127.0.0.1:${port}/broadcast`, { method: 'POST', body: payload });
      const result = await ask(subscribers, { type: 'report', key }, 'report');
      latencies[rep].push(result.last - started);
    }
    cpuPerDelivery.push(((cpuMs(server.pid) - cpuBefore) * 1000) / (EVENTS * count));
  }
  subscribers.send({ type: 'close' });
  await stop(subscribers);
  await stop(server);
  return { latencies, cpuPerDelivery };
}

async function mutationThroughput(apiUrl, adminToken) {
  const { actions } = await graphql(
    apiUrl,
    adminToken,
    '{ actions(first: 100) { edges { node { id version milestones { id } } } } }',
  );
  const targets = actions.edges
    .map((e) => e.node)
    .filter((a) => a.milestones.length === 0)
    .slice(0, 8);
  const rates = [];
  const p95s = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const latencies = [];
    const deadline = Date.now() + 10_000;
    await Promise.all(
      targets.map(async (target) => {
        let version = (await graphql(apiUrl, adminToken, `{ action(id: "${target.id}") { version } }`)).action.version;
        while (Date.now() < deadline) {
          const started = now();
          const data = await graphql(
            apiUrl,
            adminToken,
            'mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { version } }',
            { input: { actionId: target.id, expectedVersion: version, progress: Math.floor(Math.random() * 100) } },
          );
          version = data.updateActionStatus.version;
          latencies.push(now() - started);
        }
      }),
    );
    rates.push(latencies.length / 10);
    p95s.push(percentile(latencies, 95));
  }
  return { rates, p95s, clients: targets.length };
}

/**
 * 8 clients, each with its own milestone (on different actions while there are enough), alternately
 * completing and reopening it for 10 s a repetition. Versions come from the mutation's answer, so a
 * conflict or any other error is a fault of the API: it is counted, and the client re-reads its milestone.
 */
async function milestoneThroughput(apiUrl, adminToken) {
  const milestonesOf = async () =>
    (
      await graphql(
        apiUrl,
        adminToken,
        '{ actions(first: 100) { edges { node { id milestones { id version completedOn } } } } }',
      )
    ).actions.edges.map((e) => e.node);
  const byRank = [];
  for (const action of await milestonesOf()) {
    action.milestones.forEach((milestone, rank) => (byRank[rank] ??= []).push(milestone));
  }
  const targets = byRank.flat().slice(0, 8);
  const state = new Map(targets.map((m) => [m.id, { version: m.version, completed: m.completedOn !== null }]));
  const document = (name) =>
    `mutation($input: MilestoneVersionInput!) { ${name}(input: $input) { milestones { id version completedOn } } }`;
  const rates = [];
  const p95s = [];
  let errors = 0;
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const latencies = [];
    const deadline = Date.now() + 10_000;
    await Promise.all(
      targets.map(async ({ id }) => {
        const mine = state.get(id);
        while (Date.now() < deadline) {
          const name = mine.completed ? 'reopenMilestone' : 'completeMilestone';
          const started = now();
          try {
            const data = await graphql(apiUrl, adminToken, document(name), {
              input: { milestoneId: id, expectedVersion: mine.version },
            });
            const after = data[name].milestones.find((m) => m.id === id);
            latencies.push(now() - started);
            mine.version = after.version;
            mine.completed = after.completedOn !== null;
          } catch (error) {
            errors++;
            if (errors <= 3) console.error(`${name} failed: ${error.message}`);
            const fresh = (await milestonesOf()).flatMap((a) => a.milestones).find((m) => m.id === id);
            mine.version = fresh.version;
            mine.completed = fresh.completedOn !== null;
          }
        }
      }),
    );
    rates.push(latencies.length / 10);
    p95s.push(percentile(latencies, 95));
  }
  return { rates, p95s, errors, clients: targets.length };
}

function pgbench() {
  const url = new URL(DATABASE_URL);
  const args = [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    url.pathname.slice(1),
  ];
  execFileSync(
    'psql',
    [
      ...args.slice(0, 6),
      '-d',
      args[6],
      '-q',
      '-c',
      'CREATE TABLE IF NOT EXISTS bench_row (id int PRIMARY KEY, v int NOT NULL DEFAULT 0); INSERT INTO bench_row SELECT g FROM generate_series(1, 100) g ON CONFLICT DO NOTHING',
    ],
    { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
  );
  const script = join(tmpdir(), 'tiltak-bench-update.sql');
  writeFileSync(script, '\\set id random(1, 100)\nUPDATE bench_row SET v = v + 1 WHERE id = :id;\n');
  const rates = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const output = execFileSync('pgbench', ['-n', '-c', '8', '-j', '2', '-T', '10', '-f', script, ...args], {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
    }).toString();
    rates.push(Number(/tps = ([\d.]+)/.exec(output)[1]));
  }
  return rates;
}

async function growActions(db, total) {
  await db.query(
    `
    WITH p AS (SELECT id, region_id FROM programme LIMIT 1),
         f AS (SELECT array_agg(id ORDER BY sort_order) AS ids FROM focus_area),
         have AS (SELECT count(*) AS n FROM action)
    INSERT INTO action (programme_id, focus_area_id, code, title, status, start_date, due_date, progress)
    SELECT p.id, f.ids[1 + g % array_length(f.ids, 1)],
           'Q' || chr((65 + (g / 9999) % 26)::int) || chr((65 + (g / 259974) % 26)::int) || '-' || (g % 9999 + 1),
           'Syntetisk tiltak ' || g,
           (ARRAY['NOT_STARTED','IN_PROGRESS','IN_PROGRESS','ON_HOLD','COMPLETED','CANCELLED'])[1 + g % 6],
           DATE '2025-01-01' + (g % 300)::int, DATE '2027-01-01' + (g % 500)::int, (g % 101)::int
      FROM p, f, have, generate_series(have.n + 1, $1::bigint) g`,
    [total],
  );
  await db.query(`
    INSERT INTO participation (action_id, municipality_id)
    SELECT a.id, m.id FROM action a
      JOIN LATERAL (SELECT id FROM municipality ORDER BY md5(a.id::text || id::text) LIMIT 2) m ON true
     WHERE a.title LIKE 'Syntetisk%' AND NOT EXISTS (SELECT 1 FROM participation x WHERE x.action_id = a.id)`);
  // The inserts above bypass the write path: compute the kept progress figures from the rows.
  await db.query(`SELECT tiltak_rebuild_figures((now() AT TIME ZONE 'Europe/Oslo')::date)`);
  await db.query('ANALYZE');
}

async function matrixTimes(apiUrl, token, db) {
  const api = [];
  const raw = [];
  for (let i = 0; i < 23; i++) {
    let started = now();
    await graphql(apiUrl, token, '{ progressMatrix { municipalityId focusAreaId progress actionCount } }');
    if (i >= 3) api.push(now() - started);
    started = now();
    await db.query(`SELECT p.municipality_id, a.focus_area_id, count(*), avg(a.progress)
                      FROM action a JOIN participation p ON p.action_id = a.id GROUP BY 1, 2`);
    if (i >= 3) raw.push(now() - started);
  }
  return { api, raw };
}

async function main() {
  console.log(`Tiltak benchmark on ${DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}`);
  execFileSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { cwd: root, stdio: 'ignore' });
  await freshDatabase(DATABASE_URL);
  const port = 3900 + Math.floor(Math.random() * 90);
  const api = await startNode(
    join(root, 'dist/apps/api/main.mjs'),
    [],
    {
      NODE_ENV: 'production',
      DATABASE_URL,
      AUTH_SECRET,
      DEMO_DATA: 'always',
      PORT: String(port),
      LOG_LEVEL: 'log',
      NODE_OPTIONS: '',
      // Thousands of subscribers as one user from one address: far past what the limits allow people.
      RATE_LIMIT_QUERIES_PER_USER: '1000000',
      RATE_LIMIT_QUERIES_PER_ADDRESS: '1000000',
    },
    /Tiltak is running at/,
  );
  const apiUrl = `http://127.0.0.1:${port}`;
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const councilToken = await signIn(apiUrl, 'rad@tiltak.test');
    const adminToken = await signIn(apiUrl, 'admin@tiltak.test');

    for (const count of selected('delivery') ? SUBSCRIBER_COUNTS : []) {
      const live = await delivery(apiUrl, api.pid, councilToken, adminToken, count);
      const raw = await rawBaseline(count);
      const p50 = (runs) => runs.map((run) => median(run));
      const p95 = (runs) => runs.map((run) => percentile(run, 95));
      report(
        `delivery p50, ${count} subscribers: ${summary(p50(live.latencies), 'ms')} | raw ws broadcast: ${summary(p50(raw.latencies), 'ms')}`,
      );
      report(
        `delivery p95, ${count} subscribers: ${summary(p95(live.latencies), 'ms')} | raw ws broadcast: ${summary(p95(raw.latencies), 'ms')} | ratio ${fmt(median(p95(live.latencies)) / median(p95(raw.latencies)), 2)}`,
      );
      report(`events lost, ${count} subscribers: ${live.lost} | duplicated: ${live.duplicated}`);
      report(
        `server CPU per delivered event, ${count} subscribers: ${summary(live.cpuPerDelivery, 'µs')} | raw ws broadcast: ${summary(raw.cpuPerDelivery, 'µs')} | ratio ${fmt(median(live.cpuPerDelivery) / median(raw.cpuPerDelivery), 2)}`,
      );
      report(`resident memory per subscriber, ${count} subscribers: ${live.perSubscriber} KiB`);
    }

    if (selected('mutations')) {
      const mutations = await mutationThroughput(apiUrl, adminToken);
      const milestones = await milestoneThroughput(apiUrl, adminToken);
      const bench = pgbench();
      report(
        `status-update mutations/s, ${mutations.clients} clients: ${summary(mutations.rates, '/s')} | pgbench single-row updates, 8 clients: ${summary(bench, '/s')} | ratio ${fmt(median(mutations.rates) / median(bench), 3)}`,
      );
      report(`status-update mutation p95: ${summary(mutations.p95s, 'ms')}`);
      report(
        `completeMilestone mutations/s, ${milestones.clients} clients: ${summary(milestones.rates, '/s')} | pgbench single-row updates, 8 clients: ${summary(bench, '/s')} | ratio ${fmt(median(milestones.rates) / median(bench), 3)}`,
      );
      report(`completeMilestone mutation p95: ${summary(milestones.p95s, 'ms')}`);
      report(`completeMilestone mutation errors: ${milestones.errors}`);
    }

    for (const size of selected('matrix') ? [10_000, 100_000] : []) {
      await growActions(db, size);
      const runs = [];
      for (let rep = 0; rep < REPETITIONS; rep++) runs.push(await matrixTimes(apiUrl, councilToken, db));
      const apiP95 = runs.map((run) => percentile(run.api, 95));
      const rawP95 = runs.map((run) => percentile(run.raw, 95));
      report(
        `progressMatrix p95, ${size} actions: ${summary(apiP95, 'ms')} | raw SQL aggregate p95: ${summary(rawP95, 'ms')}`,
      );
    }
  } finally {
    await db.end();
    await stop(api);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
