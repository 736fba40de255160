import { type ChildProcess, spawn } from 'node:child_process';
import type { PostgresAccount } from './postgres-account';

const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Why PostgreSQL (or initdb) did not start, with what it said last. */
export class PostgresStartFailure extends Error {
  constructor(
    readonly reason: 'port-in-use' | 'data-in-use' | 'cannot-run' | 'failed',
    readonly lastWords: string,
  ) {
    super(lastWords);
    this.name = 'PostgresStartFailure';
  }
}

export interface PostgresRun {
  /** The binary to run and its arguments. */
  command: string;
  args: string[];
  account: PostgresAccount | undefined;
  /** A folder the account can reach (the binaries must not depend on the caller's working folder). */
  cwd: string;
  log: (line: string) => void;
}

/** A running postmaster. */
export interface PostgresProcess {
  pid: number;
  /** Settles when the process has gone, however it went; never rejects. */
  exited: Promise<ProcessExit>;
  /** The last error lines it wrote, for telling people why it stopped. */
  lastWords(): string;
  /** Fast shutdown, then immediate, then SIGKILL if it takes too long. */
  stop(): Promise<void>;
}

/** Runs initdb (or another program that ends by itself) to the end. */
export async function runToEnd(run: PostgresRun): Promise<void> {
  const child = launch(run);
  const exit = await child.exited;
  if (exit.code !== 0) throw child.failure(exit);
}

/** Starts postgres and resolves once it accepts connections. */
export async function startPostgres(run: PostgresRun): Promise<PostgresProcess> {
  const child = launch(run, (line) => line.includes(READY));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), START_TIMEOUT_MS);
  });
  const outcome = await Promise.race([child.ready.then(() => 'ready' as const), child.exited, timedOut]);
  clearTimeout(timer);
  if (outcome === 'ready') return child.running();
  if (outcome === 'timed out') {
    await child.running().stop();
    throw new PostgresStartFailure('failed', `it was not ready after ${START_TIMEOUT_MS / 1000} seconds`);
  }
  throw child.failure(outcome);
}

interface Launched {
  process: ChildProcess;
  exited: Promise<ProcessExit>;
  ready: Promise<void>;
  failure(exit: ProcessExit): PostgresStartFailure;
  running(): PostgresProcess;
}

function launch(run: PostgresRun, isReadyLine: (line: string) => boolean = () => false): Launched {
  const child = spawn(run.command, run.args, {
    cwd: run.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its messages are read to know when it is ready and why it stopped: keep them in English.
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      ...(process.env['TZ'] && { TZ: process.env['TZ'] }),
      LC_MESSAGES: 'C',
    },
    ...(run.account && { uid: run.account.uid, gid: run.account.gid }),
  });
  const said: string[] = [];
  let spawnError: NodeJS.ErrnoException | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error: NodeJS.ErrnoException) => {
      // Without a pid it never ran, and no 'exit' follows; later errors (a failed kill) change nothing.
      if (child.pid !== undefined) return run.log(`${run.command}: ${error.message}`);
      spawnError = error;
      resolve({ code: null, signal: null });
    });
  });

  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('error', () => undefined);
    stream?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        run.log(line);
        if (/\b(FATAL|PANIC|ERROR)\b|^initdb: error|Address already in use/.test(line)) {
          said.push(line.trim());
          if (said.length > 5) said.shift();
        }
        if (isReadyLine(line)) markReady();
      }
    });
  }

  const lastWords = () => said.join(' ') || 'it said nothing about why';
  return {
    process: child,
    exited,
    ready,
    failure(exit) {
      if (spawnError) {
        return new PostgresStartFailure('cannot-run', `${spawnError.code ?? spawnError.message} for ${run.command}`);
      }
      const words = lastWords();
      const how = exit.signal ? `it was stopped by ${exit.signal}` : `it ended with exit code ${exit.code}`;
      if (words.includes('Address already in use')) return new PostgresStartFailure('port-in-use', words);
      if (words.includes('lock file "postmaster.pid" already exists'))
        return new PostgresStartFailure('data-in-use', words);
      return new PostgresStartFailure('failed', said.length > 0 ? words : how);
    },
    running: () => ({
      pid: child.pid ?? 0,
      exited,
      lastWords,
      async stop() {
        const signals: NodeJS.Signals[] = ['SIGINT', 'SIGQUIT', 'SIGKILL'];
        for (const [index, signal] of signals.entries()) {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill(signal);
          const gone = await Promise.race([
            exited.then(() => true),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), index === 0 ? 5_000 : 2_000).unref()),
          ]);
          if (gone) return;
        }
        await exited;
      },
    }),
  };
}
