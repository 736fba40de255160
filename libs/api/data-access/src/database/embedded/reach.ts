import { chmod, mkdir, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StartupProblem } from '../startup-problem';
import type { PostgresAccount } from './postgres-account';

export interface Owner {
  mode: number;
  uid: number;
  gid: number;
}

/** Whether the account may pass through (search) a folder with this owner and mode. */
export function mayEnter(folder: Owner, account: PostgresAccount): boolean {
  if (account.uid === 0) return true;
  if (folder.uid === account.uid) return (folder.mode & 0o100) !== 0;
  if (account.groups.includes(folder.gid) || folder.gid === account.gid) return (folder.mode & 0o010) !== 0;
  return (folder.mode & 0o001) !== 0;
}

/**
 * The first folder on the way to `folder` (itself included) that the account may not enter, or
 * undefined when it gets there. Reads the permission bits only: ACLs are not consulted.
 */
export async function firstBarrier(folder: string, account: PostgresAccount): Promise<string | undefined> {
  const way: string[] = [];
  for (let current = await realpath(folder); ; current = dirname(current)) {
    way.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const step of way) {
    if (!mayEnter(await stat(step), account)) return step;
  }
  return undefined;
}

/** Makes `folder` (if needed) readable by everyone and checks that the account can get to it. */
export async function reachableFolder(folder: string, account: PostgresAccount): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o755 });
  await chmod(folder, 0o755);
  const barrier = await firstBarrier(folder, account);
  if (barrier) {
    throw new StartupProblem(
      `The ${account.name} user that runs the embedded PostgreSQL may not enter ${barrier}, where Tiltak keeps ` +
        `what it must reach; let it in (chmod o+x ${barrier}), or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
}
