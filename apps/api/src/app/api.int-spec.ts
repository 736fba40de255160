import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery, printSchema } from 'graphql';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('the API over HTTP', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers /health with the database state, signed in or not', async () => {
    const response = await fetch(`${api.url}/health`);

    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({
      status: 'ok',
      database: 'up',
      databaseMode: 'external',
      migrationsPending: 0,
    });
  });

  it('serves the demo programme it loaded into the empty database over GraphQL', async () => {
    const data = await api.data<{
      currentProgramme: { period: string };
      municipalities: { name: string }[];
      focusAreas: { code: string }[];
    }>('{ currentProgramme { period } municipalities { name } focusAreas { code } }');

    expect(data.currentProgramme.period).toBe('2025–2028');
    expect(data.municipalities.map((m) => m.name)).toEqual([
      'Eidsvoll',
      'Gjerdrum',
      'Hurdal',
      'Nannestad',
      'Nes',
      'Ullensaker',
    ]);
    expect(data.focusAreas).toHaveLength(6);
  });

  it('serves exactly the committed apps/api/schema.graphql (UPDATE_SCHEMA=1 rewrites it)', async () => {
    const data = await api.data<IntrospectionQuery>(getIntrospectionQuery());
    const served = printSchema(buildClientSchema(data));
    const committedFile = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

    if (process.env['UPDATE_SCHEMA'] === '1') await writeFile(committedFile, `${served}\n`);
    expect(`${served}\n`).toBe(await readFile(committedFile, 'utf8'));
  });
});
