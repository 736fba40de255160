import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type GraphqlClient, startTestApi, type TestApi } from '../testing/test-api';

/**
 * The permission matrix, generated from the schema: every mutation the API serves, tried by every
 * role on a record of their own municipality, of another, of no municipality, and on an action the
 * project lead's party leads. A mutation without an entry in MUTATIONS fails here, so a new one
 * cannot slip through unchecked. An allowed call writes; a refused one answers FORBIDDEN (or
 * UNAUTHENTICATED signed out) and leaves every table of the programme and its accounts exactly as
 * it was. Where the API also answers `viewerCan` for that write, the answer must match the outcome.
 */
type Who =
  | 'signed out'
  | 'council'
  | 'elected'
  | 'coordinator of Nes'
  | 'coordinator of Eidsvoll'
  | 'project lead'
  | 'secretariat'
  | 'admin';
const WHO: Who[] = [
  'signed out',
  'council',
  'elected',
  'coordinator of Nes',
  'coordinator of Eidsvoll',
  'project lead',
  'secretariat',
  'admin',
];

/**
 * An action of Nes, one of Eidsvoll, one of Eidsvoll led by the project lead's party, one of every
 * municipality ('whole region'); a party of no municipality ('regional'); or no record at all.
 */
type Target = 'nes' | 'eidsvoll' | 'led' | 'whole region' | 'regional' | 'programme' | 'own account';

const ACCOUNTS: Record<Exclude<Who, 'signed out'>, string> = {
  council: 'rad@tiltak.test',
  elected: 'politiker@tiltak.test',
  secretariat: 'sekretariat@tiltak.test',
  'coordinator of Nes': 'koordinator.nes@tiltak.test',
  'coordinator of Eidsvoll': 'koordinator.eidsvoll@tiltak.test',
  'project lead': 'leder@tiltak.test',
  admin: 'admin@tiltak.test',
};

/** The tables that hold the programme and its accounts: a refused call changes none of them. */
const TABLES = [
  'region',
  'municipality',
  'programme',
  'focus_area',
  'action',
  'participation',
  'milestone',
  'status_update',
  'involvement',
  'action_project_lead',
  'party',
  'adoption',
  'indicator',
  'indicator_value',
  'app_user',
  'kept_figure_contribution',
  'kept_figure_cell',
  'kept_figure_date',
  'reporting_round',
  'round_report',
  'report_link',
  'network',
  'network_membership',
  'goal',
  'action_goal',
  'innovation_plan',
  'innovation_priority',
  'action_innovation_priority',
  'action_proposal',
  'funding_line',
  'effort_entry',
  'change_event',
  'adoption_decision',
  'council_snapshot',
];

interface Fixture {
  actions: Record<'nes' | 'eidsvoll' | 'led' | 'whole region', string>;
  municipalities: Record<string, string>;
  focusAreaId: string;
  partnerPartyId: string;
  indicatorId: string;
  /** A project lead nobody in the matrix signs in as, to name on actions. */
  spareLeadUserId: string;
}

/** A query that answers, as the caller, whether they may make the call: `viewerCan` for it. */
interface AbilityQuery {
  query: string;
  variables: Record<string, unknown>;
  read(data: Record<string, unknown>): unknown;
}

interface Call {
  document: string;
  variables: Record<string, unknown>;
  ability?: AbilityQuery;
}

interface MutationCase {
  targets: Target[];
  /** Who may make the call, on which targets; everyone else is refused. */
  allowed: Partial<Record<Who, Target[]>>;
  /** Sets up what the call needs (as the admin) and returns a valid call on the target. */
  arrange(setup: Setup, target: Target): Promise<Call>;
}

/**
 * The three sign-in mutations are open to anyone; sessions.int-spec.ts tries them. So is the stop
 * link in a mail, which holds its own signed token; mail/reminders.int-spec.ts tries it. A report
 * link's holder saves its report with the link's token alone; reporting/report-links.int-spec.ts tries it.
 */
const PUBLIC = new Set(['login', 'logout', 'refreshSession', 'stopMail', 'saveLinkedReport']);

const ACTIONS: Target[] = ['nes', 'eidsvoll', 'led'];
/** …and the action of every municipality, whose frame only the secretariat and the admin change. */
const WITH_REGIONAL: Target[] = [...ACTIONS, 'whole region'];
const MUNICIPALITIES: Target[] = ['nes', 'eidsvoll'];

/** The coordinators' own actions, the secretariat and the admin everywhere: who may change an action's frame. */
const EDITORS: MutationCase['allowed'] = {
  'coordinator of Nes': ['nes'],
  'coordinator of Eidsvoll': ['eidsvoll', 'led'],
  secretariat: WITH_REGIONAL,
  admin: WITH_REGIONAL,
};
/** …and the project lead too, on the action their party leads: who keeps an action up to date. */
const UPDATERS: MutationCase['allowed'] = { ...EDITORS, 'project lead': ['led'] };
/** Progress on the action of every municipality stays with its coordinators too. */
const REGIONAL_UPDATERS: MutationCase['allowed'] = {
  ...UPDATERS,
  'coordinator of Nes': ['nes', 'whole region'],
  'coordinator of Eidsvoll': ['eidsvoll', 'led', 'whole region'],
};
/** Those who decide proposals: the secretariat and the admin. */
const DECIDERS: MutationCase['allowed'] = { secretariat: ['whole region'], admin: ['whole region'] };
/** A municipality's records: its own coordinator, the secretariat and the admin. */
const RECORDERS: MutationCase['allowed'] = {
  'coordinator of Nes': ['nes'],
  'coordinator of Eidsvoll': ['eidsvoll'],
  secretariat: ['nes', 'eidsvoll', 'regional'],
  admin: ['nes', 'eidsvoll', 'regional'],
};
/** The programme as a whole: those who run it. */
const PROGRAMME_RUNNERS: MutationCase['allowed'] = { secretariat: ['programme'], admin: ['programme'] };
/** Tiltak's own administration: users. */
const ADMIN_ONLY: MutationCase['allowed'] = { admin: ['programme'] };
const SIGNED_IN: MutationCase['allowed'] = {
  council: ['own account'],
  elected: ['own account'],
  secretariat: ['own account'],
  'coordinator of Nes': ['own account'],
  'coordinator of Eidsvoll': ['own account'],
  'project lead': ['own account'],
  admin: ['own account'],
};

const mutation = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename } }`;

const onAction = (id: string, ability: string): AbilityQuery => ({
  query: `query($id: ID!) { action(id: $id) { viewerCan { ${ability} } } }`,
  variables: { id },
  read: (data) => (data['action'] as { viewerCan: Record<string, boolean> }).viewerCan[ability],
});
const inMunicipality = (id: string, ability: string): AbilityQuery => ({
  query: `{ municipalities { id viewerCan { ${ability} } } }`,
  variables: {},
  read: (data) =>
    (data['municipalities'] as { id: string; viewerCan: Record<string, boolean> }[]).find((m) => m.id === id)!
      .viewerCan[ability],
});
/** The one report of a round opened for one action: may the viewer write to it? */
const onReport = (roundId: string, ability: 'viewerCanSubmit' | 'viewerCanReturn' | 'viewerCanFile'): AbilityQuery => ({
  query: `query($id: ID!) { reportingRound(id: $id) { reports { ${ability} } } }`,
  variables: { id: roundId },
  read: (data) => (data['reportingRound'] as { reports: Record<string, boolean>[] }).reports[0][ability],
});
/** What the viewer may do to a network of the register. */
const onNetwork = (id: string, read: (can: { edit: boolean; recordMembersIn: string[] }) => boolean): AbilityQuery => ({
  query: 'query($id: ID!) { network(id: $id) { viewerCan { edit recordMembersIn } } }',
  variables: { id },
  read: (data) => read((data['network'] as { viewerCan: { edit: boolean; recordMembersIn: string[] } }).viewerCan),
});
/** May the viewer record the action's money (any line but a municipal share, and the budget)? */
const fundingOf = (id: string): AbilityQuery => ({
  query: 'query($id: ID!) { action(id: $id) { fundingAbilities { editFunding } } }',
  variables: { id },
  read: (data) => (data['action'] as { fundingAbilities: { editFunding: boolean } }).fundingAbilities.editFunding,
});
/** May the viewer record the municipality's share on the action? */
const shareOf = (id: string, municipalityId: string): AbilityQuery => ({
  query: 'query($id: ID!) { action(id: $id) { fundingAbilities { municipalShares } } }',
  variables: { id },
  read: (data) =>
    (data['action'] as { fundingAbilities: { municipalShares: string[] } }).fundingAbilities.municipalShares.includes(
      municipalityId,
    ),
});
/** May the viewer record hours for the party on the action? */
const effortOf = (id: string, partyId: string): AbilityQuery => ({
  query: 'query($id: ID!) { action(id: $id) { fundingAbilities { effortParties } } }',
  variables: { id },
  read: (data) =>
    (data['action'] as { fundingAbilities: { effortParties: string[] } }).fundingAbilities.effortParties.includes(
      partyId,
    ),
});
const overall = (ability: string): AbilityQuery => ({
  query: `{ viewerCan { ${ability} } }`,
  variables: {},
  read: (data) => (data['viewerCan'] as Record<string, boolean>)[ability],
});

const MUTATIONS: Record<string, MutationCase> = {
  updateAction: {
    targets: WITH_REGIONAL,
    allowed: EDITORS,
    arrange: async (s, t) => ({
      document: mutation('updateAction', 'UpdateActionInput'),
      variables: { input: { actionId: s.action(t), expectedVersion: (await s.state(t)).version, title: 'Nytt navn' } },
      ability: onAction(s.action(t), 'edit'),
    }),
  },
  updateActionStatus: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => ({
      document: mutation('updateActionStatus', 'UpdateActionStatusInput'),
      variables: {
        input: { actionId: s.action(t), expectedVersion: (await s.state(t)).version, status: 'IN_PROGRESS' },
      },
      ability: onAction(s.action(t), 'updateStatus'),
    }),
  },
  updateActionMunicipality: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => {
      const municipalityId = s.fixture.municipalities[t === 'nes' ? 'Nes' : 'Eidsvoll'];
      const own = (await s.state(t)).municipalities.find((m) => m.municipality.id === municipalityId)!;
      return {
        document: mutation('updateActionMunicipality', 'UpdateActionMunicipalityInput'),
        variables: {
          input: { actionId: s.action(t), municipalityId, expectedVersion: own.version, note: 'Lokal merknad' },
        },
      };
    },
  },
  createMilestone: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => ({
      document: mutation('createMilestone', 'CreateMilestoneInput'),
      variables: { input: { actionId: s.action(t), title: 'Ny milepæl', dueDate: '2027-01-01' } },
      ability: onAction(s.action(t), 'editMilestones'),
    }),
  },
  updateMilestone: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => {
      const milestone = await s.milestone(t, false);
      return {
        document: mutation('updateMilestone', 'UpdateMilestoneInput'),
        variables: { input: { milestoneId: milestone.id, expectedVersion: milestone.version, title: 'Omdøpt' } },
        ability: onAction(s.action(t), 'editMilestones'),
      };
    },
  },
  'updateMilestone: weight': {
    targets: WITH_REGIONAL,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const milestone = await s.milestone(t, false);
      return {
        document: mutation('updateMilestone', 'UpdateMilestoneInput'),
        variables: { input: { milestoneId: milestone.id, expectedVersion: milestone.version, weight: 3 } },
        ability: onAction(s.action(t), 'reshapeMilestones'),
      };
    },
  },
  completeMilestone: {
    targets: WITH_REGIONAL,
    allowed: REGIONAL_UPDATERS,
    arrange: async (s, t) => {
      const milestone = await s.milestone(t, false);
      return {
        document: mutation('completeMilestone', 'MilestoneVersionInput'),
        variables: { input: { milestoneId: milestone.id, expectedVersion: milestone.version } },
        ability: onAction(s.action(t), 'editMilestones'),
      };
    },
  },
  reopenMilestone: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => {
      const milestone = await s.milestone(t, true);
      return {
        document: mutation('reopenMilestone', 'MilestoneVersionInput'),
        variables: { input: { milestoneId: milestone.id, expectedVersion: milestone.version } },
        ability: onAction(s.action(t), 'editMilestones'),
      };
    },
  },
  deleteMilestone: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const milestone = await s.milestone(t, false);
      return {
        document: mutation('deleteMilestone', 'MilestoneVersionInput'),
        variables: { input: { milestoneId: milestone.id, expectedVersion: milestone.version } },
        ability: onAction(s.action(t), 'reshapeMilestones'),
      };
    },
  },
  addInvolvement: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      await s.withoutPartner(t);
      return {
        document: mutation('addInvolvement', 'AddInvolvementInput'),
        variables: {
          input: { actionId: s.action(t), partyId: s.fixture.partnerPartyId, role: 'PARTNER', level: 'OPERATIONAL' },
        },
        ability: onAction(s.action(t), 'manageInvolvements'),
      };
    },
  },
  proposeActionChange: {
    targets: ['nes', 'whole region'],
    allowed: {
      'coordinator of Nes': ['whole region'],
      'coordinator of Eidsvoll': ['whole region'],
      secretariat: ['nes', 'whole region'],
      admin: ['nes', 'whole region'],
    },
    arrange: async (s, t) => ({
      document: mutation('proposeActionChange', 'ProposeActionChangeInput'),
      variables: {
        input: {
          actionId: s.action(t),
          expectedVersion: (await s.state(t)).version,
          changes: { title: `Forslag ${s.next()}` },
          comment: 'Et bedre navn',
        },
      },
      ability: onAction(s.action(t), 'proposeChanges'),
    }),
  },
  acceptActionProposal: {
    targets: ['whole region'],
    allowed: DECIDERS,
    arrange: async (s, t) => {
      const proposal = await s.proposal(t);
      return {
        document: mutation('acceptActionProposal', 'DecideActionProposalInput'),
        variables: { input: { proposalId: proposal.id, expectedVersion: proposal.version } },
        ability: overall('decideProposals'),
      };
    },
  },
  rejectActionProposal: {
    targets: ['whole region'],
    allowed: DECIDERS,
    arrange: async (s, t) => {
      const proposal = await s.proposal(t);
      return {
        document: mutation('rejectActionProposal', 'DecideActionProposalInput'),
        variables: { input: { proposalId: proposal.id, expectedVersion: proposal.version, comment: 'Nei' } },
        ability: overall('decideProposals'),
      };
    },
  },
  withdrawActionProposal: {
    targets: ['whole region'],
    // The admin made the proposal; the secretariat, which runs the programme, may take it back too.
    allowed: DECIDERS,
    arrange: async (s, t) => {
      const proposal = await s.proposal(t);
      return {
        document: mutation('withdrawActionProposal', 'DecideActionProposalInput'),
        variables: { input: { proposalId: proposal.id, expectedVersion: proposal.version } },
      };
    },
  },
  takeCouncilSnapshot: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => ({
      document: `mutation($title: String!) { takeCouncilSnapshot(title: $title) { __typename } }`,
      variables: { title: `Regionrådsmøte ${s.next()}` },
      ability: overall('takeCouncilSnapshot'),
    }),
  },
  openReportingRound: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => ({
      document: mutation('openReportingRound', 'OpenReportingRoundInput'),
      variables: { input: { name: `Matriserunde ${s.next()}`, deadline: '2030-06-30', actionIds: [s.action('nes')] } },
    }),
  },
  updateReportingRound: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const round = await s.round('nes');
      return {
        document: mutation('updateReportingRound', 'UpdateReportingRoundInput'),
        variables: { input: { roundId: round.id, expectedVersion: round.version, graceDays: 3 } },
      };
    },
  },
  closeReportingRound: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const round = await s.round('nes');
      return {
        document:
          'mutation($id: ID!, $v: Int!) { closeReportingRound(roundId: $id, expectedVersion: $v) { __typename } }',
        variables: { id: round.id, v: round.version },
      };
    },
  },
  saveReport: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => {
      const report = await s.report(t, false);
      return {
        document: mutation('saveReport', 'SaveReportInput'),
        variables: { input: { reportId: report.id, expectedVersion: report.version, narrative: 'Utkast' } },
        ability: onReport(report.roundId, 'viewerCanSubmit'),
      };
    },
  },
  returnReport: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const report = await s.report(t, true);
      return {
        document: mutation('returnReport', 'ReturnReportInput'),
        variables: { input: { reportId: report.id, expectedVersion: report.version, comment: 'Se på dette igjen' } },
        ability: onReport(report.roundId, 'viewerCanReturn'),
      };
    },
  },
  fileReport: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const report = await s.report(t, true);
      return {
        document: mutation('fileReport', 'FileReportInput'),
        variables: { input: { reportId: report.id, expectedVersion: report.version, caseReference: '2026/3120-2' } },
        ability: onReport(report.roundId, 'viewerCanFile'),
      };
    },
  },
  sendReportLink: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => {
      const report = await s.report(t, false);
      return {
        document: mutation('sendReportLink', 'SendReportLinkInput'),
        variables: { input: { reportId: report.id, email: 'kari@bedrift.test', name: 'Kari Nordmann' } },
      };
    },
  },
  revokeReportLink: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => {
      const report = await s.report(t, false);
      const { sendReportLink } = await s.api.data<{ sendReportLink: { id: string } }>(
        'mutation($input: SendReportLinkInput!) { sendReportLink(input: $input) { id } }',
        { input: { reportId: report.id, email: 'kari@bedrift.test', name: 'Kari Nordmann' } },
      );
      return {
        document: 'mutation($id: ID!) { revokeReportLink(linkId: $id) { __typename } }',
        variables: { id: sendReportLink.id },
      };
    },
  },
  updateInvolvement: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const partner = await s.partner(t);
      return {
        document: mutation('updateInvolvement', 'UpdateInvolvementInput'),
        variables: { input: { involvementId: partner.id, expectedVersion: partner.version, level: 'STRATEGIC' } },
        ability: onAction(s.action(t), 'manageInvolvements'),
      };
    },
  },
  removeInvolvement: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const partner = await s.partner(t);
      return {
        document: mutation('removeInvolvement', 'RemoveInvolvementInput'),
        variables: { input: { involvementId: partner.id, expectedVersion: partner.version } },
        ability: onAction(s.action(t), 'manageInvolvements'),
      };
    },
  },
  nameProjectLead: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      await s.spareLeadNamed(t, false);
      return {
        document: mutation('nameProjectLead', 'ProjectLeadInput'),
        variables: { input: { actionId: s.action(t), userId: s.fixture.spareLeadUserId } },
        ability: onAction(s.action(t), 'nameProjectLeads'),
      };
    },
  },
  unnameProjectLead: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      await s.spareLeadNamed(t, true);
      return {
        document: mutation('unnameProjectLead', 'ProjectLeadInput'),
        variables: { input: { actionId: s.action(t), userId: s.fixture.spareLeadUserId } },
        ability: onAction(s.action(t), 'nameProjectLeads'),
      };
    },
  },
  createAction: {
    targets: MUNICIPALITIES,
    allowed: RECORDERS,
    arrange: async (s, t) => ({
      document: mutation('createAction', 'CreateActionInput'),
      variables: {
        input: {
          code: `POL-${100 + s.next()}`,
          title: 'Nytt tiltak',
          focusAreaId: s.fixture.focusAreaId,
          municipalityIds: [s.municipality(t)],
          startDate: '2026-01-01',
          dueDate: '2027-12-31',
        },
      },
      ability: inMunicipality(s.municipality(t)!, 'createActions'),
    }),
  },
  setAdoption: {
    targets: MUNICIPALITIES,
    allowed: RECORDERS,
    arrange: async (s, t) => {
      const { adoptions } = await s.api.data<{
        adoptions: { municipalityId: string; focusAreaId: string | null; version: number }[];
      }>('{ adoptions { municipalityId focusAreaId version } }');
      const current = adoptions.find((a) => a.municipalityId === s.municipality(t) && a.focusAreaId === null);
      return {
        document: mutation('setAdoption', 'SetAdoptionInput'),
        variables: {
          input: {
            municipalityId: s.municipality(t),
            status: 'PROPOSED',
            caseReference: `2026/${s.next()}`,
            recordUrl: 'https://einnsyn.no/saksmappe?id=2',
            expectedVersion: current?.version,
          },
        },
        ability: inMunicipality(s.municipality(t)!, 'recordDecisions'),
      };
    },
  },
  setIndicatorValue: {
    targets: MUNICIPALITIES,
    allowed: RECORDERS,
    arrange: async (s, t) => {
      const { indicators } = await s.api.data<{
        indicators: { id: string; values: { municipalityId: string; year: number; version: number }[] }[];
      }>('{ indicators { id values { municipalityId year version } } }');
      const current = indicators
        .find((i) => i.id === s.fixture.indicatorId)!
        .values.find((v) => v.municipalityId === s.municipality(t) && v.year === 2031);
      return {
        document: mutation('setIndicatorValue', 'SetIndicatorValueInput'),
        variables: {
          input: {
            indicatorId: s.fixture.indicatorId,
            municipalityId: s.municipality(t),
            year: 2031,
            value: s.next(),
            expectedVersion: current?.version,
          },
        },
        ability: inMunicipality(s.municipality(t)!, 'recordDecisions'),
      };
    },
  },
  createParty: {
    targets: ['nes', 'eidsvoll', 'regional'],
    allowed: RECORDERS,
    arrange: async (s, t) => ({
      document: mutation('createParty', 'CreatePartyInput'),
      variables: {
        input: { name: `Ny aktør ${s.next()}`, kind: 'BUSINESS', homeMunicipalityId: s.municipality(t) },
      },
      ability:
        t === 'regional' ? overall('manageRegionalParties') : inMunicipality(s.municipality(t)!, 'manageParties'),
    }),
  },
  updateParty: {
    targets: ['nes', 'eidsvoll', 'regional'],
    allowed: RECORDERS,
    arrange: async (s, t) => {
      const { createParty: party } = await s.api.data<{ createParty: { id: string; version: number } }>(
        'mutation($input: CreatePartyInput!) { createParty(input: $input) { id version } }',
        { input: { name: `Aktør ${s.next()}`, kind: 'BUSINESS', homeMunicipalityId: s.municipality(t) } },
      );
      return {
        document: mutation('updateParty', 'UpdatePartyInput'),
        // The phishing lever: another address for the party's contact person.
        variables: {
          input: { partyId: party.id, expectedVersion: party.version, contactEmail: 'ny.kontakt@tiltak.test' },
        },
        ability: {
          query: 'query($id: ID!) { party(id: $id) { viewerCan { edit } } }',
          variables: { id: party.id },
          read: (data) => (data['party'] as { viewerCan: { edit: boolean } }).viewerCan.edit,
        },
      };
    },
  },
  createFocusArea: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => ({
      document: mutation('createFocusArea', 'CreateFocusAreaInput'),
      variables: { input: { code: `T${letters(s.next())}`, name: 'Nytt satsingsområde' } },
      ability: overall('manageProgramme'),
    }),
  },
  updateFocusArea: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const { focusArea } = await s.api.data<{ focusArea: { version: number } }>(
        'query($id: ID!) { focusArea(id: $id) { version } }',
        { id: s.fixture.focusAreaId },
      );
      return {
        document: mutation('updateFocusArea', 'UpdateFocusAreaInput'),
        variables: {
          input: { focusAreaId: s.fixture.focusAreaId, expectedVersion: focusArea.version, description: 'Ny' },
        },
        ability: overall('manageProgramme'),
      };
    },
  },
  createGoal: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => ({
      document: mutation('createGoal', 'CreateGoalInput'),
      variables: { input: { code: `T${letters(s.next())}`, name: 'Nytt mål' } },
      ability: overall('manageProgramme'),
    }),
  },
  updateGoal: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const goal = await newGoal(s);
      return {
        document: mutation('updateGoal', 'UpdateGoalInput'),
        variables: { input: { goalId: goal.id, expectedVersion: goal.version, name: 'Omdøpt mål' } },
        ability: overall('manageProgramme'),
      };
    },
  },
  deleteGoal: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const goal = await newGoal(s);
      return {
        document: mutation('deleteGoal', 'DeleteGoalInput'),
        variables: { input: { goalId: goal.id, expectedVersion: goal.version } },
        ability: overall('manageProgramme'),
      };
    },
  },
  setActionGoals: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const goal = await newGoal(s);
      return {
        document: mutation('setActionGoals', 'SetActionGoalsInput'),
        variables: {
          input: { actionId: s.action(t), expectedVersion: (await s.state(t)).version, goalIds: [goal.id] },
        },
        ability: onAction(s.action(t), 'edit'),
      };
    },
  },
  setFocusAreaGoal: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const goal = await newGoal(s);
      return {
        document: mutation('setFocusAreaGoal', 'SetFocusAreaGoalInput'),
        variables: {
          input: { focusAreaId: s.fixture.focusAreaId, expectedVersion: await focusAreaVersion(s), goalId: goal.id },
        },
        ability: overall('manageProgramme'),
      };
    },
  },
  createInnovationPlan: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      await withoutInnovationPlans(s);
      return {
        document: mutation('createInnovationPlan', 'CreateInnovationPlanInput'),
        variables: { input: { name: 'Innovasjonsplan', validFrom: 2026, priorities: [{ code: 'P1', name: 'Grønt' }] } },
        ability: overall('manageProgramme'),
      };
    },
  },
  replaceInnovationPlan: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const plan = await planInForce(s);
      return {
        document: mutation('replaceInnovationPlan', 'ReplaceInnovationPlanInput'),
        variables: {
          input: {
            planId: plan.id,
            expectedVersion: plan.version,
            name: 'Ny innovasjonsplan',
            validFrom: 2027,
            priorities: [{ code: 'P1', name: 'Grønt' }],
          },
        },
        ability: overall('manageProgramme'),
      };
    },
  },
  setActionInnovationPriorities: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const plan = await planInForce(s);
      return {
        document: mutation('setActionInnovationPriorities', 'SetActionInnovationPrioritiesInput'),
        variables: {
          input: {
            actionId: s.action(t),
            expectedVersion: (await s.state(t)).version,
            priorityIds: [plan.priorities[0].id],
          },
        },
        ability: onAction(s.action(t), 'edit'),
      };
    },
  },
  setFocusAreaInnovationPriority: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const plan = await planInForce(s);
      return {
        document: mutation('setFocusAreaInnovationPriority', 'SetFocusAreaInnovationPriorityInput'),
        variables: {
          input: {
            focusAreaId: s.fixture.focusAreaId,
            expectedVersion: await focusAreaVersion(s),
            priorityId: plan.priorities[plan.priorities.length - 1].id,
          },
        },
        ability: overall('manageProgramme'),
      };
    },
  },
  setActionBudget: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => ({
      document: mutation('setActionBudget', 'SetActionBudgetInput'),
      variables: { input: { actionId: s.action(t), expectedVersion: (await s.state(t)).version, budget: 1_500_000 } },
      ability: fundingOf(s.action(t)),
    }),
  },
  recordFundingLine: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => ({
      document: mutation('recordFundingLine', 'RecordFundingLineInput'),
      variables: {
        input: { actionId: s.action(t), source: 'COUNTY', status: 'APPLIED', amount: 250_000, year: 2026 },
      },
      ability: fundingOf(s.action(t)),
    }),
  },
  'recordFundingLine: municipal share': {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const municipalityId = s.fixture.municipalities[t === 'nes' ? 'Nes' : 'Eidsvoll'];
      return {
        document: mutation('recordFundingLine', 'RecordFundingLineInput'),
        variables: {
          input: {
            actionId: s.action(t),
            source: 'MUNICIPALITY',
            municipalityId,
            status: 'GRANTED',
            amount: 100_000,
            year: 2026,
          },
        },
        ability: shareOf(s.action(t), municipalityId),
      };
    },
  },
  updateFundingLine: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const line = await s.fundingLine(t);
      return {
        document: mutation('updateFundingLine', 'UpdateFundingLineInput'),
        variables: { input: { fundingLineId: line.id, expectedVersion: line.version, status: 'GRANTED' } },
        ability: fundingOf(s.action(t)),
      };
    },
  },
  deleteFundingLine: {
    targets: ACTIONS,
    allowed: EDITORS,
    arrange: async (s, t) => {
      const line = await s.fundingLine(t);
      return {
        document: mutation('deleteFundingLine', 'DeleteFundingLineInput'),
        variables: { input: { fundingLineId: line.id, expectedVersion: line.version } },
        ability: fundingOf(s.action(t)),
      };
    },
  },
  setEffortHours: {
    targets: ACTIONS,
    allowed: UPDATERS,
    arrange: async (s, t) => {
      const partyId = await s.leadPartyWithoutHours(t);
      return {
        document: mutation('setEffortHours', 'SetEffortHoursInput'),
        variables: { input: { actionId: s.action(t), partyId, year: 2026, hours: 75 } },
        ability: effortOf(s.action(t), partyId),
      };
    },
  },
  startProgrammePeriod: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const db = s.api.db.dataSource;
      // Each row that may start a period starts one: the next begins a year after the current one.
      const [current]: { version: number; start_year: number; end_year: number }[] = await db.query(
        `SELECT version, start_year, end_year FROM programme WHERE state = 'CURRENT'`,
      );
      const actions: { id: string }[] = await db.query(
        `SELECT a.id FROM action a JOIN programme p ON p.id = a.programme_id WHERE p.state = 'CURRENT'`,
      );
      return {
        document: mutation('startProgrammePeriod', 'StartProgrammePeriodInput'),
        variables: {
          input: {
            name: `Handlingsprogram ${current.start_year + 1}–${current.end_year + 1}`,
            startYear: current.start_year + 1,
            endYear: current.end_year + 1,
            expectedVersion: current.version,
            carryOver: actions.map((a) => a.id),
            endings: [],
          },
        },
        ability: overall('manageProgramme'),
      };
    },
  },
  createIndicator: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => ({
      document: mutation('createIndicator', 'CreateIndicatorInput'),
      variables: {
        input: { name: `Indikator ${s.next()}`, unit: 'antall', baseline: 1, target: 2, targetYear: 2028 },
      },
      ability: overall('manageProgramme'),
    }),
  },
  updateIndicator: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const { indicators } = await s.api.data<{ indicators: { id: string; version: number }[] }>(
        '{ indicators { id version } }',
      );
      const indicator = indicators.find((i) => i.id === s.fixture.indicatorId)!;
      return {
        document: mutation('updateIndicator', 'UpdateIndicatorInput'),
        variables: { input: { indicatorId: indicator.id, expectedVersion: indicator.version, target: 5 + s.next() } },
        ability: overall('manageProgramme'),
      };
    },
  },
  createNetwork: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => ({
      document: mutation('createNetwork', 'CreateNetworkInput'),
      variables: { input: { name: `Matrisenettverk ${s.next()}`, kind: 'NETWORK', foundedOn: '2026-01-01' } },
      ability: overall('manageProgramme'),
    }),
  },
  updateNetwork: {
    targets: ['programme'],
    allowed: PROGRAMME_RUNNERS,
    arrange: async (s) => {
      const network = await s.network();
      return {
        document: mutation('updateNetwork', 'UpdateNetworkInput'),
        variables: { input: { networkId: network.id, expectedVersion: network.version, endedOn: '2026-06-30' } },
        ability: onNetwork(network.id, (can) => can.edit),
      };
    },
  },
  setNetworkMembership: {
    targets: MUNICIPALITIES,
    allowed: RECORDERS,
    arrange: async (s, t) => {
      const network = await s.network();
      const municipalityId = s.municipality(t)!;
      return {
        document: mutation('setNetworkMembership', 'SetNetworkMembershipInput'),
        variables: { input: { networkId: network.id, municipalityId, members: 7 } },
        ability: onNetwork(network.id, (can) => can.recordMembersIn.includes(municipalityId)),
      };
    },
  },
  createUser: {
    targets: ['programme'],
    allowed: ADMIN_ONLY,
    arrange: async (s) => ({
      document: mutation('createUser', 'CreateUserInput'),
      variables: { input: { email: `ny${s.next()}@tiltak.test`, name: 'Ny bruker', role: 'COUNCIL' } },
      ability: overall('manageUsers'),
    }),
  },
  updateUser: {
    targets: ['programme'],
    allowed: ADMIN_ONLY,
    arrange: async (s) => {
      const { createUser: user } = await s.api.data<{ createUser: { id: string; version: number } }>(
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id version } }',
        { input: { email: `endres${s.next()}@tiltak.test`, name: 'Skal endres', role: 'COUNCIL' } },
      );
      return {
        document: mutation('updateUser', 'UpdateUserInput'),
        variables: { input: { userId: user.id, expectedVersion: user.version, name: 'Endret navn' } },
        ability: overall('manageUsers'),
      };
    },
  },
  // Last: it ends the caller's other sessions.
  changePassword: {
    targets: ['own account'],
    allowed: SIGNED_IN,
    arrange: async () => ({
      document:
        'mutation { changePassword(currentPassword: "tiltak-demo", newPassword: "et-nytt-langt-passord") { __typename } }',
      variables: {},
    }),
  },
  updateMailSettings: {
    targets: ['own account'],
    allowed: SIGNED_IN,
    arrange: async () => ({
      document: 'mutation { updateMailSettings(input: { language: en, stopped: [REMINDER] }) { __typename } }',
      variables: {},
    }),
  },
};

function letters(n: number): string {
  return String.fromCharCode(65 + (n % 26), 65 + (Math.floor(n / 26) % 26));
}

/** A fresh goal of the first level, made by the admin. */
async function newGoal(s: Setup): Promise<{ id: string; version: number }> {
  const { createGoal } = await s.api.data<{ createGoal: { id: string; version: number } }>(
    'mutation($input: CreateGoalInput!) { createGoal(input: $input) { id version } }',
    { input: { code: `G${letters(s.next())}${s.next()}`, name: 'Mål for matrisen' } },
  );
  return createGoal;
}

async function focusAreaVersion(s: Setup): Promise<number> {
  const { focusArea } = await s.api.data<{ focusArea: { version: number } }>(
    'query($id: ID!) { focusArea(id: $id) { version } }',
    { id: s.fixture.focusAreaId },
  );
  return focusArea.version;
}

async function planInForce(s: Setup): Promise<{ id: string; version: number; priorities: { id: string }[] }> {
  const { innovationPlans } = await s.api.data<{
    innovationPlans: { id: string; version: number; replaced: boolean; priorities: { id: string }[] }[];
  }>('{ innovationPlans { id version replaced priorities { id } } }');
  const plan = innovationPlans.find((p) => !p.replaced);
  if (!plan) throw new Error('the region has a plan in force');
  return plan;
}

/** A region without an innovation plan, so that a first one may be made: oldest versions go first. */
async function withoutInnovationPlans(s: Setup): Promise<void> {
  const db = s.api.db.dataSource;
  await db.query('UPDATE focus_area SET innovation_priority_id = NULL');
  await db.query('DELETE FROM action_innovation_priority');
  while (Number((await db.query('SELECT count(*) AS n FROM innovation_plan'))[0].n) > 0) {
    await db.query(
      `DELETE FROM innovation_plan p WHERE NOT EXISTS (SELECT 1 FROM innovation_plan q WHERE q.replaced_by_id = p.id)`,
    );
  }
}

/** What the arrange steps use: the fixture, the admin's API, and fresh records made for one call. */
interface Setup {
  api: TestApi;
  fixture: Fixture;
  next(): number;
  action(target: Target): string;
  municipality(target: Target): string | undefined;
  state(target: Target): Promise<{
    version: number;
    municipalities: { municipality: { id: string }; version: number }[];
  }>;
  milestone(target: Target, completed: boolean): Promise<{ id: string; version: number }>;
  withoutPartner(target: Target): Promise<void>;
  partner(target: Target): Promise<{ id: string; version: number }>;
  spareLeadNamed(target: Target, named: boolean): Promise<void>;
  /** A pending proposal on the target action, made by the admin. */
  proposal(target: Target): Promise<{ id: string; version: number }>;
  /** A new county funding line on the target action, recorded by the admin. */
  fundingLine(target: Target): Promise<{ id: string; version: number }>;
  /** The party that leads the target action, with no hours recorded on it. */
  leadPartyWithoutHours(target: Target): Promise<string>;
  /** A new open round in which only the target action reports. */
  round(target: Target): Promise<{ id: string; version: number }>;
  /** The action's own report in a new round, submitted by the admin or not. */
  report(target: Target, submitted: boolean): Promise<{ id: string; version: number; roundId: string }>;
  /** A new network in the register, with no members yet. */
  network(): Promise<{ id: string; version: number }>;
}

/** The mutations the API serves, from the committed schema (api.int-spec.ts holds it to the served one). */
const SCHEMA_MUTATIONS = Object.keys(
  buildSchema(readFileSync(fileURLToPath(new URL('../../schema.graphql', import.meta.url)), 'utf8'))
    .getMutationType()!
    .getFields(),
);

const lastRank = (key: string) => (key === 'changePassword' ? 2 : key === 'startProgrammePeriod' ? 1 : 0);

describe('permissions on every mutation, generated from the schema', () => {
  let api: TestApi;
  let setup: Setup;
  const clients = {} as Record<Who, GraphqlClient>;

  /** Every row of the programme's and the accounts' tables, as one fingerprint per table. */
  const fingerprint = async (): Promise<Record<string, string>> => {
    const columns = TABLES.map(
      (t) => `(SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM ${t} r) AS ${t}`,
    );
    const [row] = await api.db.dataSource.query(`SELECT ${columns.join(', ')}`);
    return row as Record<string, string>;
  };

  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production', DEMO_DATA: 'always' });
    const frame = await api.data<{
      municipalities: { id: string; name: string }[];
      focusAreas: { id: string; code: string }[];
      parties: { id: string; name: string }[];
      indicators: { id: string }[];
    }>('{ municipalities { id name } focusAreas { id code } parties { id name } indicators { id } }');
    const municipalities = Object.fromEntries(frame.municipalities.map((m) => [m.name, m.id]));
    const focusAreaId = frame.focusAreas.find((f) => f.code === 'POL')!.id;
    const raadet = frame.parties.find((p) => p.name === 'Gardermoregionens næringsråd')!;
    const otherLead = frame.parties.find((p) => p.id !== raadet.id)!;
    const partner = frame.parties.filter((p) => p.id !== raadet.id && p.id !== otherLead.id)[0];

    const make = async (code: string, municipality: string | string[], leadPartyId: string) => {
      const { createAction } = await api.data<{ createAction: { id: string } }>(
        'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
        {
          input: {
            code,
            title: `Matrisetiltak ${code}`,
            focusAreaId,
            municipalityIds: [municipality].flat().map((name) => municipalities[name]),
            startDate: '2026-01-01',
            dueDate: '2027-12-31',
          },
        },
      );
      await api.data(mutation('addInvolvement', 'AddInvolvementInput'), {
        input: { actionId: createAction.id, partyId: leadPartyId, role: 'LEAD', level: 'OPERATIONAL' },
      });
      return createAction.id;
    };
    const { createUser: spareLead } = await api.data<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: 'ekstra.leder@tiltak.test',
          name: 'Ekstra prosjektleder',
          role: 'PROJECT_LEAD',
          partyId: otherLead.id,
          password: 'tiltak-demo-passord',
        },
      },
    );
    const fixture: Fixture = {
      actions: {
        nes: await make('POL-70', 'Nes', otherLead.id),
        eidsvoll: await make('POL-71', 'Eidsvoll', otherLead.id),
        led: await make('POL-72', 'Eidsvoll', raadet.id),
        'whole region': await make('POL-73', Object.keys(municipalities), otherLead.id),
      },
      municipalities,
      focusAreaId,
      partnerPartyId: partner.id,
      indicatorId: frame.indicators[0].id,
      spareLeadUserId: spareLead.id,
    };
    let counter = 0;
    const db = api.db.dataSource;
    const action = (target: Target) => fixture.actions[target as keyof Fixture['actions']];
    setup = {
      api,
      fixture,
      next: () => ++counter,
      action,
      municipality: (target) =>
        target === 'nes' ? municipalities['Nes'] : target === 'eidsvoll' ? municipalities['Eidsvoll'] : undefined,
      state: async (target) =>
        (
          await api.data<{ action: Awaited<ReturnType<Setup['state']>> }>(
            'query($id: ID!) { action(id: $id) { version municipalities { municipality { id } version } } }',
            { id: action(target) },
          )
        ).action,
      milestone: async (target, completed) => {
        const title = `Oppsett ${++counter}`;
        const { createMilestone } = await api.data<{
          createMilestone: { milestones: { id: string; title: string; version: number }[] };
        }>(
          'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { milestones { id title version } } }',
          { input: { actionId: action(target), title, dueDate: '2027-06-01' } },
        );
        const made = createMilestone.milestones.find((m) => m.title === title)!;
        if (!completed) return made;
        const { completeMilestone } = await api.data<{
          completeMilestone: { milestones: { id: string; version: number }[] };
        }>(
          'mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { milestones { id version } } }',
          { input: { milestoneId: made.id, expectedVersion: made.version } },
        );
        return completeMilestone.milestones.find((m) => m.id === made.id)!;
      },
      withoutPartner: async (target) => {
        await db.query(`DELETE FROM involvement WHERE action_id = $1 AND role = 'PARTNER'`, [action(target)]);
      },
      partner: async (target) => {
        await setup.withoutPartner(target);
        const { addInvolvement } = await api.data<{
          addInvolvement: { involvements: { id: string; role: string; version: number }[] };
        }>(
          'mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { involvements { id role version } } }',
          {
            input: { actionId: action(target), partyId: partner.id, role: 'PARTNER', level: 'OPERATIONAL' },
          },
        );
        return addInvolvement.involvements.find((i) => i.role === 'PARTNER')!;
      },
      spareLeadNamed: async (target, named) => {
        await db.query('DELETE FROM action_project_lead WHERE action_id = $1 AND user_id = $2', [
          action(target),
          spareLead.id,
        ]);
        if (named) {
          await api.data(mutation('nameProjectLead', 'ProjectLeadInput'), {
            input: { actionId: action(target), userId: spareLead.id },
          });
        }
      },
      proposal: async (target) => {
        const { proposeActionChange } = await api.data<{ proposeActionChange: { id: string; version: number } }>(
          'mutation($input: ProposeActionChangeInput!) { proposeActionChange(input: $input) { id version } }',
          {
            input: {
              actionId: action(target),
              expectedVersion: (await setup.state(target)).version,
              changes: { description: `Forslag ${++counter}` },
              comment: 'Oppsett',
            },
          },
        );
        return proposeActionChange;
      },
      fundingLine: async (target) => {
        const { recordFundingLine } = await api.data<{ recordFundingLine: { id: string; version: number } }>(
          'mutation($input: RecordFundingLineInput!) { recordFundingLine(input: $input) { id version } }',
          { input: { actionId: action(target), source: 'COUNTY', status: 'APPLIED', amount: 300_000, year: 2026 } },
        );
        return recordFundingLine;
      },
      leadPartyWithoutHours: async (target) => {
        await db.query('DELETE FROM effort_entry WHERE action_id = $1', [action(target)]);
        const [row] = (await db.query(`SELECT party_id FROM involvement WHERE action_id = $1 AND role = 'LEAD'`, [
          action(target),
        ])) as { party_id: string }[];
        return row.party_id;
      },
      round: async (target) => {
        const { openReportingRound } = await api.data<{ openReportingRound: { id: string; version: number } }>(
          'mutation($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { id version } }',
          { input: { name: `Oppsettrunde ${++counter}`, deadline: '2030-06-30', actionIds: [action(target)] } },
        );
        return openReportingRound;
      },
      report: async (target, submitted) => {
        const round = await setup.round(target);
        const { reportingRound } = await api.data<{ reportingRound: { reports: { id: string; version: number }[] } }>(
          'query($id: ID!) { reportingRound(id: $id) { reports { id version } } }',
          { id: round.id },
        );
        const [report] = reportingRound.reports;
        if (!submitted) return { ...report, roundId: round.id };
        const { saveReport } = await api.data<{ saveReport: { id: string; version: number } }>(
          'mutation($input: SaveReportInput!) { saveReport(input: $input) { id version } }',
          { input: { reportId: report.id, expectedVersion: report.version, narrative: 'Levert', submit: true } },
        );
        return { ...saveReport, roundId: round.id };
      },
      network: async () => {
        const { createNetwork } = await api.data<{ createNetwork: { id: string; version: number } }>(
          'mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id version } }',
          { input: { name: `Oppsettnettverk ${++counter}`, kind: 'CLUSTER', foundedOn: '2025-05-01' } },
        );
        return createNetwork;
      },
    };
    clients['signed out'] = api.anonymous;
    for (const [who, email] of Object.entries(ACCOUNTS)) clients[who as Who] = await api.as(email);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('has an expected outcome for every mutation in the schema, and no entry for one it lacks', () => {
    const covered = new Set(Object.keys(MUTATIONS).map((key) => key.split(':')[0]));
    const missing = SCHEMA_MUTATIONS.filter((name) => !PUBLIC.has(name) && !covered.has(name));
    const unknown = [...covered].filter((name) => !SCHEMA_MUTATIONS.includes(name));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
    expect(SCHEMA_MUTATIONS.length).toBeGreaterThan(25);
  });

  // Rows for every mutation the schema has: each entry's targets for each role, or, for a mutation
  // without an entry, one row that fails.
  const rows = SCHEMA_MUTATIONS.filter((name) => !PUBLIC.has(name))
    .flatMap((name) => {
      const keys = Object.keys(MUTATIONS).filter((key) => key.split(':')[0] === name);
      return keys.length > 0 ? keys : [name];
    })
    .flatMap((key) =>
      WHO.flatMap((who) =>
        (MUTATIONS[key]?.targets ?? ['programme']).map((target) => ({
          key,
          who,
          target,
          allowed: MUTATIONS[key]?.allowed[who]?.includes(target) ?? false,
        })),
      ),
    )
    // A new programme period ends the one every other row writes to: it runs after them. changePassword
    // ends the caller's other sessions: it runs last.
    .sort((a, b) => lastRank(a.key) - lastRank(b.key));

  it.each(
    rows.map((row) => [`${row.who} ${row.allowed ? 'may' : 'may not'} ${row.key} (${row.target})`, row] as const),
  )('%s', async (_, { key, who, target, allowed }) => {
    if (!MUTATIONS[key]) throw new Error(`${key} has no entry in MUTATIONS: say who may make it, on what`);
    const { document, variables, ability } = await MUTATIONS[key].arrange(setup, target);
    if (ability && who !== 'signed out') {
      const { data, errors } = await clients[who].gql(ability.query, ability.variables);
      expect(errors).toBeUndefined();
      expect({ viewerCan: ability.read(data!) }).toEqual({ viewerCan: allowed });
    }
    const before = await fingerprint();

    const { errors } = await clients[who].gql(document, variables);

    if (allowed) {
      expect(errors).toBeUndefined();
      expect(await fingerprint()).not.toEqual(before);
    } else {
      expect(errors?.[0].extensions?.code).toBe(who === 'signed out' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(await fingerprint()).toEqual(before);
    }
  });
});
