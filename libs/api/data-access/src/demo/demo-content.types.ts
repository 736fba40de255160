import type {
  ActionStatus,
  AdoptionStatus,
  Health,
  InvolvementLevel,
  IndicatorSource,
  MunicipalitySlug,
  NetworkKind,
  PartyKind,
} from '@tiltak/domain';

/** Focus area codes of the demo programme (see demo-programme.ts). */
export type DemoFocusAreaCode = 'LOG' | 'BIO' | 'KRE' | 'REI' | 'SMA' | 'POL';

/** ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface DemoParty {
  /** Stable key used by actions to refer to the party, for example `naeringsraadet`. */
  key: string;
  name: string;
  kind: PartyKind;
  homeMunicipality?: MunicipalitySlug;
  contactName?: string;
  /** Invented addresses on the reserved .test domain only. */
  contactEmail?: string;
  /** Invented addresses on the reserved .test domain only. */
  website?: string;
}

export interface DemoInvolvement {
  party: string;
  level: InvolvementLevel;
}

export interface DemoMilestone {
  title: string;
  dueDate: IsoDate;
  /** Whole number from 1 to 100; how much of the action this milestone is. */
  weight: number;
  completedOn?: IsoDate;
}

/** A municipality's own pace on an action shared by several municipalities. */
export interface DemoLocalPace {
  status?: ActionStatus;
  progress?: number;
  note?: string;
}

export interface DemoStatusUpdate {
  date: IsoDate;
  status: ActionStatus;
  progress: number;
  health: Health;
  comment: string;
  /** Name of the person who wrote it. */
  author: string;
}

export interface DemoAction {
  /** `<focus area code>-<number>`, for example `LOG-3`; numbers run from 1 within each focus area. */
  code: string;
  focusArea: DemoFocusAreaCode;
  /** At most 200 characters. */
  title: string;
  /** At most 10,000 characters. */
  description: string;
  municipalities: MunicipalitySlug[] | 'ALL';
  status: ActionStatus;
  startDate: IsoDate;
  dueDate: IsoDate;
  /** The lead's own figure (0–100), used only when the action has no milestones. */
  progress?: number;
  /** Override of the computed health; always with a comment. */
  healthOverride?: { health: Health; comment: string };
  lead: DemoInvolvement;
  partners: DemoInvolvement[];
  milestones: DemoMilestone[];
  local?: Partial<Record<MunicipalitySlug, DemoLocalPace>>;
  history?: DemoStatusUpdate[];
}

export interface DemoIndicator {
  key: string;
  name: string;
  unit: string;
  focusArea?: DemoFocusAreaCode;
  baseline: number;
  target: number;
  targetYear: number;
  /** MANUAL when absent. Register indicators have no typed values: the register makes them. */
  source?: IndicatorSource;
  sourceReference?: string;
  publicationLagMonths?: number;
  /** True when absent. */
  summable?: boolean;
  values: { municipality: MunicipalitySlug; year: number; value: number }[];
}

export interface DemoNetwork {
  name: string;
  kind: NetworkKind;
  foundedOn: IsoDate;
  endedOn?: IsoDate;
  /** The key of the party it acts as. */
  party?: string;
  /** The code of the action that founded it. */
  foundingAction?: string;
  members: Partial<Record<MunicipalitySlug, number>>;
}

export interface DemoAdoption {
  municipality: MunicipalitySlug;
  /** Absent: the adoption of the whole programme. */
  focusArea?: DemoFocusAreaCode;
  status: AdoptionStatus;
  decidedOn?: IsoDate;
  caseReference: string;
}
