import { databaseStartupProblem, majorVersion, versionProblem } from './server-check';
import { StartupProblem } from './startup-problem';

const server = { kind: 'server', url: 'postgres://tiltak:secret@db.example:5433/tiltak_prod' } as const;
const embedded = {
  kind: 'embedded',
  dataDir: '/srv/tiltak/.data',
  passwordFile: '/srv/tiltak/.data/postgres.password',
} as const;

/** An error as the driver or Node reports it: a message and a code. */
function failure(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

describe('the sentence for a database that will not let Tiltak start', () => {
  it.each([
    ['28P01', /^PostgreSQL at db\.example:5433 refused the password of user "tiltak"; correct .* in DATABASE_URL\.$/],
    [
      '28000',
      /^PostgreSQL at db\.example:5433 does not let user "tiltak" connect to database "tiltak_prod"; .*pg_hba\.conf\.$/,
    ],
    [
      '3D000',
      /^PostgreSQL at db\.example:5433 has no database "tiltak_prod"; create it \(createdb tiltak_prod\) or .*\.$/,
    ],
    ['ECONNREFUSED', /^No PostgreSQL answers at db\.example:5433 \(connection refused\); start the server, or .*\.$/],
    ['ENOTFOUND', /^The database host "db\.example" cannot be found; correct the host name in DATABASE_URL\.$/],
    ['EAI_AGAIN', /^The database host "db\.example" cannot be found;/],
    ['ETIMEDOUT', /^PostgreSQL at db\.example:5433 did not answer within 10 seconds; .*DATABASE_URL\.$/],
    ['EHOSTUNREACH', /^PostgreSQL at db\.example:5433 did not answer within 10 seconds;/],
    ['53300', /^PostgreSQL at db\.example:5433 has no connection slots left;/],
    ['57P03', /^PostgreSQL at db\.example:5433 is still starting up or shutting down;/],
  ])('names the cause and the fix for %s, in one sentence', (code, sentence) => {
    const problem = databaseStartupProblem(failure(code), server);

    expect(problem).toBeInstanceOf(StartupProblem);
    expect(problem?.message).toMatch(sentence);
    expect(problem?.message).not.toContain('secret');
    expect(problem?.message.split('; ')).toHaveLength(2);
  });

  it('counts a connection attempt that timed out as no answer', () => {
    expect(
      databaseStartupProblem(new Error('Connection terminated due to connection timeout'), server)?.message,
    ).toMatch(/did not answer within 10 seconds/);
  });

  it('looks inside the error Node gives when every address of a host refused', () => {
    const refused = new AggregateError([failure('ECONNREFUSED'), failure('ECONNREFUSED')], 'connect failed');

    expect(databaseStartupProblem(refused, server)?.message).toMatch(/^No PostgreSQL answers at db\.example:5433/);
  });

  it('sends a refused password of the embedded PostgreSQL to its password file', () => {
    expect(databaseStartupProblem(failure('28P01'), embedded)?.message).toBe(
      'The embedded PostgreSQL refused the password in /srv/tiltak/.data/postgres.password; put back the password ' +
        'file that belongs to this data folder, or delete /srv/tiltak/.data to start again from the demo programme.',
    );
  });

  it('leaves other errors alone, so they keep their stack', () => {
    expect(databaseStartupProblem(failure('42P01', 'relation "x" does not exist'), server)).toBeUndefined();
    expect(databaseStartupProblem('not even an error', server)).toBeUndefined();
  });
});

describe('the oldest PostgreSQL Tiltak runs on', () => {
  it('reads the major version from server_version_num', () => {
    expect(majorVersion(90_624)).toBe(9);
    expect(majorVersion(130_016)).toBe(13);
    expect(majorVersion(140_000)).toBe(14);
    expect(majorVersion(180_004)).toBe(18);
  });

  it('refuses 13 and older with the version the server reports, and accepts 14 and newer', () => {
    expect(versionProblem(130_016, '13.16 (Debian 13.16-1)', server)?.message).toBe(
      'PostgreSQL at db.example:5433 is version 13.16 (Debian 13.16-1), but Tiltak needs PostgreSQL 14 or newer; ' +
        'upgrade the server or point DATABASE_URL at a newer one.',
    );
    expect(versionProblem(140_000, '14.0', server)).toBeUndefined();
    expect(versionProblem(150_004, '15.4', server)).toBeUndefined();
  });
});
