import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFolderAtomically } from './postgres-binaries';

describe('copying the PostgreSQL binaries where the postgres user can reach them', () => {
  let top: string;
  let from: string;

  beforeEach(async () => {
    top = await mkdtemp(join(tmpdir(), 'tiltak-copy-'));
    from = join(top, 'native');
    await mkdir(join(from, 'bin'), { recursive: true });
    await mkdir(join(from, 'lib'), { recursive: true });
    await writeFile(join(from, 'bin', 'postgres'), '#!/bin/sh\n');
    await chmod(join(from, 'bin', 'postgres'), 0o755);
    await writeFile(join(from, 'lib', 'libpq.so.5.18'), 'library');
    await chmod(join(from, 'lib', 'libpq.so.5.18'), 0o644);
    await symlink('libpq.so.5.18', join(from, 'lib', 'libpq.so.5'));
  });

  afterEach(async () => {
    await rm(top, { recursive: true, force: true });
  });

  it('keeps the modes and the relative symbolic links, and leaves nothing half-copied beside it', async () => {
    const to = join(top, 'shared', 'postgresql-18');
    await mkdir(join(top, 'shared'));

    await copyFolderAtomically(from, to);

    expect((await stat(join(to, 'bin', 'postgres'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(to, 'lib', 'libpq.so.5.18'))).mode & 0o777).toBe(0o644);
    expect((await stat(to)).mode & 0o777).toBe(0o755);
    expect(await readlink(join(to, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(await readFile(join(to, 'lib', 'libpq.so.5'), 'utf8')).toBe('library');
    expect(await readdir(join(top, 'shared'))).toEqual(['postgresql-18']);
  });

  it('keeps a copy another Tiltak finished first', async () => {
    const to = join(top, 'shared', 'postgresql-18');
    await mkdir(join(to, 'bin'), { recursive: true });
    await writeFile(join(to, 'bin', 'postgres'), 'the first copy');

    await copyFolderAtomically(from, to);

    expect(await readFile(join(to, 'bin', 'postgres'), 'utf8')).toBe('the first copy');
    expect(await readdir(join(top, 'shared'))).toEqual(['postgresql-18']);
    expect(existsSync(join(to, 'lib'))).toBe(false);
  });
});
