import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processExists } from './data-folder-lock';

/**
 * A Tiltak that was killed outright (SIGKILL, the out-of-memory killer) leaves its PostgreSQL
 * running, holding the cluster. Whoever holds the data folder's lock may stop it: no Tiltak uses it.
 * Returns the process number it stopped, if any.
 */
export async function stopLeftoverPostgres(clusterDir: string): Promise<number | undefined> {
  const pidFile = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(pidFile.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processExists(pid)) return undefined;
  // The number may belong to another process by now: only a postgres started on this cluster counts.
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!commandLine.split('\0').includes(clusterDir)) return undefined;

  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', 10_000],
    ['SIGQUIT', 3_000],
    ['SIGKILL', 3_000],
  ];
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await goneWithin(pid, waitMs)) break;
  }
  return pid;
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    if (!processExists(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !processExists(pid);
}
