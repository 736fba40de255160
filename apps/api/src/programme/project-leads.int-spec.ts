import { type GraphqlClient, startTestApi, type TestApi } from '../testing/test-api';

const NAME = 'mutation($input: ProjectLeadInput!) { nameProjectLead(input: $input) { id projectLeads { name } } }';
const UNNAME = 'mutation($input: ProjectLeadInput!) { unnameProjectLead(input: $input) { id projectLeads { name } } }';
const STATUS = 'mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { version } }';

/**
 * A coordinator names a project lead from any party on one of their municipality's actions; the
 * named lead may then update that action, and only its status, until they are taken off it.
 */
describe('naming project leads on an action', () => {
  let api: TestApi;
  let nesCoordinator: GraphqlClient;
  let newLead: GraphqlClient;
  let action: { id: string; version: number };
  let newLeadId: string;

  const version = async () =>
    (await api.db.dataSource.query('SELECT version FROM action WHERE id = $1', [action.id]))[0].version as number;
  const changeLogSize = async () =>
    Number((await api.db.dataSource.query('SELECT count(*) AS n FROM change_event'))[0].n);
  const updateStatusAs = async (client: GraphqlClient) =>
    client.gql(STATUS, {
      input: { actionId: action.id, expectedVersion: await version(), status: 'IN_PROGRESS', comment: 'Framdrift' },
    });

  beforeAll(async () => {
    api = await startTestApi();
    nesCoordinator = await api.as('koordinator.nes@tiltak.test');
    const { municipalities, parties, actions } = await api.data<{
      municipalities: { id: string; name: string }[];
      parties: { id: string; name: string }[];
      actions: {
        edges: { node: { id: string; version: number; municipalities: { municipality: { name: string } }[] } }[];
      };
    }>(`{ municipalities { id name } parties { id name }
         actions(first: 100, filter: { statuses: [IN_PROGRESS] }) { edges { node { id version municipalities { municipality { name } } } } } }`);
    expect(municipalities.length).toBe(6);
    action = actions.edges
      .map((e) => e.node)
      .find((a) => a.municipalities.every((m) => m.municipality.name === 'Nes'))!;
    const party = parties.find((p) => p.name !== 'Gardermoregionens næringsråd')!;
    const { createUser } = await api.data<{ createUser: { id: string } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email: 'ny.leder@tiltak.test',
          name: 'Nora Ny',
          role: 'PROJECT_LEAD',
          partyId: party.id,
          password: 'tiltak-demo',
        },
      },
    );
    newLeadId = createUser.id;
    newLead = await api.as('ny.leder@tiltak.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses coordinators of other municipalities, the council and project leads, and writes nothing', async () => {
    const before = await changeLogSize();
    for (const email of ['koordinator.eidsvoll@tiltak.test', 'rad@tiltak.test', 'leder@tiltak.test']) {
      const { errors } = await (await api.as(email)).gql(NAME, { input: { actionId: action.id, userId: newLeadId } });
      expect(errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(await changeLogSize()).toBe(before);
  });

  it('names only active project leads, once', async () => {
    const { me } = await (await api.as('rad@tiltak.test')).data<{ me: { id: string } }>('{ me { id } }');
    const notALead = await nesCoordinator.gql(NAME, { input: { actionId: action.id, userId: me.id } });
    expect(notALead.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_A_PROJECT_LEAD',
      field: 'userId',
    });
  });

  it('lets the named lead update the action until they are taken off it', async () => {
    expect((await updateStatusAs(newLead)).errors?.[0].extensions?.['code']).toBe('FORBIDDEN');

    const named = await nesCoordinator.data<{ nameProjectLead: { projectLeads: { name: string }[] } }>(NAME, {
      input: { actionId: action.id, userId: newLeadId },
    });
    expect(named.nameProjectLead.projectLeads.map((p) => p.name)).toEqual(['Nora Ny']);
    const again = await nesCoordinator.gql(NAME, { input: { actionId: action.id, userId: newLeadId } });
    expect(again.errors?.[0].extensions?.['reason']).toBe('PROJECT_LEAD_ALREADY_NAMED');
    const [logged] = await api.db.dataSource.query(
      `SELECT operation, entity_id FROM change_event WHERE entity = 'project_lead' ORDER BY seq DESC LIMIT 1`,
    );
    expect(logged).toEqual({ operation: 'CREATE', entity_id: `${action.id}:${newLeadId}` });

    expect((await updateStatusAs(newLead)).errors).toBeUndefined();
    const frame = await newLead.gql('mutation($input: UpdateActionInput!) { updateAction(input: $input) { id } }', {
      input: { actionId: action.id, expectedVersion: await version(), title: 'Nytt navn' },
    });
    expect(frame.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');

    const off = await nesCoordinator.data<{ unnameProjectLead: { projectLeads: unknown[] } }>(UNNAME, {
      input: { actionId: action.id, userId: newLeadId },
    });
    expect(off.unnameProjectLead.projectLeads).toEqual([]);
    expect((await updateStatusAs(newLead)).errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    const twice = await nesCoordinator.gql(UNNAME, { input: { actionId: action.id, userId: newLeadId } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROJECT_LEAD_NOT_NAMED' });
  });

  it('lists the project leads one can name to coordinators and admins only', async () => {
    const { projectLeadCandidates } = await nesCoordinator.data<{
      projectLeadCandidates: { name: string; partyId: string }[];
    }>('{ projectLeadCandidates { name partyId } }');
    expect(projectLeadCandidates.map((c) => c.name)).toEqual(expect.arrayContaining(['Nora Ny']));
    expect(projectLeadCandidates.length).toBeGreaterThanOrEqual(2);
    for (const email of ['rad@tiltak.test', 'leder@tiltak.test']) {
      const { errors } = await (await api.as(email)).gql('{ projectLeadCandidates { name } }');
      expect(errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    }
    const anonymous = await api.anonymous.gql('{ projectLeadCandidates { name } }');
    expect(anonymous.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
