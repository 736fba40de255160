import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const GUARDS = resolve(dirname(fileURLToPath(import.meta.url)), 'process-guards.ts');

/**
 * A small program that installs the guards as main.ts does and then lets one thing escape: a
 * rejected promise, an `error` event about a lost connection, or a plain bug. It says so when it
 * is still running a moment later, and when it is stopped.
 */
const PROGRAM = `
import { EventEmitter } from 'node:events';
import { installProcessGuards } from ${JSON.stringify(GUARDS)};

installProcessGuards({
  logger: { error: (message) => console.error('ERROR', message), fatal: (message) => console.error('FATAL', message) },
  survivable: (error) => (error as { code?: string } | null)?.code === 'ECONNRESET',
  stop: async () => console.log('stopping the app'),
  stopDeadlineMs: 2_000,
});

async function writeReport(): Promise<void> {
  throw new Error('the report could not be written');
}

switch (process.argv[2]) {
  case 'rejection':
    // Nobody awaits this: the bug the guard is for.
    writeReport();
    break;
  case 'lost connection': {
    const connection = new EventEmitter();
    setImmediate(() => connection.emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })));
    break;
  }
  case 'bug':
    setImmediate(() => {
      throw new TypeError('half-way through changing shared state');
    });
    break;
}
setTimeout(() => console.log('still running'), 300);
`;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('process guards', () => {
  let dir: string;
  let program: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tiltak-guards-'));
    await writeFile(join(dir, 'program.ts'), PROGRAM);
    program = join(dir, 'program.mjs');
    await build({
      entryPoints: [join(dir, 'program.ts')],
      outfile: program,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (scenario: string) =>
    new Promise<Outcome>((resolveRun, reject) => {
      const child = spawn(process.execPath, [program, scenario], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolveRun({ code, stdout, stderr }));
    });

  it('logs an unhandled rejection with its stack, and the process keeps running', async () => {
    const { code, stdout, stderr } = await run('rejection');
    expect(stderr).toContain('ERROR An unhandled promise rejection escaped; Tiltak keeps running.');
    expect(stderr).toContain('Error: the report could not be written');
    // Where it came from: the function that failed, in the program's own source.
    expect(stderr).toMatch(/at writeReport \(.*program\.mjs:\d+/);
    expect(stdout).toContain('still running');
    expect(code).toBe(0);
  });

  it('logs an uncaught error about a lost connection, and the process keeps running', async () => {
    const { code, stdout, stderr } = await run('lost connection');
    expect(stderr).toContain('ERROR An uncaught error about one connection escaped; Tiltak keeps running.');
    expect(stderr).toContain("code: 'ECONNRESET'");
    expect(stdout).toContain('still running');
    expect(code).toBe(0);
  });

  it('logs any other uncaught exception as fatal, stops the app and exits with 1', async () => {
    const { code, stdout, stderr } = await run('bug');
    expect(stderr).toContain('FATAL An uncaught exception escaped; Tiltak stops so that it can be started clean.');
    expect(stderr).toContain('TypeError: half-way through changing shared state');
    expect(stdout).toContain('stopping the app');
    expect(stdout).not.toContain('still running');
    expect(code).toBe(1);
  });
});
