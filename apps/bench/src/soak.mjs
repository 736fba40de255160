// `npm run soak`: two API instances on one PostgreSQL server, subscribers on both, thousands of writes
// from several users, one instance killed (SIGKILL) and started again and PostgreSQL restarted
// mid-run; then, per subscriber, events lost and duplicated, and the writes that failed. See
// docs/benchmarks.md. Flags: --subscribers 200 --mutations 10000 --duration 180 --writers 8 --down 5 --settle 60
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ask, startNode, stop } from './processes.mjs';
import { retryCauses, send, signIn } from './soak-client.mjs';
import { ApiInstance } from './soak-instances.mjs';
import { freeLoopbackPort, startSoakPostgres } from './soak-postgres.mjs';
import { printReport } from './soak-report.mjs';
import { WriteBudget, Writer } from './soak-writers.mjs';
import { setTimeout as sleep } from 'node:timers/promises';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const { values: flags } = parseArgs({
  options: Object.fromEntries(
    ['subscribers', 'mutations', 'duration', 'writers', 'down', 'settle'].map((name) => [name, { type: 'string' }]),
  ),
});
const size = (name, fallback) => {
  const value = Number(flags[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0`);
  return value;
};
const SUBSCRIBERS = size('subscribers', 200);
const MUTATIONS = size('mutations', 10_000);
const DURATION_S = size('duration', 180);
const WRITERS = size('writers', 8);
const DOWN_S = size('down', 5);
const SETTLE_S = size('settle', 60);

/** The demo users the soak signs in as; subscribers take every role in turn, writers those who may write. */
const ACCOUNTS = {
  admin: 'admin@tiltak.test',
  council: 'rad@tiltak.test',
  nes: 'koordinator.nes@tiltak.test',
  eidsvoll: 'koordinator.eidsvoll@tiltak.test',
  lead: 'leder@tiltak.test',
};
const WRITER_ROLES = ['admin', 'nes', 'eidsvoll', 'lead'];
const TOKEN_REFRESH_MS = 5 * 60_000;
const WARM_UP = 'mutation($name: String!) { createParty(input: { name: $name, kind: NETWORK }) { id } }';

const started = Date.now();
const log = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

const running = { db: null, instances: [], subscribers: null, refresh: null };
let cleaning = null;
function cleanUp() {
  cleaning ??= (async () => {
    clearInterval(running.refresh);
    if (running.subscribers) await stop(running.subscribers);
    await Promise.all(running.instances.map((instance) => instance.stop()));
    await running.db?.remove();
  })();
  return cleaning;
}
/** Stops everything, then exits with `code`; never rejects. */
const finish = (code) =>
  cleanUp().then(
    () => process.exit(code),
    (error) => {
      console.error('Could not stop everything the soak started:', error);
      process.exit(1);
    },
  );
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping everything the soak started`);
    void finish(130);
  });
}

async function startServers() {
  log('building the API (nx run api:build)');
  execFileSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { cwd: root, stdio: 'ignore' });
  running.db = await startSoakPostgres();
  const admin = new pg.Client({ connectionString: running.db.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE tiltak');
  await admin.end();
  const limit = '1000000';
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: running.db.url('tiltak'),
    AUTH_SECRET: 'soak-secret-shared-by-both-instances-0123456789',
    DEMO_DATA: 'always',
    LOG_LEVEL: 'log',
    NO_COLOR: '1',
    NODE_OPTIONS: '',
    ...Object.fromEntries(
      ['QUERIES', 'MUTATIONS', 'PRESENCE'].flatMap((kind) =>
        ['PER_USER', 'PER_ADDRESS'].map((who) => [`RATE_LIMIT_${kind}_${who}`, limit]),
      ),
    ),
    RATE_LIMIT_SIGN_INS_PER_ADDRESS: limit,
  };
  const script = join(root, 'dist/apps/api/main.mjs');
  for (const name of ['A', 'B']) {
    const instance = new ApiInstance(name, script, await freeLoopbackPort(), env);
    running.instances.push(instance);
    // One after the other: the first migrates the database and loads the demo programme.
    await instance.start();
  }
  log(`PostgreSQL 18 and instances A, B are up`);
}

async function signInAll() {
  const tokens = {};
  for (const [role, email] of Object.entries(ACCOUNTS)) tokens[role] = await signIn(running.instances, email);
  return tokens;
}

async function allHealthy(deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if ((await Promise.all(running.instances.map((instance) => instance.healthy()))).every(Boolean)) return true;
    await sleep(250);
  }
  return false;
}

/**
 * Kills B (SIGKILL) a third into the writes and starts it again; restarts PostgreSQL (fast stop, start on
 * the same port) at 55 %. Writes from half-way wait for B to serve again, and the last 30 % wait for
 * both instances to be healthy after the restart, so every run has writes during and after the faults.
 */
async function faults(budget, marks) {
  const [, b] = running.instances;
  const instanceBack = deferred();
  const faultsOver = deferred();
  budget.holdFrom(0.5, instanceBack.promise);
  budget.holdFrom(0.7, faultsOver.promise);
  await budget.when(Math.ceil(MUTATIONS / 3));
  marks.killAt = Date.now();
  await b.kill();
  log(`instance B killed (SIGKILL); starting it again in ${DOWN_S} s`);
  await sleep(DOWN_S * 1000);
  await b.start().then(
    () => log('instance B serving again'),
    (error) => {
      log(`instance B did not start again: ${error.message}; retrying`);
      b.superviseRestart();
    },
  );
  instanceBack.resolve();
  await budget.when(Math.ceil(MUTATIONS * 0.55));
  marks.pgStopAt = Date.now();
  await running.db.restart(() => log('PostgreSQL stopped (fast); starting it again'));
  log('PostgreSQL serving again');
  marks.healthy = await allHealthy(60_000);
  marks.faultsOverAt = Date.now();
  faultsOver.resolve();
  log(marks.healthy ? 'both instances healthy again' : 'an instance is still not healthy after 60 s');
}

function deferred() {
  let resolve;
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Subscribers that ask the same thing share one execution on the API, and one that joins a running
 * execution learns its position only from its first change. Warm-up changes, until every subscriber
 * has received one, give them all the same starting point before the run.
 */
async function warmUp(tokens) {
  const db = new pg.Client({ connectionString: running.db.url('tiltak') });
  await db.connect();
  try {
    for (let round = 1; round <= 20; round++) {
      const outcome = await send(running.instances, 0, () => tokens.admin, WARM_UP, { name: `Oppvarming ${round}` });
      if (outcome.kind !== 'ok') throw new Error(`The warm-up change failed: ${outcome.reason ?? outcome.kind}`);
      const newest = await newestSeqs(db);
      for (const deadline = Date.now() + 2_000; Date.now() < deadline; await sleep(100)) {
        if ((await ask(running.subscribers, { type: 'behind', newest }, 'behind')).count === 0) return;
      }
    }
    throw new Error('Some subscribers received none of 20 warm-up changes');
  } finally {
    await db.end();
  }
}

async function newestSeqs(db) {
  const { rows } = await db.query(
    `SELECT coalesce(max(seq), 0) AS "all", coalesce(max(seq) FILTER (WHERE entity <> 'user'), 0) AS programme FROM change_event`,
  );
  return { all: Number(rows[0].all), programme: Number(rows[0].programme) };
}

async function settle(db) {
  const deadline = Date.now() + SETTLE_S * 1000;
  for (;;) {
    const newest = await newestSeqs(db);
    const { count } = await ask(running.subscribers, { type: 'behind', newest }, 'behind');
    if (count === 0) return true;
    if (Date.now() > deadline) {
      log(`${count} subscriber(s) still behind after ${SETTLE_S} s`);
      return false;
    }
    await sleep(250);
  }
}

async function main() {
  await startServers();
  const tokens = await signInAll();
  const urls = running.instances.map((instance) => `${instance.url.replace('http', 'ws')}/graphql`);
  running.subscribers = await startNode(join(here, 'soak-subscribers.mjs'), [], {}, /subscribers ready/);
  const roles = Object.keys(ACCOUNTS);
  const plan = Array.from({ length: SUBSCRIBERS }, (_, i) => ({ role: roles[i % roles.length], home: i % 2 }));
  await ask(running.subscribers, { type: 'start', tokens, urls, subscribers: plan }, 'connected');
  await warmUp(tokens);
  await ask(running.subscribers, { type: 'begin' }, 'begun');
  log(`${SUBSCRIBERS} subscribers live on A and B`);

  running.refresh = setInterval(() => {
    signInAll().then(
      (fresh) => {
        Object.assign(tokens, fresh);
        running.subscribers.send({ type: 'tokens', tokens: fresh });
      },
      (error) => log(`could not renew the sign-ins: ${error.message}`),
    );
  }, TOKEN_REFRESH_MS);

  const stats = { ok: 0, conflicts: 0, retried: 0, failed: 0, failures: new Map() };
  const writers = Array.from({ length: WRITERS }, (_, i) => {
    const role = WRITER_ROLES[i % WRITER_ROLES.length];
    return new Writer(ACCOUNTS[role], running.instances, i % 2, () => tokens[role], stats);
  });
  await Promise.all(writers.map((writer) => writer.load()));

  const budget = new WriteBudget(MUTATIONS, DURATION_S * 1000);
  const marks = {};
  log(`${MUTATIONS} writes by ${WRITERS} clients, paced over ${DURATION_S} s`);
  budget.start();
  marks.startAt = Date.now();
  const progress = setInterval(
    () =>
      log(`writes ${budget.done}/${MUTATIONS}: ok ${stats.ok}, conflicts ${stats.conflicts}, failed ${stats.failed}`),
    15_000,
  );
  const faultsDone = faults(budget, marks);
  await Promise.all([...writers.map((writer) => writer.run(budget)), faultsDone]);
  clearInterval(progress);
  marks.writesDoneAt = Date.now();
  log('writes done; waiting for delivery to settle');

  const db = new pg.Client({ connectionString: running.db.url('tiltak') });
  await db.connect();
  try {
    marks.settled = await settle(db);
    marks.settledAt = Date.now();
    const { rows } = await db.query('SELECT seq::int, entity FROM change_event ORDER BY seq');
    const events = rows.map((row) => [row.seq, row.entity]);
    const report = await ask(running.subscribers, { type: 'report', events, marks }, 'report');
    return printReport({
      sizes: { SUBSCRIBERS, MUTATIONS, WRITERS, DURATION_S },
      marks,
      stats,
      retryCauses,
      report,
      unexpectedExits: ApiInstance.unexpectedExits,
      instances: running.instances,
    });
  } finally {
    await db.end();
  }
}

main().then(
  (passed) => finish(passed ? 0 : 1),
  (error) => {
    console.error(error);
    return finish(1);
  },
);
