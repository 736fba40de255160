/**
 * Tiltak's settings, read from the environment once at boot. Every variable is checked and every
 * fault is reported together, so an operator fixes them in one go. Nothing else reads process.env.
 */
export interface HttpConfig {
  host: string;
  port: number;
}

export type DatabaseConfig =
  { mode: 'external'; url: string } | { mode: 'embedded'; dataDir: string; port: number | undefined };

export type DemoDataPolicy = 'auto' | 'always' | 'never';

export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  http: HttpConfig;
  database: DatabaseConfig;
  /** `auto` loads the demo programme into an empty database, except in production. */
  demoData: DemoDataPolicy;
  /** Folder with the built dashboard; the API serves it when it exists. */
  dashboardDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tiltak cannot start, the configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env, defaults: { dashboardDir: string }): AppConfig {
  const problems: string[] = [];
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };
  const port = (name: string, fallback: number | undefined): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (Number.isInteger(parsed) && parsed >= 0 && parsed <= 65535) return parsed;
    problems.push(`${name} must be a port number from 0 to 65535 (got "${value}")`);
    return fallback;
  };

  const environment = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const databaseUrl = env['DATABASE_URL'];
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection URL');
  }
  // The embedded PostgreSQL is for trying Tiltak and for development; production data belongs on a server.
  if (!databaseUrl && environment === 'production') {
    problems.push('DATABASE_URL is required when NODE_ENV=production');
  }
  const database: DatabaseConfig = databaseUrl
    ? { mode: 'external', url: databaseUrl }
    : {
        mode: 'embedded',
        dataDir: env['TILTAK_DATA_DIR'] || '.data',
        port: port('EMBEDDED_DATABASE_PORT', undefined),
      };

  const config: AppConfig = {
    environment,
    http: { host: env['HOST'] || '127.0.0.1', port: port('PORT', 3000) ?? 3000 },
    database,
    demoData: oneOf('DEMO_DATA', ['auto', 'always', 'never'] as const, 'auto'),
    dashboardDir: env['DASHBOARD_DIR'] || defaults.dashboardDir,
    logLevel: oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
