import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { StartupProblem } from '../startup-problem';
import type { PostgresAccount } from './postgres-account';
import { firstBarrier } from './reach';

/** Left in a data folder whose cluster is kept elsewhere; people read it, and Tiltak finds the cluster by it. */
export const LOCATION_NOTE = 'postgres-location.txt';

export interface ClusterLocation {
  /** The cluster's own folder (PostgreSQL's data directory). */
  dir: string;
  /** Why it is not in the data folder, when it is not. */
  elsewhereBecause?: string;
  /**
   * What is in `dir` was left behind when someone deleted the data folder (the note and the password
   * with it) to start again, so it is to be removed.
   */
  abandoned: boolean;
}

/**
 * Where a data folder's cluster lives: in the data folder itself when the account that runs
 * PostgreSQL can reach it, otherwise under `home`, in a folder named after the data folder, with a
 * note left behind. `dataDir` is absolute and real (no symbolic links).
 */
export async function clusterLocation(
  dataDir: string,
  account: PostgresAccount | undefined,
  home: string,
  passwordKept: boolean,
): Promise<ClusterLocation> {
  const inside = join(dataDir, 'postgres');
  const barrier = account && (await firstBarrier(dataDir, account));
  if (existsSync(join(inside, 'PG_VERSION'))) {
    if (!barrier) return { dir: inside, abandoned: false };
    throw new StartupProblem(
      `The embedded PostgreSQL's data in ${inside} is out of reach of the ${account.name} user that runs it, ` +
        `because it may not enter ${barrier}; let it in (chmod o+x ${barrier}) or move the data folder.`,
    );
  }
  const noted = await notedCluster(dataDir, home);
  if (!barrier && !noted) return { dir: inside, abandoned: false };

  const dir = noted ?? join(home, 'clusters', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  const elsewhereBecause = `the ${account?.name ?? 'postgres'} user that runs it may not enter ${barrier ?? dataDir}`;
  if (!noted) {
    await writeFile(
      join(dataDir, LOCATION_NOTE),
      `The embedded PostgreSQL keeps this data folder's database in\n\n${dir}\n\n` +
        `because ${elsewhereBecause}. Tiltak finds it again through this file. Delete this whole folder to ` +
        `start again from the demo programme: Tiltak then removes that database too.\n`,
    );
  }
  return { dir, elsewhereBecause, abandoned: !noted && !passwordKept && existsSync(dir) };
}

/** The cluster folder a note names, if there is a note and it names a folder under `home`. */
async function notedCluster(dataDir: string, home: string): Promise<string | undefined> {
  const note = await readFile(join(dataDir, LOCATION_NOTE), 'utf8').catch(() => undefined);
  const dir = note
    ?.split('\n')
    .map((line) => line.trim())
    .find((line) => isAbsolute(line));
  if (!dir) return undefined;
  const within = relative(join(home, 'clusters'), dir);
  return within && !within.startsWith('..') && !isAbsolute(within) ? dir : undefined;
}
