import { InMemoryCache } from '@apollo/client';
import { ActionDocument, KnownPartyFragmentDoc } from './generated/operations';
import { takeLiveChanges } from './live-cache';
import type { LiveChange } from './live-connection';

type Snapshot = NonNullable<LiveChange['action']>;

// With `__typename` throughout, as the live connection asks for it (the generated types leave it out).
const anAction = (overrides: Partial<Snapshot> = {}): Snapshot =>
  ({
    __typename: 'Action',
    id: 'a1',
    code: 'T1',
    title: 'Næringsvennlige kommuner',
    description: '',
    status: 'IN_PROGRESS',
    startDate: '2025-01-01',
    dueDate: '2026-12-31',
    progress: 40,
    health: 'ON_TRACK',
    computedHealth: 'ON_TRACK',
    expectedProgress: 45,
    overdue: false,
    version: 3,
    budget: null,
    healthOverride: null,
    caseReference: null,
    recordUrl: null,
    focusArea: { __typename: 'FocusArea', id: 'f1', name: 'Næringsutvikling' },
    municipalities: [],
    involvements: [
      {
        __typename: 'Involvement',
        id: 'i1',
        role: 'LEAD',
        level: 'OPERATIONAL',
        version: 1,
        party: { __typename: 'Party', id: 'p1', name: 'Næringsrådet', projectLeads: [] },
      },
    ],
    projectLeads: [],
    milestones: [],
    progressExplanation: { __typename: 'ActionProgressExplanation', source: 'MANUAL', gap: -5 },
    lead: { __typename: 'Involvement', party: { __typename: 'Party', id: 'p1', name: 'Næringsrådet' } },
    viewerCan: {
      __typename: 'ActionAbilities',
      updateStatus: true,
      edit: false,
      changeMunicipalities: false,
      editMilestones: true,
      reshapeMilestones: false,
      manageInvolvements: false,
      nameProjectLeads: false,
      proposeChanges: false,
    },
    ...overrides,
  }) as Snapshot;

const aChange = (entity: string, action: Snapshot | null, overrides: Partial<LiveChange> = {}): LiveChange => ({
  seq: '1',
  reset: false,
  caughtUp: false,
  entity,
  entityId: 'e1',
  actionId: action?.id ?? null,
  operation: 'UPDATE',
  actor: null,
  occurredAt: null,
  action,
  ...overrides,
});

/** A cache holding the action page as loaded: the action with its history. */
function cacheWithActionPage(action: Snapshot, historyIds: string[] = []): InMemoryCache {
  const cache = new InMemoryCache();
  cache.writeQuery({
    query: ActionDocument,
    variables: { id: action.id },
    data: {
      action: {
        ...action,
        endedReason: null,
        predecessor: null,
        successor: null,
        history: historyIds.map((id) => ({
          __typename: 'StatusUpdate' as const,
          id,
          createdAt: '2026-01-01T00:00:00Z',
          status: action.status,
          progress: action.progress,
          health: action.health,
          comment: '',
          author: null,
          period: '2025–2028',
          earlierPeriod: false,
        })),
      },
    },
  });
  return cache;
}

describe('takeLiveChanges', () => {
  it('writes an action the cache has not seen and names the roll-ups to fetch again', () => {
    const sut = new InMemoryCache();

    const refetch = takeLiveChanges(sut, [aChange('action', anAction({ progress: 55 }))]);

    expect(refetch.everything).toBe(false);
    expect([...refetch.operations]).toEqual(
      expect.arrayContaining(['ProgressOverview', 'Watchlist', 'MunicipalityPage', 'FocusAreaPage']),
    );
    expect(sut.extract()['Action:a1']).toMatchObject({ progress: 55, version: 3 });
  });

  it('fetches nothing for the echo of a write whose answer the cache already holds', () => {
    const sut = cacheWithActionPage(anAction({ version: 4, status: 'ON_HOLD' }), ['s1']);

    const refetch = takeLiveChanges(sut, [
      aChange('action', anAction({ version: 4, status: 'ON_HOLD' })),
      aChange('status_update', anAction({ version: 4, status: 'ON_HOLD' }), { entityId: 's1', operation: 'CREATE' }),
    ]);

    expect(refetch).toEqual({ everything: false, operations: new Set(), histories: new Set() });
  });

  it('fetches what shows reports when one changes, though the action it carries is the one the cache holds', () => {
    const sut = cacheWithActionPage(anAction({ version: 4 }), ['s1']);

    const refetch = takeLiveChanges(sut, [aChange('report', anAction({ version: 4 }), { actionId: 'a1' })]);

    expect(refetch.everything).toBe(false);
    expect([...refetch.operations].sort()).toEqual([
      'ChangesSinceLastCouncilReport',
      'MyReports',
      'MyReportsCount',
      'ProgrammeChanges',
      'ReportingRound',
      'ReportingRounds',
    ]);
    expect(takeLiveChanges(sut, [aChange('reporting_round', null)]).operations).toEqual(refetch.operations);
  });

  it('fetches the council report’s snapshots and what changed since one when a snapshot is taken', () => {
    const sut = cacheWithActionPage(anAction({ version: 4 }), ['s1']);

    const refetch = takeLiveChanges(sut, [aChange('council_snapshot', null, { operation: 'CREATE' })]);

    expect(refetch.everything).toBe(false);
    expect([...refetch.operations].sort()).toEqual([
      'ChangesSinceLastCouncilReport',
      'CouncilSnapshots',
      'ProgrammeChanges',
    ]);
  });

  it('fetches what changed since the last council report when an action moves', () => {
    const sut = cacheWithActionPage(anAction({ version: 4 }), ['s1']);

    const refetch = takeLiveChanges(sut, [aChange('action', anAction({ version: 5, status: 'ON_HOLD' }))]);

    expect(refetch.operations.has('ChangesSinceLastCouncilReport')).toBe(true);
    expect(refetch.operations.has('ProgrammeChanges')).toBe(true);
  });

  it('fetches the money views when a funding line or hours change, though the action they carry is unchanged', () => {
    const sut = cacheWithActionPage(anAction({ version: 4 }), ['s1']);

    const refetch = takeLiveChanges(sut, [aChange('funding_line', anAction({ version: 4 }), { actionId: 'a1' })]);

    expect(refetch.everything).toBe(false);
    expect([...refetch.operations].sort()).toEqual([
      'ActionFunding',
      'FocusAreaFunding',
      'FocusAreaMoney',
      'GoalMoney',
      'MunicipalityMoney',
      'RecentChanges',
    ]);
    expect(takeLiveChanges(sut, [aChange('effort_entry', anAction({ version: 4 }))]).operations).toEqual(
      refetch.operations,
    );
  });

  it('fetches the money views when an action it holds gets another budget, and not for a status update', () => {
    const sut = cacheWithActionPage(anAction({ version: 4 }), ['s1']);

    const budgeted = takeLiveChanges(sut, [aChange('action', anAction({ version: 5, budget: 1_500_000 }))]);
    const updated = takeLiveChanges(sut, [
      aChange('action', anAction({ version: 6, budget: 1_500_000, progress: 50 })),
    ]);

    expect(budgeted.operations.has('FocusAreaFunding')).toBe(true);
    expect(updated.operations.has('FocusAreaFunding')).toBe(false);
  });

  it('takes someone else’s status update, and fetches the history of the open action that misses it', () => {
    const sut = cacheWithActionPage(anAction(), ['s1']);

    const refetch = takeLiveChanges(sut, [
      aChange('action', anAction({ version: 4, status: 'ON_HOLD' })),
      aChange('status_update', anAction({ version: 4, status: 'ON_HOLD' }), { entityId: 's2', operation: 'CREATE' }),
    ]);

    expect(refetch.operations.has('ProgressOverview')).toBe(true);
    expect(refetch.operations.has('RecentChanges')).toBe(true);
    expect([...refetch.histories]).toEqual(['a1']);
    expect(sut.extract()['Action:a1']).toMatchObject({ status: 'ON_HOLD', version: 4 });
  });

  it('does not apply a change older than the version shown', () => {
    const sut = cacheWithActionPage(anAction({ version: 5, progress: 70 }));

    const refetch = takeLiveChanges(sut, [aChange('action', anAction({ version: 4, progress: 60 }))]);

    expect(refetch.operations.size).toBe(0);
    expect(sut.extract()['Action:a1']).toMatchObject({ progress: 70, version: 5 });
  });

  it('takes a change that leaves the action’s version as it was, such as a new partner', () => {
    const sut = cacheWithActionPage(anAction());
    const partner = {
      __typename: 'Involvement',
      id: 'i2',
      role: 'PARTNER',
      level: 'STRATEGIC',
      version: 1,
      party: { __typename: 'Party', id: 'p2', name: 'Klyngen', projectLeads: [] },
    } as Snapshot['involvements'][number];

    const refetch = takeLiveChanges(sut, [
      aChange('involvement', anAction({ involvements: [...anAction().involvements, partner] })),
    ]);

    expect([...refetch.operations].sort()).toEqual(['FilteredActions', 'PartyPage', 'RecentChanges', 'WhoDoesWhat']);
  });

  it('fetches only what shows a party or a user when one changes, and everything on a reset or an unknown change', () => {
    const sut = new InMemoryCache();

    expect(takeLiveChanges(sut, [aChange('party', null)]).operations).toEqual(
      new Set(['Action', 'Actions', 'PartyPage', 'WhoDoesWhat', 'AssignmentChoices', 'Users', 'RecentChanges']),
    );
    expect(takeLiveChanges(sut, [aChange('user', null)]).operations).toEqual(
      new Set(['Action', 'PartyPage', 'AssignmentChoices', 'Users']),
    );
    expect(takeLiveChanges(sut, [aChange('party', null, { reset: true, entity: null })]).everything).toBe(true);
    expect(takeLiveChanges(sut, [aChange('focus_area', null)]).everything).toBe(true);
  });

  it('fetches the proposal lists when a proposal changes, and the goal views when an action’s goals change', () => {
    const sut = new InMemoryCache();

    const proposal = takeLiveChanges(sut, [aChange('action_proposal', null)]);
    expect(proposal.everything).toBe(false);
    expect(proposal.operations).toEqual(new Set(['ActionProposals', 'ActionGovernance', 'RecentChanges']));
    const goals = takeLiveChanges(sut, [aChange('action_goal', null)]);
    expect(goals.operations).toEqual(new Set(['GoalsPage', 'GoalPage', 'ActionGoals', 'GoalMoney', 'RecentChanges']));
  });

  it('fetches the municipality page and the warnings when a decision is recorded, with its history', () => {
    const sut = new InMemoryCache();

    const refetch = takeLiveChanges(sut, [aChange('adoption', null), aChange('adoption_decision', null)]);
    expect(refetch.everything).toBe(false);
    expect(refetch.operations).toEqual(
      new Set(['MunicipalityPage', 'ProgrammeWarnings', 'ActionGovernance', 'RecentChanges']),
    );
  });

  it('fetches the register, the indicators made from it and the founding action’s networks when a network changes', () => {
    const sut = new InMemoryCache();
    const expected = new Set([
      'Networks',
      'NetworkPage',
      'MunicipalityPage',
      'FocusAreaPage',
      'IndicatorExplanation',
      'ActionFoundedNetworks',
      'RecentChanges',
    ]);

    expect(takeLiveChanges(sut, [aChange('network', null)]).operations).toEqual(expected);
    expect(takeLiveChanges(sut, [aChange('network_membership', null)]).operations).toEqual(expected);
    expect(takeLiveChanges(sut, [aChange('network', null)]).everything).toBe(false);
  });

  it('fetches nothing for the echo of creating a party whose answer the cache already holds', () => {
    const sut = new InMemoryCache();
    sut.writeFragment({
      id: sut.identify({ __typename: 'Party', id: 'p9' }),
      fragment: KnownPartyFragmentDoc,
      data: { id: 'p9' },
    });

    expect(
      takeLiveChanges(sut, [aChange('party', null, { entityId: 'p9', operation: 'CREATE' })]).operations.size,
    ).toBe(0);
    expect(
      takeLiveChanges(sut, [aChange('party', null, { entityId: 'p8', operation: 'CREATE' })]).operations.size,
    ).toBeGreaterThan(0);
  });
});
