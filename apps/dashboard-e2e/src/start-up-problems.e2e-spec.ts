import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BuiltTiltak,
  currentProgrammeId,
  processesUsing,
  runBuiltTiltakToEnd,
  startBuiltTiltak,
} from './support/built-tiltak';

/** What a failed start must look like: exit code 1, its last line one sentence, no stack, never "started". */
function expectOneSentence(run: { code: number | null; output: string }, sentence: RegExp): void {
  const lines = run.output.trim().split('\n');
  expect(run.code).toBe(1);
  expect(lines.at(-1)).toMatch(new RegExp(`FATAL \\[Tiltak\\] ${sentence.source}$`));
  expect(run.output).not.toMatch(/^\s+at /m);
  expect(run.output).not.toMatch(/started|is running/i);
  expect(lines.filter((line) => /FATAL|ERROR/.test(line))).toHaveLength(1);
}

describe('a start that cannot go on, as npm start shows it', () => {
  let top: string;
  const started: BuiltTiltak[] = [];
  const folder = (name: string) => join(top, name);

  beforeAll(async () => {
    top = await mkdtemp(join(tmpdir(), 'tiltak-start-problems-'));
    await chmod(top, 0o755);
  });

  afterAll(async () => {
    for (const tiltak of started) await tiltak.stop('SIGTERM');
    await rm(top, { recursive: true, force: true });
  });

  it('stops a second Tiltak on the same data folder, or on the same port, with one sentence', async () => {
    const first = await startBuiltTiltak({ TILTAK_DATA_DIR: folder('first'), NODE_ENV: 'development' });
    started.push(first);

    const sameFolder = await runBuiltTiltakToEnd({ TILTAK_DATA_DIR: folder('first'), NODE_ENV: 'development' });
    expectOneSentence(
      sameFolder,
      new RegExp(
        `The data folder ${folder('first')} is in use by another Tiltak \\(process ${first.process.pid}\\); stop ` +
          `that one first, or set TILTAK_DATA_DIR to another folder \\(delete ${folder('first')}/tiltak\\.lock ` +
          `only if no Tiltak runs there\\)\\.`,
      ),
    );

    const port = new URL(first.url).port;
    const samePort = await runBuiltTiltakToEnd({
      TILTAK_DATA_DIR: folder('second'),
      PORT: port,
      NODE_ENV: 'development',
    });
    expectOneSentence(
      samePort,
      new RegExp(
        `Port ${port} on 127\\.0\\.0\\.1 is already in use \\(perhaps by another Tiltak\\); stop what uses it, or ` +
          `set PORT to a free port\\.`,
      ),
    );
    // The one that could not listen stopped its PostgreSQL; the first serves on.
    expect(await processesUsing(folder('second'))).toEqual([]);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
  }, 120_000);

  it('stops the PostgreSQL that a killed Tiltak left running, and goes on with its data', async () => {
    const killed = await startBuiltTiltak({ TILTAK_DATA_DIR: folder('killed'), NODE_ENV: 'development' });
    started.push(killed);
    const programmeId = await currentProgrammeId(killed.url);
    await killed.stop('SIGKILL');
    const leftOver = await processesUsing(folder('killed'));
    expect(leftOver).not.toEqual([]);

    const next = await startBuiltTiltak({ TILTAK_DATA_DIR: folder('killed'), NODE_ENV: 'development' });
    started.push(next);

    const stopped = /Stopped PostgreSQL process (\d+), left running by a Tiltak that did not stop/.exec(next.output());
    expect(leftOver.map((line) => line.split(':')[0])).toContain(stopped?.[1]);
    await expect(currentProgrammeId(next.url)).resolves.toBe(programmeId);
    expect((await next.stop('SIGINT')).code).toBe(0);
    expect(await processesUsing(folder('killed'))).toEqual([]);
  }, 120_000);
});
