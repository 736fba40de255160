import { chmod, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostgresAccount } from './postgres-account';
import { firstBarrier, mayEnter } from './reach';

/** An account that owns none of the test's folders and belongs to none of their groups. */
const stranger: PostgresAccount = { name: 'postgres', uid: 4_000_001, gid: 4_000_001, groups: [4_000_001] };

describe('which folders the account that runs PostgreSQL may enter', () => {
  it('goes by the owner bits for its own folders, the group bits for its groups, and the others bits otherwise', () => {
    const account: PostgresAccount = { name: 'postgres', uid: 101, gid: 104, groups: [104, 103] };

    expect(mayEnter({ uid: 101, gid: 0, mode: 0o700 }, account)).toBe(true);
    // The owner bits decide for the owner, even where the others may enter.
    expect(mayEnter({ uid: 101, gid: 0, mode: 0o071 }, account)).toBe(false);
    expect(mayEnter({ uid: 0, gid: 103, mode: 0o750 }, account)).toBe(true);
    expect(mayEnter({ uid: 0, gid: 103, mode: 0o701 }, account)).toBe(false);
    expect(mayEnter({ uid: 0, gid: 0, mode: 0o755 }, account)).toBe(true);
    expect(mayEnter({ uid: 0, gid: 0, mode: 0o700 }, account)).toBe(false);
    expect(mayEnter({ uid: 0, gid: 0, mode: 0o754 }, account)).toBe(false);
  });

  describe('on the way to a folder', () => {
    let top: string;

    beforeAll(async () => {
      top = await mkdtemp(join(tmpdir(), 'tiltak-reach-'));
      await mkdir(join(top, 'open/private/inner'), { recursive: true });
      await chmod(top, 0o755);
      await chmod(join(top, 'open'), 0o755);
      await chmod(join(top, 'open/private'), 0o700);
      await symlink(join(top, 'open/private/inner'), join(top, 'open/shortcut'));
    });

    afterAll(async () => {
      await rm(top, { recursive: true, force: true });
    });

    it('finds the first folder it may not enter', async () => {
      await expect(firstBarrier(join(top, 'open/private/inner'), stranger)).resolves.toBe(join(top, 'open/private'));
      await expect(firstBarrier(join(top, 'open/private'), stranger)).resolves.toBe(join(top, 'open/private'));
    });

    it('finds none when every folder lets it through', async () => {
      await expect(firstBarrier(join(top, 'open'), stranger)).resolves.toBeUndefined();
    });

    it('follows symbolic links to where the folder really is', async () => {
      await expect(firstBarrier(join(top, 'open/shortcut'), stranger)).resolves.toBe(join(top, 'open/private'));
    });
  });
});
