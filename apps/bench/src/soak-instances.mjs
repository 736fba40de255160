// The soak's API instances: production builds as child processes, watched the way a supervisor
// (systemd, a container runtime) would: one that dies unasked is noted and started again.
import { spawn } from 'node:child_process';

const READY = /Tiltak is running at/;
const KEPT_LINES = 40;
/** Nest's error and fatal entries, and what Node prints when a process dies of an error. */
const ERROR_LINE = /^\[Nest\].*\b(ERROR|FATAL)\b|^(\w*Error\b|Unhandled|node:internal)/;

export class ApiInstance {
  /** Deaths nobody asked for: { instance, at, code, signal, lastLines }. Shared by all instances. */
  static unexpectedExits = [];

  constructor(name, script, port, env) {
    this.name = name;
    this.script = script;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.env = env;
    this.child = null;
    this.lines = [];
    /** Log entries at error level or above over the whole run (stack lines left out). */
    this.errorLines = [];
    this.stopping = false;
  }

  /** Starts the process and resolves once it serves; rejects if it exits first. */
  start() {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [this.script], {
        env: { ...process.env, ...this.env, PORT: String(this.port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.child = child;
      let ready = false;
      const take = (chunk) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          this.lines.push(line);
          if (this.lines.length > KEPT_LINES) this.lines.shift();
          if (ERROR_LINE.test(line)) this.errorLines.push(line);
          if (!ready && READY.test(line)) {
            ready = true;
            resolve();
          }
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.once('exit', (code, signal) => {
        if (this.child === child) this.child = null;
        if (!ready) return reject(new Error(`${this.name} exited with ${code ?? signal} while starting`));
        if (child.expectedExit) return;
        ApiInstance.unexpectedExits.push({
          instance: this.name,
          at: Date.now(),
          code,
          signal,
          lastLines: [...this.lines],
        });
        this.superviseRestart();
      });
    });
  }

  /** Starts it again after a crash, retrying while the database may still be away. */
  superviseRestart() {
    if (this.stopping) return;
    setTimeout(() => {
      if (this.stopping || this.child) return;
      this.start().catch(() => this.superviseRestart());
    }, 1_000);
  }

  /** Ends the process with `signal` and waits for it; the exit is expected, not a crash. */
  end(signal) {
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.resolve();
    child.expectedExit = true;
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
      // A process that does not stop within 10 s is killed: the soak must always clean up.
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  }

  kill() {
    return this.end('SIGKILL');
  }

  stop() {
    this.stopping = true;
    return this.end('SIGTERM');
  }

  async healthy() {
    try {
      return (await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200;
    } catch {
      return false;
    }
  }
}
