import { addDays, isLate, roundClosesAt, startOfOsloDay } from './reporting';

describe('reporting round times', () => {
  it('finds midnight in Oslo in winter and in summer', () => {
    expect(startOfOsloDay('2026-12-15').toISOString()).toBe('2026-12-14T23:00:00.000Z');
    expect(startOfOsloDay('2026-06-15').toISOString()).toBe('2026-06-14T22:00:00.000Z');
  });

  it('closes a round at the midnight after deadline plus grace days, across a month end', () => {
    expect(roundClosesAt('2026-12-28', 7).toISOString()).toBe('2027-01-04T23:00:00.000Z');
    expect(roundClosesAt('2026-06-30', 0).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('crosses the change to summer time', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(startOfOsloDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('marks late only after the deadline day', () => {
    expect(isLate('2026-12-15', '2026-12-15')).toBe(false);
    expect(isLate('2026-12-15', '2026-12-16')).toBe(true);
  });
});
