import { loadConfig } from '@tiltak/api-core';
import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import { type RunningTiltak, startTiltak } from '../app/start-tiltak';

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string; current?: Record<string, unknown> };
}

export interface GraphqlResponse<T> {
  data?: T;
  errors?: GraphqlError[];
}

export interface TestApi {
  db: TestDatabase;
  url: string;
  /** Every SQL statement the API has sent; clear it to count a single request's. */
  statements: string[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** Like gql, but fails the test on any error and returns the data. */
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** The whole API on a fresh copy of the test database, with the demo programme loaded, over real HTTP. */
export async function startTestApi(): Promise<TestApi> {
  const db = await createTestDatabase();
  const statements: string[] = [];
  let tiltak: RunningTiltak;
  try {
    tiltak = await startTiltak(
      loadConfig(
        { DATABASE_URL: db.url, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'error' },
        { dashboardDir: '/nonexistent' },
      ),
      { onQuery: (sql) => statements.push(sql) },
    );
  } catch (error) {
    await db.drop();
    throw error;
  }
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>> => {
    const response = await fetch(`${tiltak.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResponse<T>;
  };
  return {
    db,
    url: tiltak.url,
    statements,
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const { data, errors } = await gql<T>(query, variables);
      if (errors) throw new Error(`GraphQL errors: ${JSON.stringify(errors, null, 2)}`);
      return data as T;
    },
    async close() {
      await tiltak.close();
      await db.drop();
    },
  };
}
