import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { StartupProblem } from '../startup-problem';

const run = promisify(execFile);

/** The system user the embedded PostgreSQL runs as when Tiltak runs as root. */
export interface PostgresAccount {
  name: string;
  uid: number;
  gid: number;
  /** Every group it belongs to, for deciding which folders it may enter. */
  groups: number[];
}

/**
 * PostgreSQL refuses to run as root. Run as root, Tiltak starts it as the `postgres` system user,
 * made here when the machine has none; run as anyone else, it runs as that user (undefined).
 */
export async function postgresAccount(): Promise<PostgresAccount | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await accountNamed('postgres');
  if (existing) return existing;
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  } catch {
    // A machine may have the group without the user.
    await run('useradd', [
      '--system',
      '-g',
      'postgres',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]).catch(() => undefined);
  }
  const made = await accountNamed('postgres');
  if (made) return made;
  throw new StartupProblem(
    'Tiltak runs as root, which PostgreSQL refuses, and could not make a postgres user to run it as; ' +
      'create one (useradd --system postgres), run Tiltak as another user, or set DATABASE_URL to use a PostgreSQL server.',
  );
}

async function accountNamed(name: string): Promise<PostgresAccount | undefined> {
  // For example: uid=101(postgres) gid=104(postgres) groups=104(postgres),103(ssl-cert)
  const said = await run('id', [name]).then(
    ({ stdout }) => stdout,
    () => '',
  );
  const uid = /uid=(\d+)/.exec(said)?.[1];
  const gid = /gid=(\d+)/.exec(said)?.[1];
  if (!uid || !gid) return undefined;
  const groups = (/groups=(\S+)/.exec(said)?.[1] ?? gid).split(',').map((group) => Number.parseInt(group, 10));
  return { name, uid: Number(uid), gid: Number(gid), groups };
}
