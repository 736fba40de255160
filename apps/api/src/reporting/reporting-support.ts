import type { GraphqlClient, GraphqlError, TestApi } from '../testing/test-api';

/** A report as the tests read it. */
export interface ReportRead {
  id: string;
  state: string;
  status: string | null;
  progress: number | null;
  health: string | null;
  narrative: string;
  late: boolean;
  version: number;
  submittedBy: string | null;
  returnComment: string | null;
  returnedBy: string | null;
  owedBy: string[];
  viewerCanSubmit: boolean;
  viewerCanReturn: boolean;
  action: { id: string; code: string };
  municipality: { id: string; name: string } | null;
}

export const REPORT_FIELDS = `id state status progress health narrative late version submittedBy returnComment returnedBy
  owedBy viewerCanSubmit viewerCanReturn action { id code } municipality { id name }`;

export const SAVE = `mutation($input: SaveReportInput!) { saveReport(input: $input) { ${REPORT_FIELDS} } }`;
export const RETURN = `mutation($input: ReturnReportInput!) { returnReport(input: $input) { ${REPORT_FIELDS} } }`;
export const OPEN = `mutation($input: OpenReportingRoundInput!) {
  openReportingRound(input: $input) { id name deadline graceDays closesAt state version } }`;
export const ROUND_REPORTS = `query($id: ID!) { reportingRound(id: $id) { id state version reports { ${REPORT_FIELDS} } } }`;

/** The figures of an action and its municipalities, as the tests compare them. */
export const ACTION_FIGURES = `query($id: ID!) { action(id: $id) {
  id status progress health version
  milestones { id completedOn version }
  municipalities { municipality { id name } ownStatus ownProgress version }
} }`;

export interface ActionFigures {
  id: string;
  status: string;
  progress: number;
  health: string;
  version: number;
  milestones: { id: string; completedOn: string | null; version: number }[];
  municipalities: {
    municipality: { id: string; name: string };
    ownStatus: string | null;
    ownProgress: number | null;
    version: number;
  }[];
}

/** The first error's code and reason, or null when the call succeeded. */
export function refusal(errors: GraphqlError[] | undefined) {
  return errors ? { code: errors[0].extensions?.code, reason: errors[0].extensions?.reason } : null;
}

/** Builds what a test needs in the demo programme: new actions, and rounds in which only they report. */
export class ReportingFixture {
  private counter = 0;
  municipalities: Record<string, string> = {};
  parties: Record<string, string> = {};
  private focusArea = { id: '', code: '' };

  constructor(private readonly api: TestApi) {}

  async load(): Promise<this> {
    const frame = await this.api.data<{
      municipalities: { id: string; name: string }[];
      focusAreas: { id: string; code: string }[];
      parties: { id: string; name: string }[];
    }>('{ municipalities { id name } focusAreas { id code } parties { id name } }');
    this.municipalities = Object.fromEntries(frame.municipalities.map((m) => [m.name, m.id]));
    this.parties = Object.fromEntries(frame.parties.map((p) => [p.name, p.id]));
    this.focusArea = frame.focusAreas.find((f) => f.code === 'POL') ?? frame.focusAreas[0];
    return this;
  }

  get focusAreaId(): string {
    return this.focusArea.id;
  }

  /** A new action in progress, of the municipalities named, led by the party named (if any), with milestones. */
  async action(options: {
    municipalities: string[];
    lead?: string;
    milestones?: number;
    startDate?: string;
    dueDate?: string;
    /** Each municipality's own status and progress, making it a part that reports of its own. */
    local?: Record<string, number>;
  }): Promise<string> {
    const n = ++this.counter;
    const { createAction } = await this.api.data<{ createAction: { id: string; version: number } }>(
      'mutation($input: CreateActionInput!) { createAction(input: $input) { id version } }',
      {
        input: {
          code: `${this.focusArea.code}-${800 + n}`,
          title: `Rapporteringstiltak ${n}`,
          focusAreaId: this.focusArea.id,
          municipalityIds: options.municipalities.map((name) => this.municipalities[name]),
          startDate: options.startDate ?? '2026-01-01',
          dueDate: options.dueDate ?? '2028-12-31',
        },
      },
    );
    const id = createAction.id;
    await this.api.data('mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }', {
      input: { actionId: id, expectedVersion: createAction.version, status: 'IN_PROGRESS' },
    });
    if (options.lead) {
      await this.api.data('mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { id } }', {
        input: { actionId: id, partyId: this.parties[options.lead], role: 'LEAD', level: 'OPERATIONAL' },
      });
    }
    for (let i = 0; i < (options.milestones ?? 0); i++) {
      await this.api.data('mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }', {
        input: { actionId: id, title: `Milepæl ${i + 1}`, dueDate: '2027-06-01' },
      });
    }
    for (const [name, progress] of Object.entries(options.local ?? {})) {
      const figures = await this.figures(id);
      const own = figures.municipalities.find((m) => m.municipality.name === name);
      if (!own) throw new Error(`The action does not concern ${name}`);
      await this.api.data(
        'mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }',
        {
          input: {
            actionId: id,
            municipalityId: own.municipality.id,
            expectedVersion: own.version,
            status: 'IN_PROGRESS',
            progress,
          },
        },
      );
    }
    return id;
  }

  async figures(actionId: string, client: GraphqlClient = this.api): Promise<ActionFigures> {
    return (await client.data<{ action: ActionFigures }>(ACTION_FIGURES, { id: actionId })).action;
  }

  /** Opens a round (as the admin) in which only these actions report; answers it with its reports. */
  async round(actionIds: string[], extra: Record<string, unknown> = {}) {
    const { openReportingRound } = await this.api.data<{ openReportingRound: { id: string; version: number } }>(OPEN, {
      input: { name: `Testrunde ${++this.counter}`, deadline: '2030-06-30', actionIds, ...extra },
    });
    return { ...openReportingRound, reports: await this.reports(openReportingRound.id) };
  }

  async reports(roundId: string, client: GraphqlClient = this.api): Promise<ReportRead[]> {
    const { reportingRound } = await client.data<{ reportingRound: { reports: ReportRead[] } }>(ROUND_REPORTS, {
      id: roundId,
    });
    return reportingRound.reports;
  }

  /** The action's own report in a round of its own. */
  async ownReport(actionId: string): Promise<ReportRead & { roundId: string }> {
    const round = await this.round([actionId]);
    const own = round.reports.find((r) => r.municipality === null);
    if (!own) throw new Error('The round has no report of the action’s own');
    return { ...own, roundId: round.id };
  }
}

/** Counts of the rows a refused reporting write must leave alone. */
export async function writeCounts(api: TestApi): Promise<Record<string, string>> {
  const [row] = await api.db.dataSource.query(
    `SELECT (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM reporting_round r) AS rounds,
            (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM round_report r) AS reports,
            (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM action r) AS actions,
            (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM participation r) AS parts,
            (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM milestone r) AS milestones,
            (SELECT count(*)::text FROM status_update) AS history,
            (SELECT count(*)::text FROM change_event) AS events`,
  );
  return row as Record<string, string>;
}
