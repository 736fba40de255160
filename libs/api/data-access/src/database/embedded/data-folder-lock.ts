import { readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupProblem } from '../startup-problem';

const LOCK_FILE = 'tiltak.lock';

/** Data folders this process holds; a lock naming this process is live only if listed here. */
const heldHere = new Set<string>();

export interface DataFolderLock {
  release(): Promise<void>;
}

/**
 * Claims a data folder for this process, so that a second Tiltak started on it stops at once with a
 * clear sentence instead of meeting PostgreSQL's own lock half-way through. A lock whose process is
 * gone (Tiltak was killed) is taken over.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o644);
      await handle.writeFile(`${process.pid}\n${startTime(process.pid) ?? ''}\n`);
      await handle.close();
      heldHere.add(dataDir);
      return {
        async release() {
          heldHere.delete(dataDir);
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const holder = await readFile(file, 'utf8').catch(() => '');
      const [pid, started] = holder.split('\n').map((line) => line.trim());
      // A second attempt that still finds a lock lost a race with another Tiltak starting.
      if (attempt > 0 || holderIsAlive(dataDir, Number(pid), started)) throw inUse(dataDir, file, Number(pid));
      await unlink(file).catch(() => undefined);
    }
  }
}

function inUse(dataDir: string, file: string, pid: number): StartupProblem {
  return new StartupProblem(
    `The data folder ${dataDir} is in use by another Tiltak${pid > 0 ? ` (process ${pid})` : ''}; stop that one ` +
      `first, or set TILTAK_DATA_DIR to another folder (delete ${file} only if no Tiltak runs there).`,
  );
}

function holderIsAlive(dataDir: string, pid: number, started: string | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return heldHere.has(dataDir);
  if (!processExists(pid)) return false;
  // The number may since have gone to another process: the start time tells them apart.
  const now = startTime(pid);
  return !started || !now || started === now;
}

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** When the process started, in clock ticks since boot (Linux), or undefined where /proc is missing. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; field 22 is the start time.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
