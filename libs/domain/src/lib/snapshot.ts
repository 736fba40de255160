import type { ActionStatus, Health, InvolvementLevel, InvolvementRole, PartyKind } from './enums';
import type { FundingSource, FundingStatus } from './funding';
import type { HealthCounts } from './progress';

/**
 * A snapshot (øyeblikksbilde): the programme as it stood at one moment, frozen. It is copied from
 * the live tables when it is taken, in one read-consistent transaction, with every figure computed
 * by the same rules and queries the dashboard shows; afterwards it never changes. The council
 * report and "what changed" read from it, never from the live tables.
 *
 * The shape is versioned (`format`): a later Tiltak that adds fields reads older snapshots as they
 * were written. Names only of organisations, never of people: a snapshot goes to elected officials.
 */
export const SNAPSHOT_FORMAT = 1 as const;

/** Why a snapshot was taken: a reporting round closed, or someone took it by hand (a council meeting). */
export const SNAPSHOT_TRIGGERS = ['ROUND_CLOSED', 'MANUAL'] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

export interface SnapshotDocument {
  format: typeof SNAPSHOT_FORMAT;
  /** ISO timestamp of the moment it shows. */
  takenAt: string;
  /** The Oslo calendar date at `takenAt`: what "overdue" and health were judged against. */
  asOf: string;
  programme: SnapshotProgramme;
  municipalities: SnapshotMunicipality[];
  focusAreas: SnapshotFocusArea[];
  /** One cell per municipality × focus area, as the overview's matrix shows it. */
  matrix: SnapshotCell[];
  goals: SnapshotGoal[];
  actions: SnapshotAction[];
  /** Every party named on an action: who does what. */
  parties: SnapshotParty[];
  indicators: SnapshotIndicator[];
  funding: SnapshotFunding;
}

export interface SnapshotProgramme {
  id: string;
  name: string;
  /** As people write it, for example 2025–2028. */
  period: string;
  regionName: string;
  /** Programme progress, 0–100, by the roll-up rule. */
  progress: number | null;
  expectedProgress: number | null;
  /** Actions not cancelled, by health (finished ones count as on track, as on the overview). */
  byHealth: HealthCounts;
  byStatus: StatusCounts;
}

export interface StatusCounts {
  notStarted: number;
  inProgress: number;
  onHold: number;
  completed: number;
  cancelled: number;
}

export interface SnapshotMunicipality {
  id: string;
  name: string;
  progress: number | null;
  actionCount: number;
  byHealth: HealthCounts;
}

export interface SnapshotFocusArea {
  id: string;
  code: string;
  name: string;
  goalId: string | null;
  progress: number | null;
  actionCount: number;
  byHealth: HealthCounts;
}

export interface SnapshotCell {
  municipalityId: string;
  focusAreaId: string;
  progress: number | null;
  expectedProgress: number | null;
  actionCount: number;
  byStatus: StatusCounts;
  byHealth: HealthCounts;
  overdueMilestones: number;
  /** Unfinished actions without a recent status update, as the overview counted them then. */
  stale?: number;
}

export interface SnapshotGoal {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  progress: number | null;
}

export interface SnapshotAction {
  id: string;
  code: string;
  name: string;
  focusAreaId: string;
  municipalityIds: string[];
  goalIds: string[];
  status: ActionStatus;
  progress: number;
  /** The lead's override where there is one, otherwise the computed health. */
  health: Health;
  healthOverridden: boolean;
  /**
   * What the action says about itself: the narrative of its latest submitted report, else the
   * health override's reason, else the comment of its latest status update; null when none.
   */
  narrative: string | null;
  /** Where the narrative came from, so the report can say so. */
  narrativeSource: 'REPORT' | 'HEALTH_OVERRIDE' | 'STATUS_UPDATE' | null;
  deadline: string | null;
  /** Each municipality's own figures on the action (empty own figures follow the action). */
  municipalityFigures: { municipalityId: string; status: ActionStatus; progress: number; health: Health }[];
  milestones: SnapshotMilestone[];
  involvements: { partyId: string; role: InvolvementRole; level: InvolvementLevel }[];
  budget: number | null;
  fundingLines: SnapshotFundingLine[];
  caseReference: string | null;
}

export interface SnapshotMilestone {
  id: string;
  title: string;
  dueDate: string;
  weight: number;
  completedOn: string | null;
  overdue: boolean;
}

export interface SnapshotFundingLine {
  id: string;
  source: FundingSource;
  municipalityId: string | null;
  sourceName: string | null;
  status: FundingStatus;
  amount: number;
  year: number;
}

export interface SnapshotParty {
  id: string;
  name: string;
  kind: PartyKind;
  /** The municipality it is at home in, null for a regional party. */
  municipalityId: string | null;
}

export interface SnapshotIndicator {
  id: string;
  name: string;
  unit: string;
  focusAreaId: string | null;
  baseline: number;
  target: number;
  targetYear: number;
  summable: boolean;
  /** Values per municipality and year. */
  values: { municipalityId: string; year: number; value: number }[];
  /** The region's figure per year where the rules give one (summable and every municipality reported). */
  regionalValues: { year: number; value: number }[];
}

/** Money totals as the dashboard counts them (FUNDING_TOTAL_RULE), in whole kroner. */
export interface FundingTotals {
  budget: number | null;
  planned: number;
  applied: number;
  granted: number;
  refused: number;
  actionCount: number;
  /** Amount per source and status: the parts the totals are the sums of. */
  bySource: { source: FundingSource; status: FundingStatus; amount: number }[];
}

export interface SnapshotFunding {
  region: FundingTotals;
  byFocusArea: ({ focusAreaId: string } & FundingTotals)[];
  /** A municipality's own shares only (source MUNICIPALITY), as the dashboard says. */
  byMunicipality: ({ municipalityId: string } & FundingTotals)[];
}

/**
 * What changed between two snapshots (or a snapshot and now), computed by `compareSnapshots`.
 * Each entry names its action by id, code and name, so a list reads without the documents.
 */
export interface ProgrammeChanges {
  fromTakenAt: string;
  toTakenAt: string;
  statusChanges: { actionId: string; code: string; name: string; from: ActionStatus; to: ActionStatus }[];
  healthChanges: {
    actionId: string;
    code: string;
    name: string;
    from: Health;
    to: Health;
    direction: 'BETTER' | 'WORSE';
  }[];
  milestonesCompleted: { actionId: string; code: string; milestoneId: string; title: string; completedOn: string }[];
  /** Due date passed since the earlier snapshot without completion, or moved later. */
  milestonesSlipped: {
    actionId: string;
    code: string;
    milestoneId: string;
    title: string;
    fromDueDate: string;
    toDueDate: string;
    reason: 'PASSED' | 'MOVED';
  }[];
  newActions: { actionId: string; code: string; name: string }[];
  cancelledActions: { actionId: string; code: string; name: string }[];
  /** Actions that became at risk or off track, with what they say about it. */
  newRisks: { actionId: string; code: string; name: string; health: Health; narrative: string | null }[];
  indicatorValuesAdded: {
    indicatorId: string;
    name: string;
    municipalityId: string;
    year: number;
    /** null when the value is new, the old value when it changed. */
    from: number | null;
    to: number;
  }[];
}
