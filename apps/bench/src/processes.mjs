// Child processes and their resource use, read from /proc: the benchmark measures servers from outside.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process, in KiB. */
export function rssKiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.replace(/\D+/g, ''));
}

/** Starts a Node script and resolves once it prints a line matching `ready` (kept as `readyOutput`). */
export function startNode(script, args, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString();
      if (ready.test(output)) {
        child.stdout.off('data', onData);
        child.readyOutput = output;
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Sends a message to a child and waits for its answer of the given type. */
export function ask(child, message, answerType) {
  return new Promise((resolve) => {
    const onMessage = (reply) => {
      if (reply.type === answerType) {
        child.off('message', onMessage);
        resolve(reply);
      }
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/**
 * Drops and creates the benchmark's own database. Only a database whose name says it is a
 * benchmark's (tiltak_bench…, tiltak_council_report…) is dropped: a DATABASE_URL left pointing at
 * real data stops the script instead of emptying it.
 */
export async function freshDatabase(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^tiltak_(bench|council_report)/.test(name)) {
    throw new Error(`Refusing to drop database "${name}": give a DATABASE_URL whose database is named tiltak_bench…`);
  }
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}
