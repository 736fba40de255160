import { graphqlClient, type GraphqlClient, startTestApi, type TestApi } from '../testing/test-api';

/**
 * The permission matrix: each role tries each kind of write on its own municipality's action and on
 * another's. Allowed writes go through; refused ones answer FORBIDDEN (or UNAUTHENTICATED signed
 * out) and leave the record's version and the change log exactly as they were.
 */
type Who = 'signed out' | 'council' | 'coordinator of Nes' | 'coordinator of Eidsvoll' | 'project lead' | 'admin';
type Target = 'nes' | 'eidsvoll' | 'led';

const ACCOUNTS: Record<Exclude<Who, 'signed out'>, string> = {
  council: 'rad@tiltak.test',
  'coordinator of Nes': 'koordinator.nes@tiltak.test',
  'coordinator of Eidsvoll': 'koordinator.eidsvoll@tiltak.test',
  'project lead': 'leder@tiltak.test',
  admin: 'admin@tiltak.test',
};

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface FullType {
  fields: { name: string; args: { name: string; type: TypeRef }[] }[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}

interface Fixture {
  actions: Record<Target, { id: string; code: string }>;
  municipalities: Record<string, string>;
  focusAreaId: string;
  partyId: string;
  indicatorId: string;
}

interface Operation {
  name: string;
  document: string;
  variables: (
    f: Fixture,
    target: Target,
    state: { version: number; milestone: { id: string; version: number } },
  ) => Record<string, unknown>;
}

const OPERATIONS: Operation[] = [
  {
    name: 'updateActionStatus',
    document: 'mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }',
    variables: (f, t, s) => ({
      input: { actionId: f.actions[t].id, expectedVersion: s.version, status: 'IN_PROGRESS', comment: 'Oppdatert' },
    }),
  },
  {
    name: 'updateAction',
    document: 'mutation($input: UpdateActionInput!) { updateAction(input: $input) { id } }',
    variables: (f, t, s) => ({ input: { actionId: f.actions[t].id, expectedVersion: s.version, title: 'Nytt navn' } }),
  },
  {
    name: 'createMilestone',
    document: 'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
    variables: (f, t) => ({ input: { actionId: f.actions[t].id, title: 'Ny milepæl', dueDate: '2027-01-01' } }),
  },
  {
    name: 'updateMilestone',
    document: 'mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id } }',
    variables: (_, __, s) => ({
      input: { milestoneId: s.milestone.id, expectedVersion: s.milestone.version, weight: 3 },
    }),
  },
  {
    name: 'deleteMilestone',
    document: 'mutation($input: MilestoneVersionInput!) { deleteMilestone(input: $input) { id } }',
    variables: (_, __, s) => ({ input: { milestoneId: s.milestone.id, expectedVersion: s.milestone.version } }),
  },
  {
    name: 'completeMilestone',
    document: 'mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { id } }',
    variables: (_, __, s) => ({ input: { milestoneId: s.milestone.id, expectedVersion: s.milestone.version } }),
  },
  {
    name: 'addInvolvement',
    document: 'mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { id } }',
    variables: (f, t) => ({
      input: { actionId: f.actions[t].id, partyId: f.partyId, role: 'PARTNER', level: 'OPERATIONAL' },
    }),
  },
  {
    name: 'updateActionMunicipality',
    document: 'mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }',
    variables: (f, t) => ({
      input: {
        actionId: f.actions[t].id,
        municipalityId: f.municipalities[t === 'nes' ? 'Nes' : 'Eidsvoll'],
        expectedVersion: 1,
        note: 'Lokal merknad',
      },
    }),
  },
];

/** Who may do which operation to which action; anything not listed is refused. */
const ALLOWED: Record<Who, Partial<Record<string, Target[]>>> = {
  'signed out': {},
  council: {},
  'coordinator of Nes': Object.fromEntries(OPERATIONS.map((op) => [op.name, ['nes']])),
  'coordinator of Eidsvoll': Object.fromEntries(OPERATIONS.map((op) => [op.name, ['eidsvoll', 'led']])),
  'project lead': {
    updateActionStatus: ['led'],
    createMilestone: ['led'],
    completeMilestone: ['led'],
    updateActionMunicipality: ['led'],
  },
  admin: Object.fromEntries(OPERATIONS.map((op) => [op.name, ['nes', 'eidsvoll', 'led']])),
};

describe('permissions on every write', () => {
  let api: TestApi;
  let fixture: Fixture;
  const clients = {} as Record<Who, GraphqlClient>;

  const versions = async (actionId: string) => {
    const [row] = await api.db.dataSource.query(
      `SELECT a.version,
              (SELECT count(*) FROM change_event)::int AS events,
              (SELECT coalesce(sum(version), 0) FROM milestone WHERE action_id = a.id)::int AS milestones,
              (SELECT coalesce(sum(version), 0) FROM participation WHERE action_id = a.id)::int AS participations,
              (SELECT count(*) FROM involvement WHERE action_id = a.id)::int AS involvements
         FROM action a WHERE a.id = $1`,
      [actionId],
    );
    return row as { version: number; events: number; milestones: number; participations: number; involvements: number };
  };

  beforeAll(async () => {
    api = await startTestApi();
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

    const make = async (code: string, municipality: string, leadPartyId: string) => {
      const { createAction } = await api.data<{ createAction: { id: string; code: string } }>(
        'mutation($input: CreateActionInput!) { createAction(input: $input) { id code } }',
        {
          input: {
            code,
            title: `Matrisetiltak ${code}`,
            focusAreaId,
            municipalityIds: [municipalities[municipality]],
            startDate: '2026-01-01',
            dueDate: '2027-12-31',
          },
        },
      );
      await api.data('mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { id } }', {
        input: { actionId: createAction.id, partyId: leadPartyId, role: 'LEAD', level: 'OPERATIONAL' },
      });
      return createAction;
    };
    fixture = {
      actions: {
        nes: await make('POL-70', 'Nes', otherLead.id),
        eidsvoll: await make('POL-71', 'Eidsvoll', otherLead.id),
        led: await make('POL-72', 'Eidsvoll', raadet.id),
      },
      municipalities,
      focusAreaId,
      partyId: partner.id,
      indicatorId: frame.indicators[0].id,
    };
    clients['signed out'] = api.anonymous;
    for (const [who, email] of Object.entries(ACCOUNTS)) clients[who as Who] = await api.as(email);
  });

  afterAll(async () => {
    await api?.close();
  });

  const rows = (Object.keys(ALLOWED) as Who[]).flatMap((who) =>
    OPERATIONS.flatMap((operation) =>
      (['nes', 'eidsvoll', 'led'] as Target[]).map((target) => ({
        who,
        operation,
        target,
        allowed: ALLOWED[who][operation.name]?.includes(target) ?? false,
      })),
    ),
  );

  it.each(
    rows.map((row) => [
      `${row.who} ${row.allowed ? 'may' : 'may not'} ${row.operation.name} on the ${row.target} action`,
      row,
    ]),
  )('%s', async (_, { who, operation, target, allowed }) => {
    const actionId = fixture.actions[target].id;
    // Each row needs a fresh open milestone and the current versions to act on.
    const { createMilestone } = await api.data<{
      createMilestone: { version: number; milestones: { id: string; version: number; completedOn: string | null }[] };
    }>(
      'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { version milestones { id version completedOn } } }',
      { input: { actionId, title: 'Oppsett', dueDate: '2027-06-01' } },
    );
    const milestone = createMilestone.milestones.filter((m) => !m.completedOn).at(-1)!;
    if (operation.name === 'addInvolvement') {
      await api.db.dataSource.query(`DELETE FROM involvement WHERE action_id = $1 AND role = 'PARTNER'`, [actionId]);
    }
    if (operation.name === 'updateActionMunicipality') {
      await api.db.dataSource.query('UPDATE participation SET version = 1 WHERE action_id = $1', [actionId]);
    }
    const before = await versions(actionId);

    const { errors } = await clients[who].gql(
      operation.document,
      operation.variables(fixture, target, { version: createMilestone.version, milestone }),
    );

    if (allowed) {
      expect(errors).toBeUndefined();
      expect((await versions(actionId)).events).toBeGreaterThan(before.events);
    } else {
      expect(errors?.[0].extensions?.code).toBe(who === 'signed out' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(await versions(actionId)).toEqual(before);
    }
  });

  it('keeps programme-wide writes for admins, and municipality records for that municipality’s coordinator', async () => {
    const attempts: [Who, string, Record<string, unknown>, boolean][] = [
      ['coordinator of Nes', 'mutation { createFocusArea(input: { code: "TEST", name: "Test" }) { id } }', {}, false],
      ['admin', 'mutation { createFocusArea(input: { code: "TEST", name: "Test" }) { id } }', {}, true],
      ['council', 'mutation { createParty(input: { name: "Rådsparti", kind: BUSINESS }) { id } }', {}, false],
      [
        'coordinator of Nes',
        'mutation { createParty(input: { name: "Nes-bedrift", kind: BUSINESS }) { id } }',
        {},
        true,
      ],
      ...(['coordinator of Nes', 'coordinator of Eidsvoll'] as Who[]).map(
        (who): [Who, string, Record<string, unknown>, boolean] => [
          who,
          'mutation($m: ID!) { setAdoption(input: { municipalityId: $m, focusAreaId: null, status: PROPOSED, caseReference: "2026/1", expectedVersion: 1 }) { id } }',
          { m: fixture.municipalities['Nes'] },
          who === 'coordinator of Nes',
        ],
      ),
      [
        'coordinator of Eidsvoll',
        'mutation($i: ID!, $m: ID!) { setIndicatorValue(input: { indicatorId: $i, municipalityId: $m, year: 2027, value: 3 }) { year } }',
        { i: fixture.indicatorId, m: fixture.municipalities['Nes'] },
        false,
      ],
      [
        'coordinator of Nes',
        'mutation($i: ID!, $m: ID!) { setIndicatorValue(input: { indicatorId: $i, municipalityId: $m, year: 2027, value: 3 }) { year } }',
        { i: fixture.indicatorId, m: fixture.municipalities['Nes'] },
        true,
      ],
      ['project lead', 'query { users { id } }', {}, false],
    ];
    for (const [who, document, variables, allowed] of attempts) {
      const { errors } = await clients[who].gql(document, variables);
      if (allowed) expect({ who, document, errors }).toEqual({ who, document, errors: undefined });
      else expect({ who, document, code: errors?.[0].extensions?.code }).toEqual({ who, document, code: 'FORBIDDEN' });
    }
  });

  it('refuses a coordinator who moves an action out of their municipality, whole', async () => {
    const nesAction = fixture.actions.nes.id;
    const before = await versions(nesAction);
    const { errors } = await clients['coordinator of Nes'].gql(
      'mutation($input: UpdateActionInput!) { updateAction(input: $input) { id } }',
      {
        input: {
          actionId: nesAction,
          expectedVersion: before.version,
          title: 'Flyttet',
          municipalityIds: [fixture.municipalities['Eidsvoll']],
        },
      },
    );
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await versions(nesAction)).toEqual(before);
  });

  it('lets a coordinator add or take off only their own municipality, and create actions only for it', async () => {
    const { Nes, Eidsvoll, Hurdal } = fixture.municipalities;
    const nes = clients['coordinator of Nes'];
    const update = (input: Record<string, unknown>) =>
      nes.gql('mutation($input: UpdateActionInput!) { updateAction(input: $input) { id } }', { input });
    const { createAction: shared } = await api.data<{ createAction: { id: string } }>(
      'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
      {
        input: {
          code: 'POL-73',
          title: 'Felles tiltak',
          focusAreaId: fixture.focusAreaId,
          municipalityIds: [Nes, Eidsvoll],
          startDate: '2026-01-01',
          dueDate: '2027-12-31',
        },
      },
    );

    let before = await versions(shared.id);
    for (const municipalityIds of [[Nes], [Nes, Eidsvoll, Hurdal]]) {
      const { errors } = await update({ actionId: shared.id, expectedVersion: before.version, municipalityIds });
      expect({ municipalityIds, code: errors?.[0].extensions?.code }).toEqual({ municipalityIds, code: 'FORBIDDEN' });
      expect(await versions(shared.id)).toEqual(before);
    }
    const { errors } = await update({
      actionId: shared.id,
      expectedVersion: before.version,
      municipalityIds: [Eidsvoll],
    });
    expect(errors).toBeUndefined();
    before = await versions(shared.id);
    expect(before.participations).toBe(1);

    const attempt = await nes.gql('mutation($input: CreateActionInput!) { createAction(input: $input) { id } }', {
      input: {
        code: 'POL-74',
        title: 'For to kommuner',
        focusAreaId: fixture.focusAreaId,
        municipalityIds: [Nes, Eidsvoll],
        startDate: '2026-01-01',
        dueDate: '2027-12-31',
      },
    });
    expect(attempt.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await versions(shared.id)).events).toBe(before.events);
  });

  it('answers every mutation in the schema with UNAUTHENTICATED signed out, and FORBIDDEN to the council', async () => {
    const { __schema } = await api.data<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { mutationType { fields { name } } } }',
    );
    const signIn = new Set(['login', 'refreshSession', 'logout']);
    const mutations = __schema.mutationType.fields.map((f) => f.name).filter((name) => !signIn.has(name));
    const anonymous = graphqlClient(api.url);
    const eventsBefore = (await versions(fixture.actions.nes.id)).events;

    for (const name of mutations) {
      // Well-formed arguments, so the request gets past GraphQL's own validation to the guard.
      const { errors } = await anonymous.gql(`mutation { ${name}${await argumentsFor(name)} { __typename } }`);
      expect({ name, code: errors?.[0].extensions?.code }).toEqual({ name, code: 'UNAUTHENTICATED' });
    }
    expect(mutations.length).toBeGreaterThan(20);
    // The council reads everything and changes nothing: every mutation but its own password is refused.
    for (const name of mutations.filter((m) => m !== 'changePassword')) {
      const { errors } = await clients.council.gql(`mutation { ${name}${await argumentsFor(name)} { __typename } }`);
      expect({ name, code: errors?.[0].extensions?.code }).toEqual({ name, code: 'FORBIDDEN' });
    }
    expect((await versions(fixture.actions.nes.id)).events).toBe(eventsBefore);

    async function argumentsFor(mutation: string): Promise<string> {
      const field = (await typeOf('Mutation')).fields!.find((f) => f.name === mutation)!;
      const args = await Promise.all(
        field.args.filter((a) => a.type.kind === 'NON_NULL').map(async (a) => `${a.name}: ${await literal(a.type)}`),
      );
      return args.length ? `(${args.join(', ')})` : '';
    }

    /** A well-formed value of a GraphQL input type, so the request gets past validation to the guard. */
    async function literal(type: TypeRef): Promise<string> {
      if (type.kind === 'NON_NULL') return literal(type.ofType!);
      if (type.kind === 'LIST') return '[]';
      if (type.kind === 'ENUM') return (await typeOf(type.name!)).enumValues![0].name;
      if (type.kind === 'INPUT_OBJECT') {
        const required = (await typeOf(type.name!)).inputFields!.filter((f) => f.type.kind === 'NON_NULL');
        const fields = await Promise.all(required.map(async (f) => `${f.name}: ${await literal(f.type)}`));
        return `{ ${fields.join(', ')} }`;
      }
      return (
        { ID: '"00000000-0000-4000-8000-000000000000"', String: '"x"', Int: '1', Float: '1', Boolean: 'true' }[
          type.name!
        ] ?? '"x"'
      );
    }

    async function typeOf(name: string): Promise<FullType> {
      const ref = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
      const { __type } = await api.data<{ __type: FullType }>(
        `query($n: String!) { __type(name: $n) { fields { name args { name type { ${ref} } } }
          inputFields { name type { ${ref} } } enumValues { name } } }`,
        { n: name },
      );
      return __type;
    }
  });
});
