import type { ApolloCache } from '@apollo/client';
import {
  ActionHistoryEntriesFragmentDoc,
  type ActionMoneyFragment,
  ActionMoneyFragmentDoc,
  ActionSnapshotFragmentDoc,
  ActionVersionFragmentDoc,
  KnownPartyFragmentDoc,
  KnownUserFragmentDoc,
} from './generated/operations';
import type { LiveChange } from './live-connection';

/**
 * What a batch of live changes leaves to fetch again: the operations (by name) whose figures the
 * changes do not carry, the actions whose open history misses an entry, or simply everything.
 */
export interface LiveRefetch {
  everything: boolean;
  operations: Set<string>;
  histories: Set<string>;
}

/** Figures the server rolls up over many actions: the matrix, the progress of programme and places, their explanations. */
const ROLL_UPS = ['ProgressOverview', 'MunicipalityPage', 'FocusAreaPage', 'ProgressExplanation'] as const;
export const FILTERED_ACTIONS = 'FilteredActions';
/** What shows reporting rounds and reports: the rounds, one round's completion view, and what the viewer owes. */
const REPORTING = ['ReportingRounds', 'ReportingRound', 'MyReports', 'MyReportsCount'] as const;
/** Money and effort summed over actions: the overview's focus-area money, a place's money, an action's lines. */
const FUNDING = ['FocusAreaFunding', 'FocusAreaMoney', 'GoalMoney', 'MunicipalityMoney', 'ActionFunding'] as const;
/** The latest saved changes, read from the history: every change but one to an account adds to them. */
const RECENT_CHANGES = 'RecentChanges';
/** What changed since a council snapshot: the live programme is one side of it, so any change to it moves the lists. */
const SINCE_SNAPSHOT = ['ChangesSinceLastCouncilReport', 'ProgrammeChanges'] as const;

/**
 * What a change makes stale beyond the action it carries, by operation name. `FilteredActions`
 * stands for action lists narrowed by a filter, whose membership may change; every list's rows are
 * updated from the change itself. Anything not named here (the programme, a focus area, a kind of
 * change added later) refetches everything.
 */
function staleAfter(entity: string): readonly string[] | 'everything' {
  switch (entity) {
    case 'action':
      return [
        ...ROLL_UPS,
        'Watchlist',
        FILTERED_ACTIONS,
        'WhoDoesWhat',
        'ProgrammeWarnings',
        RECENT_CHANGES,
        ...SINCE_SNAPSHOT,
      ];
    case 'milestone':
    case 'status_update':
      return [...ROLL_UPS, 'Watchlist', FILTERED_ACTIONS, RECENT_CHANGES, ...SINCE_SNAPSHOT];
    case 'participation':
      return [...ROLL_UPS, FILTERED_ACTIONS, RECENT_CHANGES, ...SINCE_SNAPSHOT];
    case 'involvement':
      return [FILTERED_ACTIONS, 'WhoDoesWhat', 'PartyPage', RECENT_CHANGES];
    case 'project_lead':
      return [RECENT_CHANGES];
    case 'party':
      return ['Action', 'Actions', 'PartyPage', 'WhoDoesWhat', 'AssignmentChoices', 'Users', RECENT_CHANGES];
    case 'user':
      return ['Action', 'PartyPage', 'AssignmentChoices', 'Users'];
    case 'adoption':
    case 'adoption_decision':
      return ['MunicipalityPage', 'ProgrammeWarnings', 'ActionGovernance', RECENT_CHANGES];
    // A proposal's own lists; accepting one also changes the action, which comes as a change of its own.
    case 'action_proposal':
      return ['ActionProposals', 'ActionGovernance', RECENT_CHANGES];
    // Which goals an action serves: the goals' lists, roll-ups and money, and the action's own goals.
    case 'action_goal':
      return ['GoalsPage', 'GoalPage', 'ActionGoals', 'GoalMoney', RECENT_CHANGES];
    case 'indicator':
    case 'indicator_value':
      return ['MunicipalityPage', 'FocusAreaPage', RECENT_CHANGES, ...SINCE_SNAPSHOT];
    // The register: its pages, the indicators computed from it and the actions that founded networks.
    case 'network':
    case 'network_membership':
      return [
        'Networks',
        'NetworkPage',
        'MunicipalityPage',
        'FocusAreaPage',
        'IndicatorExplanation',
        'ActionFoundedNetworks',
        RECENT_CHANGES,
      ];
    // A submitted report may give an action at risk the narrative a new risk is shown with.
    case 'report':
    case 'reporting_round':
      return [...REPORTING, ...SINCE_SNAPSHOT];
    // A new snapshot: the council report's list, and the moment "since the last report" counts from.
    case 'council_snapshot':
      return ['CouncilSnapshots', ...SINCE_SNAPSHOT];
    case 'funding_line':
    case 'effort_entry':
      return [...FUNDING, RECENT_CHANGES];
    default:
      return 'everything';
  }
}

type Snapshot = NonNullable<LiveChange['action']>;

/** Records that belong to an action without being part of its snapshot. */
const BESIDE_ACTION = new Set(['report', 'funding_line', 'effort_entry']);

function snapshotOf(cache: ApolloCache, id: string): string | null {
  const held = cache.readFragment({ id, fragment: ActionSnapshotFragmentDoc, fragmentName: 'ActionSnapshot' });
  return held ? JSON.stringify(held) : null;
}

/**
 * Writes the actions the changes carry into the cache, where every list and page shows them, and
 * says what is left to fetch. A change that tells the cache nothing new (the echo of this page's
 * own write, whose answer already brought the action; the second event of one write) costs
 * nothing; one older than the version shown is not applied.
 */
export function takeLiveChanges(cache: ApolloCache, changes: readonly LiveChange[]): LiveRefetch {
  const refetch: LiveRefetch = { everything: false, operations: new Set(), histories: new Set() };
  const stale = (operations: readonly string[] | 'everything') => {
    if (operations === 'everything') refetch.everything = true;
    else operations.forEach((name) => refetch.operations.add(name));
  };
  for (const change of changes) {
    if (change.reset) {
      refetch.everything = true;
    } else if (change.action) {
      // A report, a funding line or hours are not part of the action they carry: the action may be
      // unchanged while they moved.
      const money = change.entity === 'action' ? moneyOf(cache, change.action.id) : null;
      const moneyMoved = money !== null && money !== moneyKey(change.action);
      if (applyAction(cache, change.action) || BESIDE_ACTION.has(change.entity ?? '')) {
        stale(staleAfter(change.entity ?? ''));
      }
      // A budget set, or an action moved to another focus area, moves the money sums; a status update does not.
      if (moneyMoved) stale(FUNDING);
      if (change.entity === 'status_update' && historyMisses(cache, change.action, change.entityId))
        refetch.histories.add(change.action.id);
    } else if (change.actionId) {
      // The action is gone or out of sight: what shows it cannot be patched from here.
      refetch.everything = true;
    } else if (!createdHere(cache, change)) {
      stale(staleAfter(change.entity ?? ''));
    }
  }
  return refetch;
}

const moneyKey = (action: ActionMoneyFragment) => `${action.budget ?? ''}:${action.focusArea.id}`;

/**
 * What the action held in the cache says about money (its budget, its focus area), or null when
 * the cache does not hold it. A page that does not hold the action (the overview) takes a budget
 * change with the next change to a funding line, or when it is opened again.
 */
function moneyOf(cache: ApolloCache, id: string): string | null {
  const held = cache.readFragment({
    id: cache.identify({ __typename: 'Action', id }),
    fragment: ActionMoneyFragmentDoc,
  });
  return held ? moneyKey(held) : null;
}

/** Writes the action unless the cache holds a newer version; true when the cache learnt something. */
function applyAction(cache: ApolloCache, action: Snapshot): boolean {
  const id = cache.identify({ __typename: 'Action', id: action.id });
  if (!id) return true;
  const shown = cache.readFragment({ id, fragment: ActionVersionFragmentDoc });
  if (shown && action.version < shown.version) return false;
  const before = snapshotOf(cache, id);
  cache.writeFragment({ id, fragment: ActionSnapshotFragmentDoc, fragmentName: 'ActionSnapshot', data: action });
  return before === null || before !== snapshotOf(cache, id);
}

/** Whether a history the cache holds for the action lacks the new entry (a history not held needs nothing). */
function historyMisses(cache: ApolloCache, action: Snapshot, entryId: string | null | undefined): boolean {
  const id = cache.identify({ __typename: 'Action', id: action.id });
  const held = id
    ? cache.readFragment({ id, fragment: ActionHistoryEntriesFragmentDoc, fragmentName: 'ActionHistoryEntries' })
    : null;
  return held !== null && !held.history.some((entry) => entry.id === entryId);
}

/** Whether the change creates a party or user this page created itself: its answer is already in the cache. */
function createdHere(cache: ApolloCache, change: LiveChange): boolean {
  if (change.operation !== 'CREATE' || !change.entityId) return false;
  const id = change.entityId;
  if (change.entity === 'party')
    return (
      cache.readFragment({ id: cache.identify({ __typename: 'Party', id }), fragment: KnownPartyFragmentDoc }) !== null
    );
  if (change.entity === 'user')
    return (
      cache.readFragment({ id: cache.identify({ __typename: 'User', id }), fragment: KnownUserFragmentDoc }) !== null
    );
  return false;
}
