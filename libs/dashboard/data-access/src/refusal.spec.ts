import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { refusalOf } from './refusal';

const answered = (status: number, body: unknown) =>
  new ServerError(`Response not successful: Received status code ${status}`, {
    response: new Response(null, { status }),
    bodyText: JSON.stringify(body),
  });

describe('refusalOf', () => {
  it('reads the reason and field of a GraphQL refusal', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'comment: too long', extensions: { code: 'BAD_USER_INPUT', field: 'comment' } }],
    });

    expect(refusalOf(error)).toEqual({ reason: 'other', field: 'comment', detail: 'comment: too long' });
  });

  it('reads the GraphQL error in the body of a 429 over the rate limit', () => {
    const error = answered(429, {
      errors: [{ message: 'Too many mutations', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 } }],
    });

    expect(refusalOf(error).reason).toBe('RATE_LIMITED');
  });

  it('reads a 413 over the size limit', () => {
    const error = answered(413, { errors: [{ message: 'Too large', extensions: { code: 'REQUEST_TOO_LARGE' } }] });

    expect(refusalOf(error).reason).toBe('REQUEST_TOO_LARGE');
  });

  it('reads a 503 while the database is away', () => {
    const error = answered(503, {
      errors: [{ message: 'Tiltak cannot reach its database', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });

    expect(refusalOf(error).reason).toBe('SERVICE_UNAVAILABLE');
  });

  it('keeps the words of a server answer it cannot read', () => {
    const error = new ServerError('Response not successful: Received status code 502', {
      response: new Response(null, { status: 502 }),
      bodyText: '<html>Bad gateway</html>',
    });

    expect(refusalOf(error)).toEqual({
      reason: 'other',
      field: null,
      detail: 'Response not successful: Received status code 502',
    });
  });
});
