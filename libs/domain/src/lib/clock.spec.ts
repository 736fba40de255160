import { isIsoDate, osloDate } from './clock';

describe('osloDate', () => {
  it('turns the day at midnight in Oslo', () => {
    expect(osloDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(osloDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['26-02-01', false],
    ['2026-2-1', false],
  ])('%s is a date: %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});
