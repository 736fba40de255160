import { reportLinkExpiry, reportLinkState, viaLinkActorName } from './report-link';

describe('reportLinkExpiry', () => {
  const now = new Date('2026-09-01T10:00:00Z');

  it('lasts its lifetime when the round closes later', () => {
    const sut = reportLinkExpiry(now, 14, new Date('2026-10-01T22:00:00Z'));
    expect(sut.toISOString()).toBe('2026-09-15T10:00:00.000Z');
  });

  it('ends when the round closes, if that comes first', () => {
    const sut = reportLinkExpiry(now, 14, new Date('2026-09-05T22:00:00Z'));
    expect(sut.toISOString()).toBe('2026-09-05T22:00:00.000Z');
  });
});

describe('reportLinkState', () => {
  const now = new Date('2026-09-10T00:00:00Z');

  it.each([
    [{ expiresAt: new Date('2026-09-11T00:00:00Z'), revokedAt: null }, 'ACTIVE'],
    [{ expiresAt: new Date('2026-09-10T00:00:00Z'), revokedAt: null }, 'EXPIRED'],
    [{ expiresAt: new Date('2026-09-11T00:00:00Z'), revokedAt: new Date('2026-09-09T00:00:00Z') }, 'REVOKED'],
    [{ expiresAt: new Date('2026-09-01T00:00:00Z'), revokedAt: new Date('2026-09-09T00:00:00Z') }, 'REVOKED'],
  ])('%o is %s', (link, state) => {
    expect(reportLinkState(link, now)).toBe(state);
  });
});

describe('viaLinkActorName', () => {
  it('names the person and who sent the link', () => {
    expect(viaLinkActorName('Kari Nordmann', 'Nes kommune')).toBe('Kari Nordmann, via lenke fra Nes kommune');
  });
});
