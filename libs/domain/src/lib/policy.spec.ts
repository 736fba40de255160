import {
  concernsWholeRegion,
  decide,
  type Permission,
  type Principal,
  type Role,
  statusUpdaterReach,
  withinReach,
} from './policy';

const NES = 'nes';
const EIDSVOLL = 'eidsvoll';
const viewer = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  userId: `u-${role}`,
  role,
  municipalityId: null,
  partyId: null,
  ...extra,
});
const admin = viewer('ADMIN');
const council = viewer('COUNCIL');
const secretariat = viewer('SECRETARIAT');
const elected = viewer('ELECTED');
const nesCoordinator = viewer('COORDINATOR', { municipalityId: NES });
const lead = viewer('PROJECT_LEAD', { partyId: 'naeringsraadet' });

const nesAction = { municipalityIds: [NES], leadPartyId: 'other-party', projectLeadUserIds: [], regional: false };
const eidsvollAction = {
  municipalityIds: [EIDSVOLL],
  leadPartyId: 'naeringsraadet',
  projectLeadUserIds: [],
  regional: false,
};
const shared = { municipalityIds: [NES, EIDSVOLL], leadPartyId: null, projectLeadUserIds: [], regional: false };
/** An action for every municipality of the region. */
const regional = { ...shared, municipalityIds: [NES, EIDSVOLL, 'hurdal'], regional: true };
const namedOnNes = { ...nesAction, projectLeadUserIds: [lead.userId] };

const options = { publicDashboard: false };

describe('decide', () => {
  const table: [string, Principal | null, Permission, string][] = [
    ['signed out reads nothing', null, { kind: 'READ_PROGRAMME' }, 'UNAUTHENTICATED'],
    ['signed out writes nothing', null, { kind: 'EDIT_ACTION', action: nesAction }, 'UNAUTHENTICATED'],
    ['the council reads', council, { kind: 'READ_PERSONAL_DATA' }, 'ALLOW'],
    ['the council never writes', council, { kind: 'UPDATE_ACTION_STATUS', action: nesAction }, 'FORBIDDEN'],
    ['the council changes nothing at all', council, { kind: 'WRITE' }, 'FORBIDDEN'],
    ['a project lead may write something', lead, { kind: 'WRITE' }, 'ALLOW'],
    [
      'a coordinator edits an action of their municipality',
      nesCoordinator,
      { kind: 'EDIT_ACTION', action: nesAction },
      'ALLOW',
    ],
    ['a coordinator edits a shared action', nesCoordinator, { kind: 'EDIT_ACTION', action: shared }, 'ALLOW'],
    [
      'a coordinator does not edit another municipality’s action',
      nesCoordinator,
      { kind: 'EDIT_ACTION', action: eidsvollAction },
      'FORBIDDEN',
    ],
    [
      'a coordinator creates for their municipality',
      nesCoordinator,
      { kind: 'CREATE_ACTION', municipalityIds: [NES] },
      'ALLOW',
    ],
    [
      'a coordinator does not create for others',
      nesCoordinator,
      { kind: 'CREATE_ACTION', municipalityIds: [EIDSVOLL] },
      'FORBIDDEN',
    ],
    [
      'a coordinator does not create for their own and another municipality',
      nesCoordinator,
      { kind: 'CREATE_ACTION', municipalityIds: [NES, EIDSVOLL] },
      'FORBIDDEN',
    ],
    [
      'a project lead does not delete or reweight the milestones of an action they lead',
      lead,
      { kind: 'RESHAPE_MILESTONES', action: eidsvollAction },
      'FORBIDDEN',
    ],
    [
      'a coordinator deletes and reweights the milestones of their municipality’s action',
      nesCoordinator,
      { kind: 'RESHAPE_MILESTONES', action: nesAction },
      'ALLOW',
    ],
    [
      'a coordinator takes their own municipality off a shared action',
      nesCoordinator,
      { kind: 'CHANGE_ACTION_MUNICIPALITIES', action: shared, added: [], removed: [NES] },
      'ALLOW',
    ],
    [
      'a coordinator does not take another municipality off a shared action',
      nesCoordinator,
      { kind: 'CHANGE_ACTION_MUNICIPALITIES', action: shared, added: [], removed: [EIDSVOLL] },
      'FORBIDDEN',
    ],
    [
      'a coordinator does not add another municipality to their action',
      nesCoordinator,
      { kind: 'CHANGE_ACTION_MUNICIPALITIES', action: nesAction, added: [EIDSVOLL], removed: [] },
      'FORBIDDEN',
    ],
    [
      'a coordinator sets their own municipality’s figures',
      nesCoordinator,
      { kind: 'EDIT_MUNICIPALITY_FIGURES', action: shared, municipalityId: NES },
      'ALLOW',
    ],
    [
      'a coordinator does not set another municipality’s figures',
      nesCoordinator,
      { kind: 'EDIT_MUNICIPALITY_FIGURES', action: shared, municipalityId: EIDSVOLL },
      'FORBIDDEN',
    ],
    [
      'a lead updates the status of what their party leads',
      lead,
      { kind: 'UPDATE_ACTION_STATUS', action: eidsvollAction },
      'ALLOW',
    ],
    [
      'a lead completes milestones of what they lead',
      lead,
      { kind: 'EDIT_MILESTONES', action: eidsvollAction },
      'ALLOW',
    ],
    ['a lead does not touch what others lead', lead, { kind: 'UPDATE_ACTION_STATUS', action: nesAction }, 'FORBIDDEN'],
    [
      'a lead named on an action updates it, whoever leads it',
      lead,
      { kind: 'UPDATE_ACTION_STATUS', action: namedOnNes },
      'ALLOW',
    ],
    [
      'another lead of the same party is not named by it',
      viewer('PROJECT_LEAD', { userId: 'u-other', partyId: 'naeringsraadet' }),
      { kind: 'EDIT_MILESTONES', action: namedOnNes },
      'FORBIDDEN',
    ],
    ['being named does not open the action’s frame', lead, { kind: 'EDIT_ACTION', action: namedOnNes }, 'FORBIDDEN'],
    ['a lead does not edit the action’s frame', lead, { kind: 'EDIT_ACTION', action: eidsvollAction }, 'FORBIDDEN'],
    [
      'a coordinator manages the parties of their municipality',
      nesCoordinator,
      { kind: 'MANAGE_PARTY', homeMunicipalityId: NES },
      'ALLOW',
    ],
    [
      'a coordinator does not manage another municipality’s parties',
      nesCoordinator,
      { kind: 'MANAGE_PARTY', homeMunicipalityId: EIDSVOLL },
      'FORBIDDEN',
    ],
    [
      'a coordinator does not manage regional parties',
      nesCoordinator,
      { kind: 'MANAGE_PARTY', homeMunicipalityId: null },
      'FORBIDDEN',
    ],
    ['a project lead manages no party', lead, { kind: 'MANAGE_PARTY', homeMunicipalityId: NES }, 'FORBIDDEN'],
    ['admins manage regional parties', admin, { kind: 'MANAGE_PARTY', homeMunicipalityId: null }, 'ALLOW'],
    [
      'a coordinator records how many of their municipality’s businesses a network has',
      nesCoordinator,
      { kind: 'RECORD_NETWORK_MEMBERSHIP', municipalityId: NES },
      'ALLOW',
    ],
    [
      'a coordinator does not record another municipality’s network members',
      nesCoordinator,
      { kind: 'RECORD_NETWORK_MEMBERSHIP', municipalityId: EIDSVOLL },
      'FORBIDDEN',
    ],
    [
      'the council records no network members',
      council,
      { kind: 'RECORD_NETWORK_MEMBERSHIP', municipalityId: NES },
      'FORBIDDEN',
    ],
    [
      'a project lead records no network members',
      lead,
      { kind: 'RECORD_NETWORK_MEMBERSHIP', municipalityId: NES },
      'FORBIDDEN',
    ],
    [
      'admins record any municipality’s network members',
      admin,
      { kind: 'RECORD_NETWORK_MEMBERSHIP', municipalityId: EIDSVOLL },
      'ALLOW',
    ],
    [
      'a coordinator does not found networks in the register',
      nesCoordinator,
      { kind: 'MANAGE_PROGRAMME' },
      'FORBIDDEN',
    ],
    ['only admins manage users', nesCoordinator, { kind: 'MANAGE_USERS' }, 'FORBIDDEN'],
    ['admins do everything', admin, { kind: 'MANAGE_USERS' }, 'ALLOW'],
    [
      'a coordinator sends a link for their action',
      nesCoordinator,
      { kind: 'SEND_REPORT_LINK', action: shared, municipalityId: null },
      'ALLOW',
    ],
    [
      'a coordinator sends a link for their own part',
      nesCoordinator,
      { kind: 'SEND_REPORT_LINK', action: shared, municipalityId: NES },
      'ALLOW',
    ],
    [
      'a coordinator sends no link for another municipality’s part',
      nesCoordinator,
      { kind: 'SEND_REPORT_LINK', action: shared, municipalityId: EIDSVOLL },
      'FORBIDDEN',
    ],
    [
      'a coordinator sends no link for another municipality’s action',
      nesCoordinator,
      { kind: 'SEND_REPORT_LINK', action: eidsvollAction, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'a project lead sends a link for the action their party leads',
      lead,
      { kind: 'SEND_REPORT_LINK', action: eidsvollAction, municipalityId: null },
      'ALLOW',
    ],
    [
      'a named project lead sends a link',
      lead,
      { kind: 'SEND_REPORT_LINK', action: namedOnNes, municipalityId: null },
      'ALLOW',
    ],
    [
      'a project lead sends no link for an action they do not lead',
      lead,
      { kind: 'SEND_REPORT_LINK', action: nesAction, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'the council sends no link',
      council,
      { kind: 'SEND_REPORT_LINK', action: nesAction, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'an admin sends any link',
      admin,
      { kind: 'SEND_REPORT_LINK', action: eidsvollAction, municipalityId: EIDSVOLL },
      'ALLOW',
    ],
    ['only admins read the mail outbox', nesCoordinator, { kind: 'READ_MAIL_OUTBOX' }, 'FORBIDDEN'],
    ['admins read the mail outbox', admin, { kind: 'READ_MAIL_OUTBOX' }, 'ALLOW'],
    ['the council reads reports', council, { kind: 'READ_REPORTS' }, 'ALLOW'],
    ['admins open and close rounds', admin, { kind: 'MANAGE_REPORTING_ROUNDS' }, 'ALLOW'],
    ['a coordinator opens no round', nesCoordinator, { kind: 'MANAGE_REPORTING_ROUNDS' }, 'FORBIDDEN'],
    ['the council opens no round', council, { kind: 'MANAGE_REPORTING_ROUNDS' }, 'FORBIDDEN'],
    [
      'a lead submits the report of what their party leads',
      lead,
      { kind: 'SUBMIT_REPORT', action: eidsvollAction, municipalityId: null },
      'ALLOW',
    ],
    [
      'a lead named on an action submits its report',
      lead,
      { kind: 'SUBMIT_REPORT', action: namedOnNes, municipalityId: null },
      'ALLOW',
    ],
    [
      'a lead does not submit the report of what another party leads',
      lead,
      { kind: 'SUBMIT_REPORT', action: nesAction, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'a coordinator submits the report of their municipality’s action',
      nesCoordinator,
      { kind: 'SUBMIT_REPORT', action: shared, municipalityId: null },
      'ALLOW',
    ],
    [
      'a coordinator submits their own municipality’s part',
      nesCoordinator,
      { kind: 'SUBMIT_REPORT', action: shared, municipalityId: NES },
      'ALLOW',
    ],
    [
      'a coordinator does not submit another municipality’s part',
      nesCoordinator,
      { kind: 'SUBMIT_REPORT', action: shared, municipalityId: EIDSVOLL },
      'FORBIDDEN',
    ],
    [
      'a coordinator does not submit the report of another municipality’s action',
      nesCoordinator,
      { kind: 'SUBMIT_REPORT', action: eidsvollAction, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'the council submits no report',
      council,
      { kind: 'SUBMIT_REPORT', action: shared, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'a coordinator returns the report of their municipality’s action',
      nesCoordinator,
      { kind: 'RETURN_REPORT', action: shared, municipalityId: null },
      'ALLOW',
    ],
    [
      'a coordinator returns their own municipality’s part',
      nesCoordinator,
      { kind: 'RETURN_REPORT', action: shared, municipalityId: NES },
      'ALLOW',
    ],
    [
      'a coordinator does not return another municipality’s part',
      nesCoordinator,
      { kind: 'RETURN_REPORT', action: shared, municipalityId: EIDSVOLL },
      'FORBIDDEN',
    ],
    [
      'a coordinator does not return the report of another municipality’s action',
      nesCoordinator,
      { kind: 'RETURN_REPORT', action: eidsvollAction, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'a lead does not return the report they submit',
      lead,
      { kind: 'RETURN_REPORT', action: eidsvollAction, municipalityId: null },
      'FORBIDDEN',
    ],
    ['admins return any report', admin, { kind: 'RETURN_REPORT', action: nesAction, municipalityId: null }, 'ALLOW'],
    ['the council reads money', council, { kind: 'READ_FUNDING' }, 'ALLOW'],
    ['signed out reads no money', null, { kind: 'READ_FUNDING' }, 'UNAUTHENTICATED'],
    ['the council reads its reports', council, { kind: 'READ_COUNCIL_REPORTS' }, 'ALLOW'],
    ['elected officials read the council reports', elected, { kind: 'READ_COUNCIL_REPORTS' }, 'ALLOW'],
    ['a coordinator reads the council reports', nesCoordinator, { kind: 'READ_COUNCIL_REPORTS' }, 'ALLOW'],
    ['the secretariat reads the council reports', secretariat, { kind: 'READ_COUNCIL_REPORTS' }, 'ALLOW'],
    ['a project lead reads no council report', lead, { kind: 'READ_COUNCIL_REPORTS' }, 'FORBIDDEN'],
    ['signed out reads no council report', null, { kind: 'READ_COUNCIL_REPORTS' }, 'UNAUTHENTICATED'],
    ['the secretariat takes a snapshot', secretariat, { kind: 'TAKE_COUNCIL_SNAPSHOT' }, 'ALLOW'],
    ['admins take a snapshot', admin, { kind: 'TAKE_COUNCIL_SNAPSHOT' }, 'ALLOW'],
    ['the council takes no snapshot', council, { kind: 'TAKE_COUNCIL_SNAPSHOT' }, 'FORBIDDEN'],
    ['a coordinator takes no snapshot', nesCoordinator, { kind: 'TAKE_COUNCIL_SNAPSHOT' }, 'FORBIDDEN'],
    ['a project lead takes no snapshot', lead, { kind: 'TAKE_COUNCIL_SNAPSHOT' }, 'FORBIDDEN'],
    ['elected officials export spreadsheets', elected, { kind: 'EXPORT_SPREADSHEETS' }, 'ALLOW'],
    ['a project lead exports spreadsheets', lead, { kind: 'EXPORT_SPREADSHEETS' }, 'ALLOW'],
    ['signed out exports nothing', null, { kind: 'EXPORT_SPREADSHEETS' }, 'UNAUTHENTICATED'],
    ['admins import spreadsheets', admin, { kind: 'IMPORT_SPREADSHEETS' }, 'ALLOW'],
    ['the secretariat imports spreadsheets', secretariat, { kind: 'IMPORT_SPREADSHEETS' }, 'ALLOW'],
    ['a coordinator imports spreadsheets', nesCoordinator, { kind: 'IMPORT_SPREADSHEETS' }, 'ALLOW'],
    ['a project lead imports no spreadsheet', lead, { kind: 'IMPORT_SPREADSHEETS' }, 'FORBIDDEN'],
    ['the council imports no spreadsheet', council, { kind: 'IMPORT_SPREADSHEETS' }, 'FORBIDDEN'],
    ['elected officials import no spreadsheet', elected, { kind: 'IMPORT_SPREADSHEETS' }, 'FORBIDDEN'],
    ['signed out imports nothing', null, { kind: 'IMPORT_SPREADSHEETS' }, 'UNAUTHENTICATED'],
    [
      'a coordinator records their municipality’s share of a shared action',
      nesCoordinator,
      { kind: 'EDIT_FUNDING_LINE', action: shared, municipalityId: NES },
      'ALLOW',
    ],
    [
      'a coordinator does not record another municipality’s share, even on a shared action',
      nesCoordinator,
      { kind: 'EDIT_FUNDING_LINE', action: shared, municipalityId: EIDSVOLL },
      'FORBIDDEN',
    ],
    [
      'a coordinator does not record their share on an action that does not concern them',
      nesCoordinator,
      { kind: 'EDIT_FUNDING_LINE', action: eidsvollAction, municipalityId: NES },
      'FORBIDDEN',
    ],
    [
      'a coordinator records other funding of an action they may edit',
      nesCoordinator,
      { kind: 'EDIT_FUNDING_LINE', action: shared, municipalityId: null },
      'ALLOW',
    ],
    [
      'a coordinator records no funding of another municipality’s action',
      nesCoordinator,
      { kind: 'EDIT_FUNDING_LINE', action: eidsvollAction, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'a project lead records no funding',
      lead,
      { kind: 'EDIT_FUNDING_LINE', action: eidsvollAction, municipalityId: null },
      'FORBIDDEN',
    ],
    [
      'the council records no funding',
      council,
      { kind: 'EDIT_FUNDING_LINE', action: nesAction, municipalityId: NES },
      'FORBIDDEN',
    ],
    [
      'admins record any funding',
      admin,
      { kind: 'EDIT_FUNDING_LINE', action: nesAction, municipalityId: NES },
      'ALLOW',
    ],
    [
      'a project lead records their own party’s hours on the action they lead',
      lead,
      { kind: 'RECORD_EFFORT', action: eidsvollAction, partyId: 'naeringsraadet' },
      'ALLOW',
    ],
    [
      'a project lead records no other party’s hours',
      lead,
      { kind: 'RECORD_EFFORT', action: eidsvollAction, partyId: 'other-party' },
      'FORBIDDEN',
    ],
    [
      'a project lead records no hours on an action they do not lead',
      lead,
      { kind: 'RECORD_EFFORT', action: nesAction, partyId: 'naeringsraadet' },
      'FORBIDDEN',
    ],
    [
      'a coordinator records any party’s hours on their action',
      nesCoordinator,
      { kind: 'RECORD_EFFORT', action: nesAction, partyId: 'other-party' },
      'ALLOW',
    ],
    [
      'a coordinator records no hours on another municipality’s action',
      nesCoordinator,
      { kind: 'RECORD_EFFORT', action: eidsvollAction, partyId: 'naeringsraadet' },
      'FORBIDDEN',
    ],
    ['the secretariat manages the programme', secretariat, { kind: 'MANAGE_PROGRAMME' }, 'ALLOW'],
    ['the secretariat opens and closes rounds', secretariat, { kind: 'MANAGE_REPORTING_ROUNDS' }, 'ALLOW'],
    ['the secretariat edits any action', secretariat, { kind: 'EDIT_ACTION', action: eidsvollAction }, 'ALLOW'],
    [
      'the secretariat creates actions across municipalities',
      secretariat,
      { kind: 'CREATE_ACTION', municipalityIds: [NES, EIDSVOLL] },
      'ALLOW',
    ],
    [
      'the secretariat sets any municipality’s figures',
      secretariat,
      { kind: 'EDIT_MUNICIPALITY_FIGURES', action: shared, municipalityId: EIDSVOLL },
      'ALLOW',
    ],
    [
      'the secretariat records any municipality’s decisions',
      secretariat,
      { kind: 'RECORD_FOR_MUNICIPALITY', municipalityId: NES },
      'ALLOW',
    ],
    [
      'the secretariat manages regional parties',
      secretariat,
      { kind: 'MANAGE_PARTY', homeMunicipalityId: null },
      'ALLOW',
    ],
    [
      'the secretariat returns any report',
      secretariat,
      { kind: 'RETURN_REPORT', action: shared, municipalityId: EIDSVOLL },
      'ALLOW',
    ],
    ['the secretariat reads personal data', secretariat, { kind: 'READ_PERSONAL_DATA' }, 'ALLOW'],
    ['the secretariat administers no users', secretariat, { kind: 'MANAGE_USERS' }, 'FORBIDDEN'],
    ['the secretariat reads no one’s mail', secretariat, { kind: 'READ_MAIL_OUTBOX' }, 'FORBIDDEN'],
    ['elected officials read the programme', elected, { kind: 'READ_PROGRAMME' }, 'ALLOW'],
    ['elected officials read reports', elected, { kind: 'READ_REPORTS' }, 'ALLOW'],
    ['elected officials read no personal data', elected, { kind: 'READ_PERSONAL_DATA' }, 'FORBIDDEN'],
    ['elected officials change nothing at all', elected, { kind: 'WRITE' }, 'FORBIDDEN'],
    ['elected officials edit no action', elected, { kind: 'EDIT_ACTION', action: shared }, 'FORBIDDEN'],
    ['elected officials manage no programme', elected, { kind: 'MANAGE_PROGRAMME' }, 'FORBIDDEN'],
    ['the council manages no programme', council, { kind: 'MANAGE_PROGRAMME' }, 'FORBIDDEN'],
    [
      'a coordinator does not edit a regional action',
      nesCoordinator,
      { kind: 'EDIT_ACTION', action: regional },
      'FORBIDDEN',
    ],
    [
      'a coordinator does not reshape a regional action’s milestones',
      nesCoordinator,
      { kind: 'RESHAPE_MILESTONES', action: regional },
      'FORBIDDEN',
    ],
    [
      'a coordinator does not take their municipality off a regional action',
      nesCoordinator,
      { kind: 'CHANGE_ACTION_MUNICIPALITIES', action: regional, added: [], removed: [NES] },
      'FORBIDDEN',
    ],
    [
      'a coordinator still completes a regional action’s milestones',
      nesCoordinator,
      { kind: 'EDIT_MILESTONES', action: regional },
      'ALLOW',
    ],
    [
      'a coordinator still updates a regional action’s status',
      nesCoordinator,
      { kind: 'UPDATE_ACTION_STATUS', action: regional },
      'ALLOW',
    ],
    ['the secretariat edits a regional action', secretariat, { kind: 'EDIT_ACTION', action: regional }, 'ALLOW'],
    [
      'a coordinator proposes a change to a regional action',
      nesCoordinator,
      { kind: 'PROPOSE_ACTION_CHANGE', action: regional },
      'ALLOW',
    ],
    [
      'a coordinator proposes nothing for an action they may edit',
      nesCoordinator,
      { kind: 'PROPOSE_ACTION_CHANGE', action: shared },
      'FORBIDDEN',
    ],
    [
      'a coordinator proposes nothing for an action outside their municipality',
      viewer('COORDINATOR', { municipalityId: 'ullensaker' }),
      { kind: 'PROPOSE_ACTION_CHANGE', action: regional },
      'FORBIDDEN',
    ],
    ['a project lead proposes nothing', lead, { kind: 'PROPOSE_ACTION_CHANGE', action: regional }, 'FORBIDDEN'],
    ['the council proposes nothing', council, { kind: 'PROPOSE_ACTION_CHANGE', action: regional }, 'FORBIDDEN'],
    ['the secretariat decides proposals', secretariat, { kind: 'DECIDE_ACTION_PROPOSAL' }, 'ALLOW'],
    ['a coordinator decides no proposal', nesCoordinator, { kind: 'DECIDE_ACTION_PROPOSAL' }, 'FORBIDDEN'],
    ['elected officials decide no proposal', elected, { kind: 'DECIDE_ACTION_PROPOSAL' }, 'FORBIDDEN'],
    [
      'a coordinator withdraws their own proposal',
      nesCoordinator,
      { kind: 'WITHDRAW_ACTION_PROPOSAL', proposedBy: nesCoordinator.userId },
      'ALLOW',
    ],
    [
      'a coordinator does not withdraw another’s proposal',
      viewer('COORDINATOR', { userId: 'u-eidsvoll', municipalityId: EIDSVOLL }),
      { kind: 'WITHDRAW_ACTION_PROPOSAL', proposedBy: nesCoordinator.userId },
      'FORBIDDEN',
    ],
    ['elected officials read proposals', elected, { kind: 'READ_ACTION_PROPOSALS' }, 'ALLOW'],
  ];

  it.each(table)('%s', (_, who, permission, expected) => {
    expect(decide(who, permission, options)).toBe(expected);
  });

  it('calls an action regional when it concerns every municipality of a region of several', () => {
    expect(concernsWholeRegion([NES, EIDSVOLL], [EIDSVOLL, NES])).toBe(true);
    expect(concernsWholeRegion([NES], [EIDSVOLL, NES])).toBe(false);
    expect(concernsWholeRegion([NES], [NES])).toBe(false);
  });

  it('lets signed-out visitors read a public dashboard, but never personal data', () => {
    expect(decide(null, { kind: 'READ_PROGRAMME' }, { publicDashboard: true })).toBe('ALLOW');
    expect(decide(null, { kind: 'READ_PERSONAL_DATA' }, { publicDashboard: true })).toBe('UNAUTHENTICATED');
    expect(decide(null, { kind: 'READ_REPORTS' }, { publicDashboard: true })).toBe('UNAUTHENTICATED');
  });
});

describe('statusUpdaterReach', () => {
  const viewers: [string, Principal | null][] = [
    ['signed out', null],
    ['an admin', admin],
    ['the council', council],
    ['the secretariat', secretariat],
    ['an elected official', elected],
    ['a coordinator', nesCoordinator],
    ['a coordinator without a municipality', viewer('COORDINATOR')],
    ['a project lead', lead],
    ['a project lead without a party', viewer('PROJECT_LEAD')],
  ];
  const actions = [
    nesAction,
    eidsvollAction,
    shared,
    namedOnNes,
    regional,
    { ...shared, leadPartyId: 'naeringsraadet' },
  ];

  it.each(viewers)('selects for %s exactly the actions decide lets them update', (_, who) => {
    const sut = statusUpdaterReach(who);
    for (const action of actions) {
      const allowed =
        decide(who, { kind: 'WRITE' }, options) === 'ALLOW' &&
        decide(who, { kind: 'UPDATE_ACTION_STATUS', action }, options) === 'ALLOW';
      expect([action, withinReach(sut, action)]).toEqual([action, allowed]);
    }
  });
});
