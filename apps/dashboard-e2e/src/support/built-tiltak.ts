import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from '@tiltak/api-data-access';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const MAIN = resolve(workspaceRoot, 'dist/apps/api/main.mjs');

const running = new Set<ChildProcess>();
// A test that fails half-way must not leave Tiltak (and its database) running after jest is done.
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export interface BuiltTiltak {
  url: string;
  process: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code and how long the stop took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; milliseconds: number }>;
}

/**
 * Runs the production build exactly as `npm start` does, as a separate process, and waits until
 * /health answers. `env` replaces the variables Tiltak reads; DATABASE_URL is only set if given.
 */
export async function startBuiltTiltak(
  env: Record<string, string>,
  timeoutMs = 45_000,
  fixedPort?: number,
): Promise<BuiltTiltak> {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run the browser tests through npm test, which builds first`);
  const port = fixedPort ?? (await freeLoopbackPort());
  const { child, output: collected, exited } = spawnBuilt({ PORT: String(port), ...env });
  const output = () => collected.text;

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Tiltak exited during start-up:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Tiltak did not answer /health within ${timeoutMs} ms:\n${output()}`);
    }
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    process: child,
    output,
    async stop(signal = 'SIGINT') {
      const started = Date.now();
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      return { code, milliseconds: Date.now() - started };
    },
  };
}

/**
 * Runs the production build until it ends by itself (a start that fails) and returns its exit code
 * and everything it wrote.
 */
export async function runBuiltTiltakToEnd(
  env: Record<string, string>,
  timeoutMs = 45_000,
): Promise<{ code: number | null; output: string }> {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run the browser tests through npm test, which builds first`);
  const { child, output, exited } = spawnBuilt({ PORT: String(await freeLoopbackPort()), ...env });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, output: output.text };
}

function spawnBuilt(env: Record<string, string>) {
  // The test runner's own DATABASE_URL must not leak in: the lifecycle test needs the embedded database.
  const parentEnv = { ...process.env };
  delete parentEnv['DATABASE_URL'];
  const child = spawn(process.execPath, [MAIN], {
    cwd: workspaceRoot,
    env: { ...parentEnv, NODE_OPTIONS: '', NODE_ENV: 'test', LOG_LEVEL: 'log', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output = { text: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return { child, output, exited };
}

/** Processes whose command line mentions the folder: the embedded PostgreSQL and its workers. */
export async function processesUsing(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(folder)) found.push(`${pid}: ${cmdline.replaceAll('\0', ' ')}`);
  }
  return found;
}

/** Signs in through the API as a demo account and returns the access token. */
export async function signIn(url: string, email: string, password = 'tiltak-demo'): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: email, p: password },
    }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown[] };
  if (!body.data) throw new Error(`Could not sign in as ${email}: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

/** The id of the programme the API serves, as the demo admin sees it. */
export async function currentProgrammeId(url: string): Promise<string> {
  const token = await signIn(url, 'admin@tiltak.test');
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ currentProgramme { id } }' }),
  });
  const body = (await response.json()) as { data: { currentProgramme: { id: string } } };
  return body.data.currentProgramme.id;
}
