import { formatPeriod, isValidPeriod } from './period';

describe('programme period', () => {
  it('prints a span of years with an en dash', () => {
    expect(formatPeriod({ startYear: 2025, endYear: 2028 })).toBe('2025–2028');
  });

  it('prints a single year once', () => {
    expect(formatPeriod({ startYear: 2026, endYear: 2026 })).toBe('2026');
  });

  it.each([
    [{ startYear: 2025, endYear: 2028 }, true],
    [{ startYear: 2028, endYear: 2025 }, false],
    [{ startYear: 2025.5, endYear: 2028 }, false],
  ])('judges %o valid: %s', (period, valid) => {
    expect(isValidPeriod(period)).toBe(valid);
  });
});
