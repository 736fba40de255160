import { readStopMailToken, stopMailToken } from './stop-mail-token';

const secret = 'a-secret-that-is-long-enough-for-the-test-1234';
const userId = '6f1c2d3e-1111-4222-8333-944455556666';

describe('stop-mail tokens', () => {
  it('name the user and the kind of mail they were made for', () => {
    expect(readStopMailToken(secret, stopMailToken(secret, userId, 'REMINDER'))).toEqual({ userId, kind: 'REMINDER' });
  });

  it('are refused when signed with another secret, changed, or made up from an id', () => {
    const token = stopMailToken(secret, userId, 'REMINDER');
    expect(readStopMailToken(`${secret}x`, token)).toBeNull();
    const otherKind = Buffer.from(`${userId}:ROUND_OPENED`).toString('base64url');
    expect(readStopMailToken(secret, `${otherKind}.${token.split('.')[1]}`)).toBeNull();
    expect(readStopMailToken(secret, userId)).toBeNull();
    expect(readStopMailToken(secret, '')).toBeNull();
  });
});
