import {
  actionProgress,
  assessHealth,
  expectedProgress,
  isStale,
  localFigures,
  rollUpProgress,
  roundedRatio,
  staleBoundary,
  countHealth,
} from './progress';

describe('roundedRatio', () => {
  it.each([
    [1, 2, 1],
    [1, 3, 0],
    [2, 3, 1],
    [250, 100, 3],
    [249, 100, 2],
  ])('rounds %i / %i half up to %i', (n, d, expected) => {
    expect(roundedRatio(n, d)).toBe(expected);
  });
});

describe('actionProgress', () => {
  it('is the weighted share of completed milestones', () => {
    const sut = actionProgress(
      [
        { weight: 1, completed: true },
        { weight: 2, completed: false },
      ],
      90,
    );

    expect(sut).toEqual({ progress: 33, source: 'MILESTONES' });
  });

  it('is the lead’s own figure when there are no milestones', () => {
    expect(actionProgress([], 40)).toEqual({ progress: 40, source: 'MANUAL' });
    expect(actionProgress([], null)).toEqual({ progress: 0, source: 'MANUAL' });
  });
});

describe('expectedProgress', () => {
  it('grows steadily from start to due', () => {
    expect(expectedProgress('2026-01-01', '2026-01-11', '2026-01-06')).toBe(50);
  });

  it('is 0 before the start and 100 from the due date on', () => {
    expect(expectedProgress('2026-01-01', '2026-12-31', '2025-06-01')).toBe(0);
    expect(expectedProgress('2026-01-01', '2026-12-31', '2026-12-31')).toBe(100);
    expect(expectedProgress('2026-03-01', '2026-03-01', '2026-03-01')).toBe(100);
  });
});

describe('assessHealth', () => {
  const base = { status: 'IN_PROGRESS' as const, startDate: '2026-01-01', dueDate: '2026-01-11', today: '2026-01-06' };

  it.each([
    [50, 'ON_TRACK'],
    [40, 'ON_TRACK'],
    [39, 'AT_RISK'],
    [25, 'AT_RISK'],
    [24, 'OFF_TRACK'],
  ])('with progress %i against 50 expected is %s', (progress, health) => {
    expect(assessHealth({ ...base, progress }).health).toBe(health);
  });

  it('calls an unfinished action past its due date off track', () => {
    expect(assessHealth({ ...base, progress: 99, today: '2026-01-12' })).toMatchObject({
      health: 'OFF_TRACK',
      overdue: true,
    });
  });

  it('never calls a completed or cancelled action late', () => {
    expect(assessHealth({ ...base, status: 'COMPLETED', progress: 10, today: '2027-01-01' }).health).toBe('ON_TRACK');
    expect(assessHealth({ ...base, status: 'CANCELLED', progress: 0, today: '2027-01-01' }).health).toBe('ON_TRACK');
  });
});

describe('rollUpProgress', () => {
  it('weights actions and skips cancelled ones', () => {
    const sut = rollUpProgress([
      { progress: 100, weight: 1, status: 'COMPLETED' },
      { progress: 0, weight: 2, status: 'NOT_STARTED' },
      { progress: 50, weight: 5, status: 'CANCELLED' },
    ]);

    expect(sut).toEqual({ progress: 33.3, weightedSum: 100, totalWeight: 3, counted: 2, skippedCancelled: 1 });
  });

  it('has no progress when nothing counts', () => {
    expect(rollUpProgress([{ progress: 50, weight: 1, status: 'CANCELLED' }]).progress).toBeNull();
  });
});

describe('localFigures', () => {
  const action = {
    status: 'IN_PROGRESS' as const,
    progress: 50,
    health: 'AT_RISK' as const,
    startDate: '2026-01-01',
    dueDate: '2026-01-11',
  };

  it('follows the action where the municipality set nothing', () => {
    expect(localFigures(action, { status: null, progress: null }, '2026-01-06')).toEqual({
      status: 'IN_PROGRESS',
      progress: 50,
      health: 'AT_RISK',
    });
  });

  it('uses the municipality’s own pace and judges its health by it', () => {
    expect(localFigures(action, { status: 'COMPLETED', progress: 100 }, '2026-01-06')).toEqual({
      status: 'COMPLETED',
      progress: 100,
      health: 'ON_TRACK',
    });
    expect(localFigures(action, { status: null, progress: 10 }, '2026-01-06').health).toBe('OFF_TRACK');
  });
});

describe('isStale', () => {
  const base = { status: 'IN_PROGRESS' as const, today: '2026-03-02', staleAfterDays: 60 };

  it('flags an unfinished action whose last update is more than the limit of days old', () => {
    expect(isStale({ ...base, lastUpdatedOn: '2025-12-31' })).toBe(true);
    expect(isStale({ ...base, lastUpdatedOn: '2026-01-01' })).toBe(false);
  });

  it('never flags a finished action', () => {
    expect(isStale({ ...base, status: 'COMPLETED', lastUpdatedOn: '2020-01-01' })).toBe(false);
    expect(isStale({ ...base, status: 'CANCELLED', lastUpdatedOn: '2020-01-01' })).toBe(false);
  });

  it('agrees with the boundary the SQL compares with: stale before it, not on it', () => {
    const boundary = staleBoundary(base.today, base.staleAfterDays);
    expect(boundary).toBe('2026-01-01');
    expect(isStale({ ...base, lastUpdatedOn: boundary })).toBe(false);
    expect(isStale({ ...base, lastUpdatedOn: '2025-12-31' })).toBe(true);
  });
});

describe('countHealth', () => {
  it('counts actions by health and leaves cancelled ones out, as roll-ups do', () => {
    const sut = countHealth([
      { status: 'IN_PROGRESS', health: 'ON_TRACK' },
      { status: 'IN_PROGRESS', health: 'AT_RISK' },
      { status: 'NOT_STARTED', health: 'OFF_TRACK' },
      { status: 'ON_HOLD', health: 'OFF_TRACK' },
      { status: 'CANCELLED', health: 'ON_TRACK' },
    ]);

    expect(sut).toEqual({ onTrack: 1, atRisk: 1, offTrack: 2 });
  });
});
