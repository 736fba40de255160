import { startTestApi, type TestApi } from '../testing/test-api';

/**
 * Every rule on input answers BAD_USER_INPUT with the field at fault, and writes nothing: the
 * tables and the change log are compared before and after each refused request. The API runs as
 * in production (with the demo programme loaded to have something to attack).
 */
describe('bad input', () => {
  let api: TestApi;
  let target: { id: string; version: number; hasMilestones: boolean };
  let manual: { id: string; version: number };
  let focusAreaId: string;
  let nesId: string;

  const snapshot = async () =>
    api.db.dataSource.query(`SELECT
      (SELECT count(*) FROM change_event) AS events,
      (SELECT count(*) FROM action) AS actions,
      (SELECT count(*) FROM status_update) AS history,
      (SELECT sum(version) FROM action) AS action_versions,
      (SELECT sum(version) FROM milestone) AS milestone_versions,
      (SELECT count(*) FROM party) AS parties,
      (SELECT sum(version) FROM party) AS party_versions,
      (SELECT count(*) FROM app_user) AS users`);

  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production', DEMO_DATA: 'always' });
    const { actions, focusAreas, municipalities } = await api.data<{
      actions: {
        edges: {
          node: { id: string; version: number; status: string; milestones: { completedOn: string | null }[] };
        }[];
      };
      focusAreas: { id: string; code: string }[];
      municipalities: { id: string; name: string }[];
    }>(
      '{ actions(first: 100) { edges { node { id version status milestones { completedOn } } } } focusAreas { id code } municipalities { id name } }',
    );
    const nodes = actions.edges.map((e) => e.node);
    const withOpen = nodes.find((a) => a.status === 'IN_PROGRESS' && a.milestones.some((m) => !m.completedOn))!;
    target = { id: withOpen.id, version: withOpen.version, hasMilestones: true };
    const noMilestones = nodes.find((a) => a.milestones.length === 0 && a.status !== 'COMPLETED')!;
    manual = { id: noMilestones.id, version: noMilestones.version };
    focusAreaId = focusAreas.find((f) => f.code === 'LOG')!.id;
    nesId = municipalities.find((m) => m.name === 'Nes')!.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  const create = (overrides: Record<string, unknown>) => ({
    query: `mutation($input: CreateActionInput!) { createAction(input: $input) { id } }`,
    variables: {
      input: {
        code: 'LOG-80',
        title: 'Gyldig tittel',
        focusAreaId: () => focusAreaId,
        municipalityIds: () => [nesId],
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        ...overrides,
      },
    },
  });
  const status = (overrides: Record<string, unknown>) => ({
    query: `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }`,
    variables: { input: { actionId: () => manual.id, expectedVersion: () => manual.version, ...overrides } },
  });

  const figures = (overrides: Record<string, unknown>) => ({
    query: `mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }`,
    variables: {
      input: { actionId: () => manual.id, municipalityId: () => nesId, expectedVersion: 1, ...overrides },
    },
  });
  const milestone = (overrides: Record<string, unknown>) => ({
    query: `mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }`,
    variables: { input: { actionId: () => manual.id, title: 'Milepæl', dueDate: '2026-12-01', ...overrides } },
  });
  const party = (overrides: Record<string, unknown>) => ({
    query: `mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }`,
    variables: { input: { name: 'Nes Bryggeri AS', kind: 'BUSINESS', ...overrides } },
  });
  const user = (overrides: Record<string, unknown>) => ({
    query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    variables: { input: { email: 'ny@tiltak.test', name: 'Ny bruker', role: 'COUNCIL', ...overrides } },
  });

  const cases: [string, () => { query: string; variables: { input: Record<string, unknown> } }, string][] = [
    ['a title over 200 characters', () => create({ title: 'x'.repeat(201) }), 'title'],
    ['an empty title', () => create({ title: '' }), 'title'],
    ['a description over 10,000 characters', () => create({ description: 'x'.repeat(10_001) }), 'description'],
    ['a due date before the start', () => create({ startDate: '2026-06-01', dueDate: '2026-05-31' }), 'dueDate'],
    ['a date that is not in the calendar', () => create({ startDate: '2026-02-30' }), 'startDate'],
    ['an unknown focus area', () => create({ focusAreaId: '00000000-0000-4000-8000-000000000000' }), 'focusAreaId'],
    [
      'an unknown municipality',
      () => create({ municipalityIds: ['00000000-0000-4000-8000-000000000000'] }),
      'municipalityIds',
    ],
    ['no municipality at all', () => create({ municipalityIds: [] }), 'municipalityIds'],
    ['a malformed code', () => create({ code: 'logistikk 1' }), 'code'],
    ['a code of another focus area', () => create({ code: 'BIO-80' }), 'code'],
    ['a code already in use', () => create({ code: 'LOG-1' }), 'code'],
    ['progress over 100', () => status({ progress: 101 }), 'progress'],
    ['progress under 0', () => status({ progress: -1 }), 'progress'],
    ['a comment over 2,000 characters', () => status({ comment: 'x'.repeat(2001), progress: 5 }), 'comment'],
    ['a comment of 99,000 characters', () => status({ comment: 'x'.repeat(99_000), progress: 5 }), 'comment'],
    ['a comment holding a NUL byte', () => status({ comment: 'før\u0000etter', progress: 5 }), 'comment'],
    ['a note over 500 characters', () => figures({ note: 'x'.repeat(501) }), 'note'],
    ['a milestone title holding a NUL byte', () => milestone({ title: 'Milepæl\u0000' }), 'title'],
    ['a party name over 200 characters', () => party({ name: 'x'.repeat(201) }), 'name'],
    ['a party name holding a NUL byte', () => party({ name: 'Nes\u0000Bryggeri' }), 'name'],
    [
      'a contact e-mail over 254 characters',
      () => party({ contactEmail: `${'x'.repeat(250)}@nes.test` }),
      'contactEmail',
    ],
    ['a website that is not http or https', () => party({ website: 'javascript:alert(1)' }), 'website'],
    ['a user name over 200 characters', () => user({ name: 'x'.repeat(201) }), 'name'],
    ['a user e-mail holding a control character', () => user({ email: 'ny\u0007@tiltak.test' }), 'email'],
    ['a title holding a control character', () => create({ title: 'Tiltak\u001b[31m' }), 'title'],
    [
      'COMPLETED while milestones are open, without a comment',
      () => ({
        query: `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }`,
        variables: { input: { actionId: target.id, expectedVersion: target.version, status: 'COMPLETED' } },
      }),
      'status',
    ],
    ['an unknown action', () => status({ actionId: '00000000-0000-4000-8000-000000000000' }), 'actionId'],
  ];

  it.each(cases)('refuses %s', async (_, request, field) => {
    const { query, variables } = request();
    const input = Object.fromEntries(
      Object.entries(variables.input).map(([key, value]) => [key, typeof value === 'function' ? value() : value]),
    );
    const before = await snapshot();

    const { data, errors } = await api.gql(query, { input });

    expect(data ?? null).toBeNull();
    const expectedCode = field === 'actionId' ? 'NOT_FOUND' : 'BAD_USER_INPUT';
    expect(errors?.[0].extensions).toMatchObject({ code: expectedCode, field: expect.stringContaining(field) });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a status comment of 200,000 characters whole, before reading it', async () => {
    const before = await snapshot();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await api.tokenFor('admin@tiltak.test')}`,
      },
      body: JSON.stringify({
        query: 'mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }',
        variables: {
          input: { actionId: manual.id, expectedVersion: manual.version, progress: 5, comment: 'x'.repeat(200_000) },
        },
      }),
    });
    expect(response.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses progress that is not a whole number, and unknown enum values, as BAD_USER_INPUT', async () => {
    const before = await snapshot();
    for (const input of [
      { actionId: manual.id, expectedVersion: manual.version, progress: 12.5 },
      { actionId: manual.id, expectedVersion: manual.version, status: 'DONE' },
      { actionId: manual.id, expectedVersion: manual.version, health: 'GREEN' },
    ]) {
      const { errors } = await api.gql(
        `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }`,
        { input },
      );
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const literal = await api.gql(`{ actions(filter: { statuses: [FINISHED] }) { totalCount } }`);
    expect(literal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('bounds paging at 100 a page', async () => {
    const { errors } = await api.gql('{ actions(first: 101) { totalCount } }');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const bad = await api.gql('{ actions(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const long = await api.gql('query($after: String) { actions(after: $after) { totalCount } }', {
      after: 'x'.repeat(101),
    });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('bounds every filter list at 100 items and its text at 200 characters, naming the field', async () => {
    const ids = Array.from({ length: 101 }, () => nesId);
    const before = await snapshot();
    for (const [filter, field] of [
      [{ municipalityIds: ids }, 'filter.municipalityIds'],
      [{ focusAreaIds: ids }, 'filter.focusAreaIds'],
      [{ partyIds: ids }, 'filter.partyIds'],
      [{ statuses: Array(101).fill('IN_PROGRESS') }, 'filter.statuses'],
      [{ healths: Array(101).fill('ON_TRACK') }, 'filter.healths'],
      [{ text: 'x'.repeat(201) }, 'filter.text'],
      [{ text: 'Nes\u0000' }, 'filter.text'],
    ] as const) {
      const { data, errors } = await api.gql(
        'query($filter: ActionFilterInput) { actions(filter: $filter) { totalCount } }',
        { filter },
      );
      expect({ field, data: data ?? null, error: errors?.[0].extensions }).toEqual({
        field,
        data: null,
        error: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      });
    }
    const kinds = await api.gql('query($kinds: [PartyKind!]) { parties(kinds: $kinds) { id } }', {
      kinds: Array(101).fill('BUSINESS'),
    });
    expect(kinds.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
    // A hundred is still a filter.
    const { errors } = await api.gql('query($filter: ActionFilterInput) { actions(filter: $filter) { totalCount } }', {
      filter: { municipalityIds: ids.slice(1) },
    });
    expect(errors).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });
});
