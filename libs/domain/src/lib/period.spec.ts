import { formatPeriod } from './period';

describe('programme period', () => {
  it('prints a span of years with an en dash', () => {
    expect(formatPeriod({ startYear: 2025, endYear: 2028 })).toBe('2025–2028');
  });

  it('prints a single year once', () => {
    expect(formatPeriod({ startYear: 2026, endYear: 2026 })).toBe('2026');
  });
});
