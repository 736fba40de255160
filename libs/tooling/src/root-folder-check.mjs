// `node libs/tooling/src/root-folder-check.mjs`: what a newcomer does as root with a clone in a home
// folder only root may enter (like /root). Clones this commit into a fresh folder of mode 700, runs
// `npm ci` and `npm start` there, and checks that Tiltak serves the API and the dashboard, stops
// cleanly on Ctrl-C (SIGINT to the whole process group, as a terminal sends it), and still has its
// data at the next start. Prints how long each step took; exits 1 if any check fails.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const HEALTHY_WITHIN_MS = 600_000;
const STOPPED_WITHIN_MS = 10_000;

const began = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[root-folder-check] ${message}`);

class CheckFailed extends Error {}
const check = (condition, message) => {
  if (!condition) throw new CheckFailed(message);
};

async function step(name, work) {
  const started = Date.now();
  const result = await work();
  say(`${name}: ok (${seconds(started)})`);
  return result;
}

function run(command, args, cwd) {
  const done = spawnSync(command, args, { cwd, stdio: 'inherit', env: environment() });
  check(done.status === 0, `${command} ${args.join(' ')} ended with ${done.status ?? done.signal}`);
}

/** The caller's environment, less what would point Tiltak at another database or data folder. */
function environment(extra = {}) {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NO_COLOR: '1', ...extra };
  for (const name of ['DATABASE_URL', 'TILTAK_DATA_DIR', 'EMBEDDED_DATABASE_PORT', 'NODE_ENV', 'NODE_OPTIONS']) {
    delete env[name];
  }
  return env;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

const running = new Set();

/** `npm start` in its own process group, its output kept in a log file beside the clone. */
async function npmStart(clone, logFile) {
  const port = await freePort();
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn('npm', ['start'], {
    cwd: clone,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: environment({ PORT: String(port) }),
  });
  running.add(child);
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output += chunk;
      log.write(chunk);
    });
  }
  const exited = new Promise((resolveExit) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      log.end();
      resolveExit({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + HEALTHY_WITHIN_MS; ;) {
    check(child.exitCode === null && child.signalCode === null, `npm start ended before it served:\n${output}`);
    check(Date.now() < deadline, `npm start did not answer /health within ${HEALTHY_WITHIN_MS / 1000} s`);
    const health = await fetch(`${url}/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (health === 200) break;
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
  return { child, url, exited, output: () => output };
}

/**
 * Ctrl-C in a terminal: SIGINT to every process in the group. npm itself dies of it (a shell shows
 * 130); what counts is that Tiltak says it stopped, with no error, and that nothing of it is left:
 * no process, no lock on the data folder, no postmaster.pid (PostgreSQL removes it when it shuts down cleanly).
 */
async function interrupt(started, clone) {
  const since = Date.now();
  process.kill(-started.child.pid, 'SIGINT');
  const timer = setTimeout(() => groupKill(started.child.pid), STOPPED_WITHIN_MS);
  const { code, signal } = await started.exited;
  check(code === 0 || signal === 'SIGINT', `npm start ended with ${code ?? signal} after Ctrl-C:\n${started.output()}`);
  for (const deadline = since + STOPPED_WITHIN_MS; groupAlive(started.child.pid);) {
    check(Date.now() < deadline, `processes of npm start were still running ${STOPPED_WITHIN_MS} ms after Ctrl-C`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  clearTimeout(timer);
  const afterStop = started.output().slice(started.output().indexOf('SIGINT received'));
  check(/Tiltak has stopped/.test(afterStop), `Tiltak did not say it stopped:\n${afterStop}`);
  check(!/\b(ERROR|FATAL)\b/.test(afterStop), `Tiltak's stop was not clean:\n${afterStop}`);
  check(!existsSync(join(clone, '.data', 'tiltak.lock')), 'the data folder is still locked');
  check(!existsSync(join(clusterOf(clone), 'postmaster.pid')), 'PostgreSQL did not shut down cleanly');
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function groupKill(pgid) {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function signIn(url) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation { login(email: "admin@tiltak.test", password: "tiltak-demo") { accessToken } }',
    }),
  });
  const body = await response.json();
  check(body.data?.login?.accessToken, `could not sign in as the demo admin: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

async function graphql(url, token, query) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  check(body.data, `${query} failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The embedded cluster this check's clone made: where its note says, or inside its data folder. */
function clusterOf(clone) {
  const dataDir = join(clone, '.data');
  const note = join(dataDir, 'postgres-location.txt');
  if (!existsSync(note)) return join(dataDir, 'postgres');
  return readFileSync(note, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('/'));
}

/** Whatever happened, no PostgreSQL of this check keeps running, and its cluster goes with the clone. */
function cleanUp(top, clone) {
  for (const child of running) groupKill(child.pid);
  const cluster = existsSync(clone) ? clusterOf(clone) : undefined;
  if (cluster) {
    const pidFile = join(cluster, 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    if (!cluster.startsWith(top)) rmSync(cluster, { recursive: true, force: true });
  }
  rmSync(top, { recursive: true, force: true });
}

const top = mkdtempSync(join(tmpdir(), 'tiltak-root-folder-'));
chmodSync(top, 0o700);
const clone = join(top, 'tiltak');
const logFile = join(tmpdir(), `${top.split('/').pop()}.log`);
let failed = false;
try {
  const asRoot = process.getuid?.() === 0;
  say(
    `clone in ${top} (mode 700), running as ${asRoot ? 'root' : 'uid ' + process.getuid?.()}; npm start's output goes to ${logFile}`,
  );
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repository, encoding: 'utf8' }).stdout.trim();
  await step(`git clone (${commit.slice(0, 12)})`, () => {
    run('git', ['clone', '-q', repository, clone]);
    run('git', ['-C', clone, 'checkout', '-q', '--detach', commit]);
  });
  await step('npm ci', () => run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], clone));

  const first = await step('npm start (build, new cluster, demo data) until /health is 200', () =>
    npmStart(clone, logFile),
  );
  const programmeId = await step('GET / serves the dashboard, and the demo programme is there', async () => {
    const page = await fetch(`${first.url}/`);
    const html = await page.text();
    check(page.status === 200, `GET / answered ${page.status}`);
    check(/text\/html/.test(page.headers.get('content-type') ?? ''), `GET / is ${page.headers.get('content-type')}`);
    check(
      /<title>Tiltak<\/title>/.test(html) && /<div id="root">/.test(html) && /<script[^>]+src=/.test(html),
      `GET / is not the dashboard:\n${html}`,
    );
    const token = await signIn(first.url);
    const { currentProgramme } = await graphql(first.url, token, '{ currentProgramme { id name } }');
    check(currentProgramme?.id, 'no current programme');
    if (asRoot) {
      check(
        first.output().includes('keeps its data in /var/lib/tiltak/clusters/'),
        'the log does not say that the cluster lives under /var/lib/tiltak/clusters',
      );
    }
    return currentProgramme.id;
  });
  await step('Ctrl-C stops Tiltak and its PostgreSQL cleanly', () => interrupt(first, clone));

  const second = await step('npm start again until /health is 200', () => npmStart(clone, logFile));
  await step('the data survived: the same demo programme', async () => {
    const token = await signIn(second.url);
    const { currentProgramme } = await graphql(second.url, token, '{ currentProgramme { id } }');
    check(currentProgramme?.id === programmeId, `the programme is ${currentProgramme?.id}, was ${programmeId}`);
  });
  await step('Ctrl-C stops them cleanly again', () => interrupt(second, clone));
} catch (error) {
  failed = true;
  say(`FAILED: ${error instanceof CheckFailed ? error.message : error?.stack}`);
  if (existsSync(logFile)) say(`npm start's output is in ${logFile}`);
} finally {
  cleanUp(top, clone);
}
say(`${failed ? 'failed' : 'passed'} in ${seconds(began)}`);
if (!failed) rmSync(logFile, { force: true });
process.exit(failed ? 1 : 0);
