import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltTiltak, currentProgrammeId, processesUsing, startBuiltTiltak } from './support/built-tiltak';

describe('npm start on a machine without a database server', () => {
  let dataDir: string;
  const started: BuiltTiltak[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tiltak-start-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    for (const tiltak of started) await tiltak.stop('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  // Two starts, each with its own PostgreSQL: on a busy machine more than jest's default 30 s.
  it('runs its own PostgreSQL, stops it with Ctrl-C within 10 seconds, and keeps the data for the next start', async () => {
    const first = await startBuiltTiltak({ TILTAK_DATA_DIR: dataDir, NODE_ENV: 'development' });
    started.push(first);
    await expect(fetch(`${first.url}/health`).then((r) => r.json())).resolves.toMatchObject({
      database: 'up',
      databaseMode: 'embedded',
    });
    const programmeId = await currentProgrammeId(first.url);
    expect(await processesUsing(dataDir)).not.toEqual([]);

    const interrupted = await first.stop('SIGINT');

    expect(interrupted.code).toBe(0);
    expect(interrupted.milliseconds).toBeLessThan(10_000);
    expect(await processesUsing(dataDir)).toEqual([]);

    const second = await startBuiltTiltak({ TILTAK_DATA_DIR: dataDir, NODE_ENV: 'development' });
    started.push(second);
    await expect(currentProgrammeId(second.url)).resolves.toBe(programmeId);
    const terminated = await second.stop('SIGTERM');

    expect(terminated.code).toBe(0);
    expect(terminated.milliseconds).toBeLessThan(10_000);
    expect(await processesUsing(dataDir)).toEqual([]);
  }, 90_000);
});
