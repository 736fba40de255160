import { DEFAULT_REPORT_LINK_DAYS, DEFAULT_STALE_AFTER_DAYS } from '@tiltak/domain';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';
import {
  type DatabasePoolConfig,
  type LiveConfig,
  loadDatabasePool,
  loadLive,
  loadPruneInterval,
} from './waiting-limits';

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

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The public address of Tiltak's callback, for example https://tiltak.example.no/auth/oidc/callback. */
  redirectUri: string;
  /** Entra ID tenant ids (`tid`) accepted; empty accepts the issuer's users whatever their tenant claim. */
  allowedTenants: string[];
}

export interface AuthConfig {
  /** Signs access tokens (HS256); every instance must share it. */
  secret: string;
  /** True when AUTH_SECRET was not given and a random one was made for this process. */
  secretGenerated: boolean;
  /** Signed-out visitors may read the programme (never personal data). */
  publicDashboard: boolean;
  /** Send cookies only over HTTPS. */
  secureCookies: boolean;
  oidc: OidcConfig | null;
}

/** How often one user and one address may call, per minute (see README, "Limits"). */
export interface RateLimitConfig {
  queries: { perUser: number; perAddress: number };
  mutations: { perUser: number; perAddress: number };
  /** The `login` mutation, as a request rate; failed passwords have their own, stricter throttle. */
  signIns: { perAddress: number };
  presenceEvents: { perUser: number; perAddress: number };
  /** Generated documents (the council report): each costs a fraction of a CPU second to make. */
  documents: { perUser: number; perAddress: number };
  /** The open data files: read by anyone, signed in or not, so counted by address only. */
  openData: { perAddress: number };
}

/** What the overview flags. */
export interface ProgressConfig {
  /** An unfinished action with no status update for more than this many days is flagged as stale. */
  staleAfterDays: number;
}

/** Where mail goes and what its links point at. */
export interface MailConfig {
  /** smtp:// or smtps:// with credentials; null keeps every mail in the outbox (state KEPT). */
  smtpUrl: string | null;
  /** The sender, for example "Tiltak <tiltak@kommune.no>". */
  from: string;
  /** The address users reach the dashboard at, for links in mail; null: this instance's own address. */
  publicUrl: string | null;
}

/** Scheduled work (pg-boss, in the schema `pgboss` of Tiltak's database). */
export interface JobsConfig {
  /** Off: this instance runs no scheduled work and delivers no mail (another instance does). */
  enabled: boolean;
}

export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  http: HttpConfig;
  database: DatabaseConfig;
  /** Size and timeouts of the connections to that database. */
  databasePool: DatabasePoolConfig;
  /** `auto` loads the demo programme into an empty database, except in production. */
  demoData: DemoDataPolicy;
  /** Folder with the built dashboard; the API serves it when it exists. */
  dashboardDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  auth: AuthConfig;
  /** Sign-in and sessions: who may say what the client's address is. */
  trustProxy: TrustProxy;
  rateLimits: RateLimitConfig;
  live: LiveConfig;
  /** How often expired sessions and sign-in throttle counts are deleted. */
  pruneIntervalMs: number;
  progress: ProgressConfig;
  /** Links that let partners without an account report (REPORT_LINK_DAYS: their lifetime in days). */
  reportLinks: { lifetimeDays: number };
  mail: MailConfig;
  jobs: JobsConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tiltak cannot start, the configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function randomSecret(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}

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

  const flag = (name: string, fallback: boolean): boolean => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (value === 'true' || value === 'false') return value === 'true';
    problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  };

  const secret = env['AUTH_SECRET'];
  if (secret !== undefined && secret.length < 32) problems.push('AUTH_SECRET must be at least 32 characters');
  if (!secret && environment === 'production') {
    problems.push('AUTH_SECRET is required when NODE_ENV=production (at least 32 random characters)');
  }
  const oidcIssuer = env['OIDC_ISSUER'];
  let oidc: OidcConfig | null = null;
  if (oidcIssuer) {
    const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'].filter((name) => !env[name]);
    for (const name of missing) problems.push(`${name} is required when OIDC_ISSUER is set`);
    oidc = {
      issuer: oidcIssuer,
      clientId: env['OIDC_CLIENT_ID'] ?? '',
      clientSecret: env['OIDC_CLIENT_SECRET'] ?? '',
      redirectUri: env['OIDC_REDIRECT_URI'] ?? '',
      allowedTenants: (env['OIDC_ALLOWED_TENANTS'] ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    };
  }

  // Sign-in and sessions. Unset trusts no proxy: X-Forwarded-For is ignored, so a client cannot
  // choose the address that sign-in throttling and the audit log see.
  const trustProxy = parseTrustProxy(env['TRUST_PROXY'], problems);
  const rateLimits = loadRateLimits(env, problems);

  const config: AppConfig = {
    environment,
    http: { host: env['HOST'] || '127.0.0.1', port: port('PORT', 3000) ?? 3000 },
    database,
    databasePool: loadDatabasePool(env, problems),
    demoData: oneOf('DEMO_DATA', ['auto', 'always', 'never'] as const, 'auto'),
    dashboardDir: env['DASHBOARD_DIR'] || defaults.dashboardDir,
    logLevel: oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
    auth: {
      secret: secret || randomSecret(),
      secretGenerated: !secret,
      publicDashboard: flag('PUBLIC_DASHBOARD', false),
      secureCookies: flag('SECURE_COOKIES', environment === 'production'),
      oidc,
    },
    trustProxy,
    rateLimits,
    live: loadLive(env, problems),
    pruneIntervalMs: loadPruneInterval(env, problems),
    progress: { staleAfterDays: loadStaleAfterDays(env, problems) },
    reportLinks: { lifetimeDays: loadReportLinkDays(env, problems) },
    mail: loadMail(env, problems),
    jobs: { enabled: flag('JOBS', true) },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function loadMail(env: Env, problems: string[]): MailConfig {
  const smtpUrl = env['SMTP_URL'] || null;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) {
    problems.push(
      'SMTP_URL must be an smtp:// or smtps:// address, for example smtp://user:password@mail.example.no:587',
    );
  }
  const publicUrl = env['PUBLIC_URL'] ? env['PUBLIC_URL'].replace(/\/+$/, '') : null;
  if (publicUrl && !/^https?:\/\/[^/\s]+/.test(publicUrl)) {
    problems.push(`PUBLIC_URL must be an http:// or https:// address (got "${publicUrl}")`);
  }
  const from = env['MAIL_FROM'] || 'Tiltak <tiltak@localhost>';
  if (!/@/.test(from) || /[\r\n]/.test(from))
    problems.push('MAIL_FROM must be one e-mail address, with or without a name');
  return { smtpUrl, from, publicUrl };
}

function loadStaleAfterDays(env: Env, problems: string[]): number {
  const value = env['STALE_AFTER_DAYS'];
  if (value === undefined || value === '') return DEFAULT_STALE_AFTER_DAYS;
  const parsed = Number(value);
  if (Number.isInteger(parsed) && parsed >= 1 && parsed <= 3650) return parsed;
  problems.push(`STALE_AFTER_DAYS must be a whole number of days from 1 to 3650 (got "${value}")`);
  return DEFAULT_STALE_AFTER_DAYS;
}

function loadReportLinkDays(env: Env, problems: string[]): number {
  const value = env['REPORT_LINK_DAYS'];
  if (value === undefined || value === '') return DEFAULT_REPORT_LINK_DAYS;
  const parsed = Number(value);
  if (Number.isInteger(parsed) && parsed >= 1 && parsed <= 90) return parsed;
  problems.push(`REPORT_LINK_DAYS must be a whole number of days from 1 to 90 (got "${value}")`);
  return DEFAULT_REPORT_LINK_DAYS;
}

// ---- Rate limits ----------------------------------------------------------------------------
// Sized so a busy council meeting never meets them: a user clicking through the dashboard makes a
// few queries a second at most; an office behind one address (NAT) holds many users.

function loadRateLimits(env: Env, problems: string[]): RateLimitConfig {
  const perMinute = (name: string, fallback: number): number => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (Number.isInteger(parsed) && parsed > 0) return parsed;
    problems.push(`${name} must be a whole number of requests per minute, above 0 (got "${value}")`);
    return fallback;
  };
  return {
    queries: {
      perUser: perMinute('RATE_LIMIT_QUERIES_PER_USER', 600),
      perAddress: perMinute('RATE_LIMIT_QUERIES_PER_ADDRESS', 3_000),
    },
    mutations: {
      perUser: perMinute('RATE_LIMIT_MUTATIONS_PER_USER', 120),
      perAddress: perMinute('RATE_LIMIT_MUTATIONS_PER_ADDRESS', 600),
    },
    signIns: { perAddress: perMinute('RATE_LIMIT_SIGN_INS_PER_ADDRESS', 100) },
    presenceEvents: {
      perUser: perMinute('RATE_LIMIT_PRESENCE_PER_USER', 300),
      perAddress: perMinute('RATE_LIMIT_PRESENCE_PER_ADDRESS', 1_500),
    },
    documents: {
      perUser: perMinute('RATE_LIMIT_DOCUMENTS_PER_USER', 20),
      perAddress: perMinute('RATE_LIMIT_DOCUMENTS_PER_ADDRESS', 100),
    },
    openData: { perAddress: perMinute('RATE_LIMIT_OPEN_DATA_PER_ADDRESS', 120) },
  };
}
