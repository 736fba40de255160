import { startTestApi, type TestApi } from '../testing/test-api';

/**
 * Every rule on input answers BAD_USER_INPUT with the field at fault, and writes nothing: the
 * tables and the change log are compared before and after each refused request.
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
      (SELECT sum(version) FROM milestone) AS milestone_versions`);

  beforeAll(async () => {
    api = await startTestApi();
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
    ['a comment holding a NUL byte', () => status({ comment: 'før\u0000etter', progress: 5 }), 'comment'],
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
  });
});
