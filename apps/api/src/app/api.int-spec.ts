import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery, printSchema } from 'graphql';
import { loadConfig } from '@tiltak/api-core';
import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import { type RunningTiltak, startTiltak } from './start-tiltak';

async function graphql<T>(url: string, query: string): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

describe('the API over HTTP', () => {
  let db: TestDatabase;
  let tiltak: RunningTiltak;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig(
      { DATABASE_URL: db.url, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'warn' },
      { dashboardDir: '/nonexistent' },
    );
    tiltak = await startTiltak(config);
  });

  afterAll(async () => {
    await tiltak?.close();
    await db?.drop();
  });

  it('answers /health with the database state', async () => {
    const response = await fetch(`${tiltak.url}/health`);

    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({
      status: 'ok',
      database: 'up',
      databaseMode: 'external',
      migrationsPending: 0,
    });
  });

  it('serves the demo programme it loaded into the empty database over GraphQL', async () => {
    const { data, errors } = await graphql<{
      currentProgramme: { period: string };
      municipalities: { name: string }[];
      focusAreas: { code: string }[];
    }>(tiltak.url, '{ currentProgramme { period } municipalities { name } focusAreas { code } }');

    expect(errors).toBeUndefined();
    expect(data?.currentProgramme.period).toBe('2025–2028');
    expect(data?.municipalities.map((m) => m.name)).toEqual([
      'Eidsvoll',
      'Gjerdrum',
      'Hurdal',
      'Nannestad',
      'Nes',
      'Ullensaker',
    ]);
    expect(data?.focusAreas).toHaveLength(6);
  });

  it('serves exactly the committed apps/api/schema.graphql (UPDATE_SCHEMA=1 rewrites it)', async () => {
    const { data } = await graphql<IntrospectionQuery>(tiltak.url, getIntrospectionQuery());
    const served = printSchema(buildClientSchema(data as IntrospectionQuery));
    const committedFile = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

    if (process.env['UPDATE_SCHEMA'] === '1') await writeFile(committedFile, `${served}\n`);
    expect(`${served}\n`).toBe(await readFile(committedFile, 'utf8'));
  });
});
