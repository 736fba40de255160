import { ConfigError, loadConfig } from './config';

const defaults = { dashboardDir: '/srv/dashboard' };

describe('loadConfig', () => {
  it('runs on a bare machine: embedded database, port 3000, loopback only', () => {
    const sut = loadConfig({}, defaults);

    expect(sut.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(sut.database).toEqual({ mode: 'embedded', dataDir: '.data', port: undefined });
    expect(sut.demoData).toBe('auto');
  });

  it('uses the server DATABASE_URL names', () => {
    const sut = loadConfig({ DATABASE_URL: 'postgres://tiltak@db:5432/tiltak', PORT: '8080' }, defaults);

    expect(sut.database).toEqual({ mode: 'external', url: 'postgres://tiltak@db:5432/tiltak' });
    expect(sut.http.port).toBe(8080);
  });

  it('lists every bad variable at once', () => {
    const load = () => loadConfig({ PORT: 'eighty', DEMO_DATA: 'maybe', DATABASE_URL: 'mysql://x' }, defaults);

    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'DATABASE_URL must be a postgres:// or postgresql:// connection URL',
        'PORT must be a port number from 0 to 65535 (got "eighty")',
        'DEMO_DATA must be one of auto, always, never (got "maybe")',
      ]);
    }
  });

  it('refuses to run production on the embedded database or without a signing secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, defaults)).toThrow(
      'DATABASE_URL is required when NODE_ENV=production',
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/t' }, defaults)).toThrow(
      'AUTH_SECRET is required',
    );
  });

  it('makes a throw-away signing secret outside production, and keeps the dashboard private', () => {
    const sut = loadConfig({}, defaults).auth;

    expect(sut.secretGenerated).toBe(true);
    expect(sut.secret.length).toBeGreaterThanOrEqual(32);
    expect(sut.publicDashboard).toBe(false);
    expect(sut.oidc).toBeNull();
  });

  it('needs the whole OpenID Connect client once an issuer is named', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example' }, defaults)).toThrow(/OIDC_CLIENT_ID is required/);
    const sut = loadConfig(
      {
        OIDC_ISSUER: 'https://login.example',
        OIDC_CLIENT_ID: 'tiltak',
        OIDC_CLIENT_SECRET: 's',
        OIDC_REDIRECT_URI: 'https://tiltak.example/auth/oidc/callback',
        OIDC_ALLOWED_TENANTS: 'a, b',
      },
      defaults,
    );
    expect(sut.auth.oidc?.allowedTenants).toEqual(['a', 'b']);
  });

  it('sizes the rate limits for a busy meeting, and takes other sizes from the environment', () => {
    expect(loadConfig({}, defaults).rateLimits).toEqual({
      queries: { perUser: 600, perAddress: 3_000 },
      mutations: { perUser: 120, perAddress: 600 },
      signIns: { perAddress: 100 },
      presenceEvents: { perUser: 300, perAddress: 1_500 },
      documents: { perUser: 20, perAddress: 100 },
      openData: { perAddress: 120 },
    });
    expect(loadConfig({ RATE_LIMIT_MUTATIONS_PER_USER: '30' }, defaults).rateLimits.mutations.perUser).toBe(30);
    expect(() => loadConfig({ RATE_LIMIT_QUERIES_PER_USER: '0' }, defaults)).toThrow(
      'RATE_LIMIT_QUERIES_PER_USER must be a whole number of requests per minute, above 0 (got "0")',
    );
  });
});

describe('waiting limits', () => {
  it('bounds every wait on the database by default', () => {
    expect(loadConfig({}, defaults).databasePool).toEqual({
      poolSize: 10,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 15_000,
      idleInTransactionTimeoutMs: 10_000,
    });
  });

  it('takes the pool size and timeouts from the environment', () => {
    const sut = loadConfig(
      {
        DATABASE_POOL_SIZE: '25',
        DATABASE_CONNECT_TIMEOUT_MS: '2000',
        DATABASE_STATEMENT_TIMEOUT_MS: '60000',
        DATABASE_IDLE_TRANSACTION_TIMEOUT_MS: '30000',
      },
      defaults,
    ).databasePool;

    expect(sut).toEqual({
      poolSize: 25,
      connectTimeoutMs: 2_000,
      statementTimeoutMs: 60_000,
      idleInTransactionTimeoutMs: 30_000,
    });
  });

  it('disconnects a live subscriber that reads nothing for a minute, and prunes hourly, unless told otherwise', () => {
    expect(loadConfig({}, defaults).live).toEqual({ readTimeoutMs: 60_000 });
    expect(loadConfig({}, defaults).pruneIntervalMs).toBe(3_600_000);
    expect(loadConfig({ LIVE_READ_TIMEOUT_MS: '1500' }, defaults).live.readTimeoutMs).toBe(1_500);
    expect(loadConfig({ PRUNE_INTERVAL_MS: '200' }, defaults).pruneIntervalMs).toBe(200);
  });

  it('keeps mail in the outbox and runs scheduled work unless told otherwise', () => {
    const sut = loadConfig({}, defaults);

    expect(sut.mail).toEqual({ smtpUrl: null, from: 'Tiltak <tiltak@localhost>', publicUrl: null });
    expect(sut.jobs).toEqual({ enabled: true });
  });

  it('takes the mail server, sender and public address, and refuses what is not one', () => {
    const sut = loadConfig(
      {
        SMTP_URL: 'smtps://tiltak:hemmelig@smtp.example.no:465',
        MAIL_FROM: 'Tiltak <tiltak@example.no>',
        PUBLIC_URL: 'https://tiltak.example.no/',
        JOBS: 'false',
      },
      defaults,
    );
    expect(sut.mail).toEqual({
      smtpUrl: 'smtps://tiltak:hemmelig@smtp.example.no:465',
      from: 'Tiltak <tiltak@example.no>',
      publicUrl: 'https://tiltak.example.no',
    });
    expect(sut.jobs.enabled).toBe(false);
    try {
      loadConfig({ SMTP_URL: 'mail.example.no', PUBLIC_URL: 'tiltak.example.no', MAIL_FROM: 'Tiltak' }, defaults);
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'SMTP_URL must be an smtp:// or smtps:// address, for example smtp://user:password@mail.example.no:587',
        'PUBLIC_URL must be an http:// or https:// address (got "tiltak.example.no")',
        'MAIL_FROM must be one e-mail address, with or without a name',
      ]);
    }
  });

  it('flags actions without a status update for 60 days, or as many as configured, and refuses nonsense', () => {
    expect(loadConfig({}, defaults).progress.staleAfterDays).toBe(60);
    expect(loadConfig({ STALE_AFTER_DAYS: '90' }, defaults).progress.staleAfterDays).toBe(90);
    expect(() => loadConfig({ STALE_AFTER_DAYS: '0' }, defaults)).toThrow(
      'STALE_AFTER_DAYS must be a whole number of days from 1 to 3650 (got "0")',
    );
    expect(() => loadConfig({ STALE_AFTER_DAYS: 'two months' }, defaults)).toThrow(/STALE_AFTER_DAYS/);
  });

  it('keeps report links 14 days, or as many as configured, and refuses nonsense', () => {
    expect(loadConfig({}, defaults).reportLinks.lifetimeDays).toBe(14);
    expect(loadConfig({ REPORT_LINK_DAYS: '7' }, defaults).reportLinks.lifetimeDays).toBe(7);
    expect(() => loadConfig({ REPORT_LINK_DAYS: '0' }, defaults)).toThrow(
      'REPORT_LINK_DAYS must be a whole number of days from 1 to 90 (got "0")',
    );
  });

  it('refuses a wait that is not a positive whole number, or a pool of none, together with other problems', () => {
    const load = () =>
      loadConfig(
        {
          PORT: 'eighty',
          DATABASE_POOL_SIZE: '0',
          DATABASE_CONNECT_TIMEOUT_MS: '5s',
          DATABASE_STATEMENT_TIMEOUT_MS: '-1',
          DATABASE_IDLE_TRANSACTION_TIMEOUT_MS: '1.5',
          LIVE_READ_TIMEOUT_MS: 'never',
          PRUNE_INTERVAL_MS: '0',
        },
        defaults,
      );

    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PORT must be a port number from 0 to 65535 (got "eighty")',
        'DATABASE_POOL_SIZE must be a whole number of connections from 1 to 1000 (got "0")',
        'DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds from 1 to 86400000 (got "5s")',
        'DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds from 1 to 86400000 (got "-1")',
        'DATABASE_IDLE_TRANSACTION_TIMEOUT_MS must be a whole number of milliseconds from 1 to 86400000 (got "1.5")',
        'LIVE_READ_TIMEOUT_MS must be a whole number of milliseconds from 1 to 86400000 (got "never")',
        'PRUNE_INTERVAL_MS must be a whole number of milliseconds from 1 to 86400000 (got "0")',
      ]);
    }
  });
});

describe('TRUST_PROXY', () => {
  const trustProxy = (value: string | undefined) => loadConfig({ TRUST_PROXY: value }, defaults).trustProxy;

  it('trusts no proxy unless told to', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('0')).toBe(false);
  });

  it('takes a number of hops, or addresses, CIDR ranges and named ranges', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('loopback, 10.0.0.0/8, fd00::/8, 192.168.1.7, 172.16.0.0/255.240.0.0')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.7',
      '172.16.0.0/255.240.0.0',
    ]);
  });

  it('refuses what would let a client choose its own address, and what it does not understand', () => {
    for (const value of ['true', 'all', '10.0.0.0/33', 'proxy.example.no', '99']) {
      expect(() => trustProxy(value)).toThrow(/TRUST_PROXY must be/);
    }
  });
});
