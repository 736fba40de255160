import { type Clock, loadConfig } from '@tiltak/api-core';
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

export interface GraphqlClient {
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** Like gql, but fails the test on any error and returns the data. */
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface TestApi extends GraphqlClient {
  db: TestDatabase;
  url: string;
  /** Every SQL statement the API has sent; clear it to count a single request's. */
  statements: string[];
  /** A client signed in as a demo account (password `tiltak-demo`). */
  as(email: string): Promise<GraphqlClient>;
  /** A client that is not signed in. */
  anonymous: GraphqlClient;
  /** Signs in and returns just the access token. */
  tokenFor(email: string): Promise<string>;
  /** A second API instance on the same database, as when several run behind a load balancer. */
  anotherInstance(): Promise<{ url: string; runJob(name: string): Promise<void>; close(): Promise<void> }>;
  /** Runs a scheduled job in this instance now (see RunningTiltak.runJob). */
  runJob(name: string): Promise<void>;
  /** A provider of the API, to call what no request reaches (a scheduled job's work). */
  get: RunningTiltak['get'];
  close(): Promise<void>;
}

/**
 * The tests make many more calls a minute than people do, from one address; only the rate-limit
 * tests (which pass lower limits) should meet the limits.
 */
const RATE_LIMITS_OUT_OF_REACH = Object.fromEntries(
  [
    'QUERIES_PER_USER',
    'QUERIES_PER_ADDRESS',
    'MUTATIONS_PER_USER',
    'MUTATIONS_PER_ADDRESS',
    'SIGN_INS_PER_ADDRESS',
    'PRESENCE_PER_USER',
    'PRESENCE_PER_ADDRESS',
    'OPEN_DATA_PER_ADDRESS',
  ].map((name) => [`RATE_LIMIT_${name}`, '1000000']),
);

/**
 * The CI machine runs many suites at once on two cores: opening a connection there can take
 * longer than production's 5 s. Tests that are about the timeout pass their own.
 */
const ROOM_FOR_A_BUSY_MACHINE = { DATABASE_CONNECT_TIMEOUT_MS: '20000' };

/** Signs JWTs for this run: the tests can make tokens the API must refuse. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-at-least-thirty-two-characters';

export function graphqlClient(url: string, headers: () => Record<string, string> = () => ({})): GraphqlClient {
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers() },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResponse<T>;
  };
  return {
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const { data, errors } = await gql<T>(query, variables);
      if (errors) throw new Error(`GraphQL errors: ${JSON.stringify(errors, null, 2)}`);
      return data as T;
    },
  };
}

export interface TestApiOptions {
  /** How the API (not `anotherInstance`) reaches the test database, given its URL: through a proxy, say. */
  reachDatabase?: (url: string) => Promise<string>;
  /** The time every instance goes by (a SettableClock moves them all); the machine's own when left out. */
  clock?: Clock;
}

/**
 * The whole API on a fresh copy of the test database, with the demo programme and accounts loaded,
 * over real HTTP. `gql` and `data` act as the demo admin; `as(email)` as any other demo account.
 */
export async function startTestApi(env: Record<string, string> = {}, options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const statements: string[] = [];
  let tiltak: RunningTiltak;
  try {
    tiltak = await startTiltak(
      loadConfig(
        {
          DATABASE_URL: options.reachDatabase ? await options.reachDatabase(db.url) : db.url,
          PORT: '0',
          NODE_ENV: 'test',
          LOG_LEVEL: 'error',
          AUTH_SECRET: TEST_AUTH_SECRET,
          ...ROOM_FOR_A_BUSY_MACHINE,
          ...RATE_LIMITS_OUT_OF_REACH,
          ...env,
        },
        { dashboardDir: '/nonexistent' },
      ),
      { onQuery: (sql) => statements.push(sql), clock: options.clock },
    );
  } catch (error) {
    await db.drop();
    throw error;
  }
  const anonymous = graphqlClient(tiltak.url);
  const clients = new Map<string, GraphqlClient>();
  const tokenFor = async (email: string): Promise<string> => {
    const { login } = await anonymous.data<{ login: { accessToken: string } }>(
      'mutation($e: String!) { login(email: $e, password: "tiltak-demo") { accessToken } }',
      { e: email },
    );
    return login.accessToken;
  };
  const as = async (email: string): Promise<GraphqlClient> => {
    const cached = clients.get(email);
    if (cached) return cached;
    const token = await tokenFor(email);
    const client = graphqlClient(tiltak.url, () => ({ authorization: `Bearer ${token}` }));
    clients.set(email, client);
    return client;
  };
  const config = (port: string) =>
    loadConfig(
      {
        DATABASE_URL: db.url,
        PORT: port,
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        AUTH_SECRET: TEST_AUTH_SECRET,
        ...ROOM_FOR_A_BUSY_MACHINE,
        ...RATE_LIMITS_OUT_OF_REACH,
        ...env,
      },
      { dashboardDir: '/nonexistent' },
    );
  const admin = await as('admin@tiltak.test');
  return {
    db,
    url: tiltak.url,
    statements,
    gql: admin.gql,
    data: admin.data,
    as,
    anonymous,
    tokenFor,
    runJob: (name) => tiltak.runJob(name),
    get: (provider) => tiltak.get(provider),
    anotherInstance: async () => {
      const second = await startTiltak(config('0'), { clock: options.clock });
      return { url: second.url, runJob: (name) => second.runJob(name), close: () => second.close() };
    },
    async close() {
      await tiltak.close();
      await db.drop();
    },
  };
}
