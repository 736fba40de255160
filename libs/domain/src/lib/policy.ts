/**
 * Who may do what in Tiltak: the one set of rules the API enforces on every query, mutation,
 * subscription event and socket message. The dashboard does not apply them itself: the API answers
 * what the viewer may do (`viewerCan`) from these same rules.
 */
/** Shortest password Tiltak accepts; the dashboard says so before the API refuses. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * ADMIN: everything. SECRETARIAT: runs the programme for the regional council (every municipality),
 * but administers no users and reads no one's mail. COUNCIL: reads all, changes nothing. ELECTED:
 * reads the programme and reports, no personal data, changes nothing. COORDINATOR: one
 * municipality. PROJECT_LEAD: what their party leads or they are named on.
 */
export const ROLES = ['ADMIN', 'SECRETARIAT', 'COUNCIL', 'ELECTED', 'COORDINATOR', 'PROJECT_LEAD'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in user as the rules see them. Signed out is `null`. */
export interface Principal {
  userId: string;
  role: Role;
  /** The municipality a coordinator steers. */
  municipalityId: string | null;
  /** The party a project lead acts for. */
  partyId: string | null;
}

/** What the rules need to know about an action: where it applies and who leads it. */
export interface ActionScope {
  municipalityIds: readonly string[];
  leadPartyId: string | null;
  /** Project leads the coordinator named on the action, whatever party they act for. */
  projectLeadUserIds: readonly string[];
  /**
   * The action concerns every municipality of the region: it is the region's, so its frame is
   * changed by the secretariat, and a coordinator proposes changes instead (`concernsWholeRegion`).
   */
  regional: boolean;
}

/** Whether municipalities name every one of the region's (a region of one has no regional actions). */
export function concernsWholeRegion(
  municipalityIds: readonly string[],
  regionMunicipalityIds: readonly string[],
): boolean {
  return regionMunicipalityIds.length > 1 && regionMunicipalityIds.every((id) => municipalityIds.includes(id));
}

export type Permission =
  | { kind: 'READ_PROGRAMME' }
  /** Any change at all: the first check on every mutation, before the record-specific one. */
  | { kind: 'WRITE' }
  | { kind: 'READ_PERSONAL_DATA' }
  | { kind: 'CREATE_ACTION'; municipalityIds: readonly string[] }
  | { kind: 'EDIT_ACTION'; action: ActionScope }
  /** Adding municipalities to an action or taking them off it: a coordinator only ever their own. */
  | { kind: 'CHANGE_ACTION_MUNICIPALITIES'; action: ActionScope; added: readonly string[]; removed: readonly string[] }
  | { kind: 'UPDATE_ACTION_STATUS'; action: ActionScope }
  | { kind: 'EDIT_MILESTONES'; action: ActionScope }
  /** Deleting a milestone or changing its weight changes what the action's progress means. */
  | { kind: 'RESHAPE_MILESTONES'; action: ActionScope }
  | { kind: 'EDIT_MUNICIPALITY_FIGURES'; action: ActionScope; municipalityId: string }
  /** Any work on parties at all: the first check, before the party-specific one. */
  | { kind: 'MANAGE_PARTIES' }
  /**
   * Creating or changing a party at home in this municipality (null: a regional party, at home in
   * none). A party's contact address reaches every municipality that works with it: a coordinator
   * answers only for the parties of their own municipality, and moves none into it or out of it.
   */
  | { kind: 'MANAGE_PARTY'; homeMunicipalityId: string | null }
  /** See whom one could name as project lead on an action; naming is EDIT_ACTION on that action. */
  | { kind: 'LIST_PROJECT_LEADS' }
  /**
   * Sending a report link to someone without an account, and seeing or revoking the links sent
   * (they name people: personal data). The report is the action's own (municipalityId null) or
   * that municipality's part.
   */
  | { kind: 'SEND_REPORT_LINK'; action: ActionScope; municipalityId: string | null }
  | { kind: 'MANAGE_PROGRAMME' }
  | { kind: 'RECORD_FOR_MUNICIPALITY'; municipalityId: string }
  /**
   * How many businesses of this municipality a network or cluster has: the municipality's own
   * record, or the programme's (the register as a whole is MANAGE_PROGRAMME's).
   */
  | { kind: 'RECORD_NETWORK_MEMBERSHIP'; municipalityId: string }
  | { kind: 'MANAGE_USERS' }
  /** Reading every mail Tiltak sent or kept: the addresses and contents of other people's mail. */
  | { kind: 'READ_MAIL_OUTBOX' }
  /** Rounds, their reports and completion figures: every signed-in user, never a signed-out visitor. */
  | { kind: 'READ_REPORTS' }
  /** Opening, changing and closing reporting rounds. */
  | { kind: 'MANAGE_REPORTING_ROUNDS' }
  /**
   * Saving or submitting a report: the action's own (null) as one who may update its status, a
   * municipality's part as one who may edit that municipality's figures.
   */
  | { kind: 'SUBMIT_REPORT'; action: ActionScope; municipalityId: string | null }
  /** Sending a submitted report back with a comment: the coordinators of the report's municipalities. */
  | { kind: 'RETURN_REPORT'; action: ActionScope; municipalityId: string | null }
  /** Reading proposed changes to regional actions, with their comments: every signed-in user. */
  | { kind: 'READ_ACTION_PROPOSALS' }
  /** Proposing a change to a regional action: a coordinator of one of its municipalities. */
  | { kind: 'PROPOSE_ACTION_CHANGE'; action: ActionScope }
  /** Accepting or rejecting a proposal: those who run the programme. */
  | { kind: 'DECIDE_ACTION_PROPOSAL' }
  /** Withdrawing a pending proposal: the one who made it. */
  | { kind: 'WITHDRAW_ACTION_PROPOSAL'; proposedBy: string }
  /** Budgets, funding lines, hours and their totals: every signed-in user, never a signed-out visitor. */
  | { kind: 'READ_FUNDING' }
  /**
   * Recording, changing or deleting a funding line of an action: a municipality's share (its
   * municipality) by that municipality's coordinator on an action that concerns it; any other
   * line as one who may edit the action. A line moved to another source or municipality is
   * checked as it was and as it becomes.
   */
  | { kind: 'EDIT_FUNDING_LINE'; action: ActionScope; municipalityId: string | null }
  /** Hours of own effort a party put into an action: as one who may edit it, or a lead of it for their own party. */
  | { kind: 'RECORD_EFFORT'; action: ActionScope; partyId: string }
  /** Snapshots, what changed between them, and the council report: those who answer to the council or sit on it. */
  | { kind: 'READ_COUNCIL_REPORTS' }
  /** Taking a snapshot by hand (before a council meeting): those who run the programme. */
  | { kind: 'TAKE_COUNCIL_SNAPSHOT' }
  /** Downloading the programme as spreadsheets: every signed-in user, each file holding only what they may read. */
  | { kind: 'EXPORT_SPREADSHEETS' }
  /**
   * Uploading spreadsheets of changes: those who run the programme, and coordinators, whose rows are
   * each checked as the ordinary write they become (another municipality's row is refused).
   */
  | { kind: 'IMPORT_SPREADSHEETS' };

export type Decision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export interface PolicyOptions {
  /** Signed-out visitors may read the programme, never personal data. */
  publicDashboard: boolean;
}

/** Administering Tiltak itself rather than running the programme: the admin's alone. */
const ADMINISTRATION: ReadonlySet<Permission['kind']> = new Set(['MANAGE_USERS', 'READ_MAIL_OUTBOX']);
/** Roles that follow the programme and change nothing. */
const READ_ONLY: ReadonlySet<Role> = new Set(['COUNCIL', 'ELECTED']);

const allow = (condition: boolean): Decision => (condition ? 'ALLOW' : 'FORBIDDEN');

function coordinates(viewer: Principal, municipalityIds: readonly string[]): boolean {
  return (
    viewer.role === 'COORDINATOR' && viewer.municipalityId !== null && municipalityIds.includes(viewer.municipalityId)
  );
}

/** A coordinator whose municipality is the only one named: removing another's would delete its own figures. */
function onlyOwn(viewer: Principal, municipalityIds: readonly string[]): boolean {
  return viewer.role === 'COORDINATOR' && municipalityIds.every((id) => id === viewer.municipalityId);
}

/** A project lead leads an action when their party leads it, or when they are named on it. */
function leads(viewer: Principal, action: ActionScope): boolean {
  return (
    viewer.role === 'PROJECT_LEAD' &&
    ((viewer.partyId !== null && viewer.partyId === action.leadPartyId) ||
      action.projectLeadUserIds.includes(viewer.userId))
  );
}

export function decide(viewer: Principal | null, permission: Permission, options: PolicyOptions): Decision {
  if (permission.kind === 'READ_PROGRAMME' && (viewer || options.publicDashboard)) return 'ALLOW';
  if (!viewer) return 'UNAUTHENTICATED';
  if (viewer.role === 'ADMIN') return 'ALLOW';
  if (viewer.role === 'SECRETARIAT') return allow(!ADMINISTRATION.has(permission.kind));
  switch (permission.kind) {
    case 'READ_PROGRAMME':
    case 'READ_REPORTS':
    case 'READ_ACTION_PROPOSALS':
    case 'READ_FUNDING':
    case 'EXPORT_SPREADSHEETS':
      return 'ALLOW';
    case 'READ_COUNCIL_REPORTS':
      // The council's papers, not a project lead's: they report into them.
      return allow(viewer.role !== 'PROJECT_LEAD');
    case 'READ_PERSONAL_DATA':
      // Elected officials follow the programme in public; names of people are not theirs to read.
      return allow(viewer.role !== 'ELECTED');
    case 'WRITE':
      return allow(!READ_ONLY.has(viewer.role));
    case 'CREATE_ACTION':
      // An action that concerns other municipalities too is made by the admin, not by one of them.
      return allow(onlyOwn(viewer, permission.municipalityIds) && permission.municipalityIds.length > 0);
    // A regional action's frame is not one municipality's to change: its coordinator proposes instead.
    case 'CHANGE_ACTION_MUNICIPALITIES':
      return allow(
        !permission.action.regional &&
          coordinates(viewer, permission.action.municipalityIds) &&
          onlyOwn(viewer, [...permission.added, ...permission.removed]),
      );
    case 'EDIT_ACTION':
    case 'RESHAPE_MILESTONES':
      return allow(!permission.action.regional && coordinates(viewer, permission.action.municipalityIds));
    case 'PROPOSE_ACTION_CHANGE':
      return allow(permission.action.regional && coordinates(viewer, permission.action.municipalityIds));
    case 'WITHDRAW_ACTION_PROPOSAL':
      return allow(viewer.userId === permission.proposedBy);
    case 'UPDATE_ACTION_STATUS':
    case 'EDIT_MILESTONES':
      return allow(coordinates(viewer, permission.action.municipalityIds) || leads(viewer, permission.action));
    case 'EDIT_MUNICIPALITY_FIGURES':
      return allow(
        (coordinates(viewer, [permission.municipalityId]) &&
          permission.action.municipalityIds.includes(permission.municipalityId)) ||
          leads(viewer, permission.action),
      );
    case 'MANAGE_PARTY':
      return allow(permission.homeMunicipalityId !== null && coordinates(viewer, [permission.homeMunicipalityId]));
    case 'MANAGE_PARTIES':
    case 'LIST_PROJECT_LEADS':
    case 'IMPORT_SPREADSHEETS':
      return allow(viewer.role === 'COORDINATOR');
    case 'RECORD_FOR_MUNICIPALITY':
      return allow(coordinates(viewer, [permission.municipalityId]));
    case 'RECORD_NETWORK_MEMBERSHIP':
      return allow(
        decide(viewer, { kind: 'RECORD_FOR_MUNICIPALITY', municipalityId: permission.municipalityId }, options) ===
          'ALLOW' || decide(viewer, { kind: 'MANAGE_PROGRAMME' }, options) === 'ALLOW',
      );
    case 'SEND_REPORT_LINK': {
      const { action, municipalityId } = permission;
      const coordinator =
        municipalityId === null
          ? coordinates(viewer, action.municipalityIds)
          : coordinates(viewer, [municipalityId]) && action.municipalityIds.includes(municipalityId);
      return allow(coordinator || leads(viewer, action));
    }
    case 'SUBMIT_REPORT':
      return permission.municipalityId === null
        ? decide(viewer, { kind: 'UPDATE_ACTION_STATUS', action: permission.action }, options)
        : decide(
            viewer,
            { kind: 'EDIT_MUNICIPALITY_FIGURES', action: permission.action, municipalityId: permission.municipalityId },
            options,
          );
    case 'RETURN_REPORT':
      return allow(
        permission.municipalityId === null
          ? coordinates(viewer, permission.action.municipalityIds)
          : coordinates(viewer, [permission.municipalityId]) &&
              permission.action.municipalityIds.includes(permission.municipalityId),
      );
    case 'EDIT_FUNDING_LINE':
      return permission.municipalityId === null
        ? decide(viewer, { kind: 'EDIT_ACTION', action: permission.action }, options)
        : allow(
            coordinates(viewer, [permission.municipalityId]) &&
              permission.action.municipalityIds.includes(permission.municipalityId),
          );
    case 'RECORD_EFFORT':
      return (leads(viewer, permission.action) && viewer.partyId === permission.partyId) ||
        decide(viewer, { kind: 'EDIT_ACTION', action: permission.action }, options) === 'ALLOW'
        ? 'ALLOW'
        : 'FORBIDDEN';
    case 'MANAGE_PROGRAMME':
    case 'DECIDE_ACTION_PROPOSAL':
    case 'MANAGE_USERS':
    case 'READ_MAIL_OUTBOX':
    case 'MANAGE_REPORTING_ROUNDS':
    case 'TAKE_COUNCIL_SNAPSHOT':
      return 'FORBIDDEN';
  }
}

/**
 * The actions a viewer may update the status of, as a query selects them: UPDATE_ACTION_STATUS
 * above, for a list rather than one action. An action is selected when it concerns the
 * municipality, is led by the party, or names the user as project lead (each null matches nothing).
 */
export type StatusUpdaterReach =
  'ALL' | 'NONE' | { municipalityId: string | null; leadPartyId: string | null; projectLeadUserId: string | null };

export function statusUpdaterReach(viewer: Principal | null): StatusUpdaterReach {
  if (!viewer) return 'NONE';
  switch (viewer.role) {
    case 'ADMIN':
    case 'SECRETARIAT':
      return 'ALL';
    case 'COUNCIL':
    case 'ELECTED':
      return 'NONE';
    case 'COORDINATOR':
      return { municipalityId: viewer.municipalityId, leadPartyId: null, projectLeadUserId: null };
    case 'PROJECT_LEAD':
      return { municipalityId: null, leadPartyId: viewer.partyId, projectLeadUserId: viewer.userId };
  }
}

/** Whether an action is within the reach: what the query's condition says, for the unit test to hold to `decide`. */
export function withinReach(reach: StatusUpdaterReach, action: ActionScope): boolean {
  if (reach === 'ALL' || reach === 'NONE') return reach === 'ALL';
  return (
    (reach.municipalityId !== null && action.municipalityIds.includes(reach.municipalityId)) ||
    (reach.leadPartyId !== null && action.leadPartyId === reach.leadPartyId) ||
    (reach.projectLeadUserId !== null && action.projectLeadUserIds.includes(reach.projectLeadUserId))
  );
}
