import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { ApiError, ApiErrorCode } from './api-error';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a database that is away, going or out of reach, however it is wrapped', () => {
    const away = [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('the database system is shutting down', '57P03'),
      new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01')),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new QueryRunnerAlreadyReleasedError(),
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]),
      new Error('wrapped', { cause: withCode('read ECONNRESET', 'ECONNRESET') }),
    ];
    expect(away.filter((error) => !isDatabaseUnavailable(error))).toEqual([]);
  });

  it('leaves input that broke a rule, and faults in the code, as what they are', () => {
    const notAway = [
      new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505')),
      withCode('canceling statement due to statement timeout', '57014'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new ApiError(ApiErrorCode.CONFLICT, 'Someone else saved first'),
      'a string',
      null,
    ];
    expect(notAway.filter((error) => isDatabaseUnavailable(error))).toEqual([]);
  });
});
