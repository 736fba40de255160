/** Where an action stands. Cancelled actions stay in the record but leave every roll-up. */
export const ACTION_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Actual progress measured against the progress expected by today. */
export const HEALTHS = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const;
export type Health = (typeof HEALTHS)[number];

/** Orders by health, off track first: the order every worst-first list uses. */
export const worseHealthFirst = (a: Health, b: Health): number => HEALTHS.indexOf(b) - HEALTHS.indexOf(a);

export const PARTY_KINDS = [
  'MUNICIPALITY',
  'BUSINESS',
  'NETWORK',
  'CLUSTER',
  'RESEARCH_INNOVATION',
  // A council the municipalities form under the Local Government Act (interkommunalt politisk råd).
  'INTERMUNICIPAL_COUNCIL',
  'REGIONAL_AUTHORITY',
  'NEIGHBOUR_REGION',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** A party's part in an action: who leads and who takes part ... */
export const INVOLVEMENT_ROLES = ['LEAD', 'PARTNER'] as const;
export type InvolvementRole = (typeof INVOLVEMENT_ROLES)[number];

/** ... and whether that part is strategic (steering, funding) or operational (doing the work). */
export const INVOLVEMENT_LEVELS = ['STRATEGIC', 'OPERATIONAL'] as const;
export type InvolvementLevel = (typeof INVOLVEMENT_LEVELS)[number];

/** A municipality's political decision on the programme or on one of its focus areas. */
export const ADOPTION_STATUSES = ['PROPOSED', 'ADOPTED', 'REJECTED'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

/** Statuses whose actions are finished: they are never late and never at risk. */
export function isFinished(status: ActionStatus): boolean {
  return status === 'COMPLETED' || status === 'CANCELLED';
}

/** A reporting round takes reports while OPEN; once CLOSED its reports are frozen. */
export const REPORTING_ROUND_STATES = ['OPEN', 'CLOSED'] as const;
export type ReportingRoundState = (typeof REPORTING_ROUND_STATES)[number];

/** Where one report of a round stands; RETURNED goes back to its owners with a coordinator's comment. */
export const REPORT_STATES = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** A programme period is CURRENT (the one being run, one per region) or ENDED (read as it was, never changed). */
export const PROGRAMME_STATES = ['CURRENT', 'ENDED'] as const;
export type ProgrammeState = (typeof PROGRAMME_STATES)[number];
/** Where a proposed change to a regional action stands: waiting for the secretariat, or settled. */
export const PROPOSAL_STATES = ['PENDING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
