import { startTestApi, type GraphqlClient, type TestApi } from '../testing/test-api';

const RECORD = `mutation($input: RecordFundingLineInput!) {
  recordFundingLine(input: $input) { id version amount status source municipality { name } }
}`;
const UPDATE = `mutation($input: UpdateFundingLineInput!) {
  updateFundingLine(input: $input) { id version amount status source municipality { name } }
}`;
const EFFORT = `mutation($input: SetEffortHoursInput!) { setEffortHours(input: $input) { id hours version } }`;
const TOTALS = `fragment T on FundingTotals {
  basis budget planned applied granted refused hours actionCount budgetedActionCount
  lineCounts { planned applied granted refused }
}`;

interface Line {
  id: string;
  version: number;
  amount: number;
}

describe('money and effort of actions', () => {
  let api: TestApi;
  let nes: GraphqlClient;
  let eidsvoll: GraphqlClient;
  let lead: GraphqlClient;
  let municipalities: Record<string, string>;
  let focusAreaId: string;
  let raadetId: string;
  let otherPartyId: string;
  let shared: string;
  let led: string;
  let codes = 80;

  const count = async (sql: string, parameters: unknown[] = []): Promise<number> =>
    Number((await api.db.dataSource.query(`SELECT count(*) AS n FROM ${sql}`, parameters))[0].n);

  const makeAction = async (names: string[], leadPartyId?: string): Promise<string> => {
    const { createAction } = await api.data<{ createAction: { id: string } }>(
      'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
      {
        input: {
          code: `POL-${codes++}`,
          title: 'Felles søknad om utviklingsmidler',
          focusAreaId,
          municipalityIds: names.map((name) => municipalities[name]),
          startDate: '2026-01-01',
          dueDate: '2027-12-31',
        },
      },
    );
    if (leadPartyId) {
      await api.data('mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { __typename } }', {
        input: { actionId: createAction.id, partyId: leadPartyId, role: 'LEAD', level: 'OPERATIONAL' },
      });
    }
    return createAction.id;
  };

  const record = async (client: GraphqlClient, input: Record<string, unknown>) =>
    client.gql<{ recordFundingLine: Line }>(RECORD, { input: { year: 2026, status: 'PLANNED', ...input } });

  beforeAll(async () => {
    api = await startTestApi();
    const frame = await api.data<{
      municipalities: { id: string; name: string }[];
      focusAreas: { id: string; code: string }[];
      parties: { id: string; name: string }[];
    }>('{ municipalities { id name } focusAreas { id code } parties { id name } }');
    municipalities = Object.fromEntries(frame.municipalities.map((m) => [m.name, m.id]));
    focusAreaId = frame.focusAreas.find((f) => f.code === 'POL')!.id;
    raadetId = frame.parties.find((p) => p.name === 'Gardermoregionens næringsråd')!.id;
    otherPartyId = frame.parties.find((p) => p.id !== raadetId)!.id;
    shared = await makeAction(['Nes', 'Eidsvoll']);
    led = await makeAction(['Eidsvoll'], raadetId);
    await api.data('mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { __typename } }', {
      input: { actionId: led, partyId: otherPartyId, role: 'PARTNER', level: 'OPERATIONAL' },
    });
    nes = await api.as('koordinator.nes@tiltak.test');
    eidsvoll = await api.as('koordinator.eidsvoll@tiltak.test');
    lead = await api.as('leder@tiltak.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('records lines by source, refusing bad input with nothing written', async () => {
    const before = await count('funding_line');
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ source: 'OTHER', amount: 1000 }, 'sourceName', 'SOURCE_NAME_REQUIRED'],
      [{ source: 'MUNICIPALITY', amount: 1000 }, 'municipalityId', 'MUNICIPALITY_REQUIRED'],
      [
        { source: 'MUNICIPALITY', municipalityId: municipalities['Hurdal'], amount: 1000 },
        'municipalityId',
        'NOT_A_MUNICIPALITY_OF_ACTION',
      ],
      [
        { source: 'COUNTY', municipalityId: municipalities['Nes'], amount: 1000 },
        'municipalityId',
        'MUNICIPALITY_NOT_ALLOWED',
      ],
      [{ source: 'COUNTY', amount: 0 }, 'amount', 'AMOUNT_NOT_POSITIVE'],
    ];
    for (const [input, field, reason] of refusals) {
      const refused = await record(api, { actionId: shared, ...input });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    for (const amount of [1.5, -10, '1000', 2 ** 53]) {
      const refused = await record(api, { actionId: shared, source: 'COUNTY', amount });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const literal = await api.gql(
      `mutation { recordFundingLine(input: { actionId: "${shared}", source: COUNTY, status: PLANNED, amount: 10.5, year: 2026 }) { id } }`,
    );
    expect(literal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await record(api, { actionId: shared, source: 'COUNTY', amount: 1, reference: 'x'.repeat(101) });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badYear = await record(api, { actionId: shared, source: 'COUNTY', amount: 1, year: 1999 });
    expect(badYear.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('funding_line')).toBe(before);

    const made = await record(api, {
      actionId: shared,
      source: 'EU',
      sourceName: 'Interreg',
      status: 'APPLIED',
      amount: 1_234_567,
      reference: 'IR-2026/17',
    });
    expect(made.data?.recordFundingLine).toMatchObject({ amount: 1_234_567, version: 1, source: 'EU' });
    expect(
      await count(`change_event WHERE entity = 'funding_line' AND entity_id = $1`, [made.data!.recordFundingLine.id]),
    ).toBe(1);
  });

  it('sums money exactly per action, focus area, municipality and the programme, and says what it counted', async () => {
    const action = await makeAction(['Nes', 'Eidsvoll']);
    await api.data('mutation($input: SetActionBudgetInput!) { setActionBudget(input: $input) { budget } }', {
      input: { actionId: action, expectedVersion: 1, budget: 999_999_999_999 },
    });
    const lines = [
      { source: 'MUNICIPALITY', municipalityId: municipalities['Nes'], status: 'GRANTED', amount: 999_999_999_999 },
      { source: 'MUNICIPALITY', municipalityId: municipalities['Eidsvoll'], status: 'GRANTED', amount: 1 },
      { source: 'COUNTY', sourceName: 'Regionale utviklingsmidler', status: 'APPLIED', amount: 750_000 },
      { source: 'INNOVASJON_NORGE', status: 'REFUSED', amount: 300_001 },
      { source: 'STATE', status: 'PLANNED', amount: 3 },
    ];
    for (const line of lines) expect((await record(api, { actionId: action, ...line })).errors).toBeUndefined();

    const { action: read } = await api.data<{ action: { budget: number; fundingTotals: Record<string, unknown> } }>(
      `query($id: ID!) { action(id: $id) { budget fundingTotals { ...T } } } ${TOTALS}`,
      { id: action },
    );
    expect(read.budget).toBe(999_999_999_999);
    expect(read.fundingTotals).toEqual({
      basis: 'ACTIONS',
      budget: 999_999_999_999,
      planned: 3,
      applied: 750_000,
      granted: 1_000_000_000_000,
      refused: 300_001,
      hours: 0,
      actionCount: 1,
      budgetedActionCount: 1,
      lineCounts: { planned: 1, applied: 1, granted: 2, refused: 1 },
    });

    // The same sums, straight from the tables, for the focus area, Nes's own money and the programme.
    const [sql] = await api.db.dataSource.query(
      `SELECT
         (SELECT sum(f.amount) FROM funding_line f JOIN action a ON a.id = f.action_id
           WHERE a.focus_area_id = $1 AND f.status = 'GRANTED')::text AS area,
         (SELECT sum(f.amount) FROM funding_line f
           WHERE f.municipality_id = $2 AND f.status = 'GRANTED')::text AS nes,
         (SELECT sum(amount) FROM funding_line WHERE status = 'APPLIED')::text AS applied`,
      [focusAreaId, municipalities['Nes']],
    );
    const totals = await api.data<{
      focusArea: { fundingTotals: { granted: number } };
      municipalities: { name: string; fundingTotals: { basis: string; granted: number; budget: number | null } }[];
      currentProgramme: { fundingTotals: { applied: number } };
    }>(
      `query($id: ID!) { focusArea(id: $id) { fundingTotals { granted } }
         municipalities { name fundingTotals { basis granted budget } }
         currentProgramme { fundingTotals { applied } } }`,
      { id: focusAreaId },
    );
    expect(String(totals.focusArea.fundingTotals.granted)).toBe(sql.area);
    expect(totals.municipalities.find((m) => m.name === 'Nes')!.fundingTotals).toEqual({
      basis: 'MUNICIPAL_SHARES',
      granted: Number(sql.nes),
      budget: null,
    });
    expect(String(totals.currentProgramme.fundingTotals.applied)).toBe(sql.applied);

    const set = await api.data<{ fundingTotalsOfActions: { granted: number; actionCount: number } }>(
      'query($ids: [ID!]!) { fundingTotalsOfActions(actionIds: $ids) { granted actionCount } }',
      { ids: [action, action, shared] },
    );
    expect(set.fundingTotalsOfActions).toEqual({ granted: 1_000_000_000_000, actionCount: 2 });
  });

  it('sums a goal over the actions serving it and its sub-goals, each action once', async () => {
    const [serving, servingSub] = [await makeAction(['Nes']), await makeAction(['Eidsvoll'])];
    await record(api, { actionId: serving, source: 'COUNTY', status: 'GRANTED', amount: 400_000 });
    await record(api, { actionId: servingSub, source: 'STATE', status: 'GRANTED', amount: 99 });
    const db = api.db.dataSource;
    const [{ id: goal }] = await db.query(
      `INSERT INTO goal (region_id, code, name) SELECT region_id, 'T9', 'Testmål' FROM programme LIMIT 1 RETURNING id`,
    );
    const [{ id: sub }] = await db.query(
      `INSERT INTO goal (region_id, parent_id, code, name) SELECT region_id, $1, 'T9.1', 'Delmål' FROM programme LIMIT 1
       RETURNING id`,
      [goal],
    );
    await db.query('INSERT INTO action_goal (action_id, goal_id) VALUES ($1, $2), ($3, $4), ($3, $2)', [
      serving,
      goal,
      servingSub,
      sub,
    ]);
    const totals = 'query($id: ID!) { fundingTotalsOfGoal(goalId: $id) { granted actionCount } }';
    const ofGoal = await api.data<{ fundingTotalsOfGoal: unknown }>(totals, { id: goal });
    expect(ofGoal.fundingTotalsOfGoal).toEqual({ granted: 400_099, actionCount: 2 });
    const ofSub = await api.data<{ fundingTotalsOfGoal: unknown }>(totals, { id: sub });
    expect(ofSub.fundingTotalsOfGoal).toEqual({ granted: 99, actionCount: 1 });
  });

  it('changes a line at its version only, and deletes it', async () => {
    const { data } = await record(api, { actionId: shared, source: 'COUNTY', amount: 500_000 });
    const line = data!.recordFundingLine;
    const changed = await api.data<{ updateFundingLine: Line & { status: string } }>(UPDATE, {
      input: { fundingLineId: line.id, expectedVersion: 1, status: 'GRANTED', amount: 450_000 },
    });
    expect(changed.updateFundingLine).toMatchObject({ version: 2, status: 'GRANTED', amount: 450_000 });
    const stale = await api.gql(UPDATE, { input: { fundingLineId: line.id, expectedVersion: 1, amount: 1 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { version: 2, amount: 450_000 } });

    const remove = 'mutation($input: DeleteFundingLineInput!) { deleteFundingLine(input: $input) { id } }';
    const staleDelete = await api.gql(remove, { input: { fundingLineId: line.id, expectedVersion: 1 } });
    expect(staleDelete.errors?.[0].extensions?.code).toBe('CONFLICT');
    await api.data(remove, { input: { fundingLineId: line.id, expectedVersion: 2 } });
    expect(await count('funding_line WHERE id = $1', [line.id])).toBe(0);
    const gone = await api.gql(remove, { input: { fundingLineId: line.id, expectedVersion: 2 } });
    expect(gone.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'FUNDING_LINE_NOT_FOUND' });
    expect(await count(`change_event WHERE entity = 'funding_line' AND entity_id = $1`, [line.id])).toBe(3);
  });

  it('lets a coordinator record only their own municipality’s share, and move no line across that border', async () => {
    const own = await record(nes, {
      actionId: shared,
      source: 'MUNICIPALITY',
      municipalityId: municipalities['Nes'],
      amount: 200_000,
    });
    expect(own.errors).toBeUndefined();
    const others = await record(nes, {
      actionId: shared,
      source: 'MUNICIPALITY',
      municipalityId: municipalities['Eidsvoll'],
      amount: 200_000,
    });
    expect(others.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Other money of an action they may edit is theirs to record too.
    expect((await record(nes, { actionId: shared, source: 'COUNTY', amount: 10 })).errors).toBeUndefined();

    const before = await count('funding_line');
    const line = own.data!.recordFundingLine;
    const moved = await nes.gql(UPDATE, {
      input: { fundingLineId: line.id, expectedVersion: 1, municipalityId: municipalities['Eidsvoll'] },
    });
    expect(moved.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const touched = await eidsvoll.gql(UPDATE, { input: { fundingLineId: line.id, expectedVersion: 1, amount: 1 } });
    expect(touched.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Eidsvoll's coordinator may edit the shared action, but turning Nes's share into county money is still Nes's line.
    const relabelled = await eidsvoll.gql(UPDATE, {
      input: { fundingLineId: line.id, expectedVersion: 1, source: 'COUNTY' },
    });
    expect(relabelled.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await api.db.dataSource.query(
      'SELECT amount::text, municipality_id, version FROM funding_line WHERE id = $1',
      [line.id],
    );
    expect(row).toEqual({ amount: '200000', municipality_id: municipalities['Nes'], version: 1 });
    expect(await count('funding_line')).toBe(before);

    const budget = await lead.gql(
      'mutation($input: SetActionBudgetInput!) { setActionBudget(input: $input) { budget } }',
      { input: { actionId: led, expectedVersion: 1, budget: 5 } },
    );
    expect(budget.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('takes hours of own effort per party and year, a lead only for their own party', async () => {
    const own = await lead.data<{ setEffortHours: { hours: number; version: number } }>(EFFORT, {
      input: { actionId: led, partyId: raadetId, year: 2026, hours: 120 },
    });
    expect(own.setEffortHours).toMatchObject({ hours: 120, version: 1 });
    const again = await lead.gql(EFFORT, { input: { actionId: led, partyId: raadetId, year: 2026, hours: 130 } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { hours: 120 } });
    const updated = await lead.data<{ setEffortHours: { hours: number; version: number } }>(EFFORT, {
      input: { actionId: led, partyId: raadetId, year: 2026, hours: 130, expectedVersion: 1 },
    });
    expect(updated.setEffortHours).toMatchObject({ hours: 130, version: 2 });

    const other = await lead.gql(EFFORT, { input: { actionId: led, partyId: otherPartyId, year: 2026, hours: 5 } });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notInvolved = await api.gql(EFFORT, { input: { actionId: shared, partyId: raadetId, year: 2026, hours: 5 } });
    expect(notInvolved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PARTY_NOT_INVOLVED' });
    const negative = await api.gql(EFFORT, { input: { actionId: led, partyId: otherPartyId, year: 2026, hours: -1 } });
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await eidsvoll.data(EFFORT, { input: { actionId: led, partyId: otherPartyId, year: 2027, hours: 40 } });

    const { action } = await api.data<{ action: { fundingTotals: { hours: number }; effort: { hours: number }[] } }>(
      'query($id: ID!) { action(id: $id) { fundingTotals { hours } effort { hours party { id } } } }',
      { id: led },
    );
    expect(action.fundingTotals.hours).toBe(170);
    expect(action.effort).toHaveLength(2);
    expect(await count(`change_event WHERE entity = 'effort_entry'`)).toBe(3);
  });

  it('shows money to signed-in readers only, and tells each what they may change', async () => {
    const council = await api.as('rad@tiltak.test');
    const read = await council.data<{ focusArea: { fundingTotals: { granted: number } } }>(
      'query($id: ID!) { focusArea(id: $id) { fundingTotals { granted } } }',
      { id: focusAreaId },
    );
    expect(read.focusArea.fundingTotals.granted).toBeGreaterThan(0);
    const anonymous = await api.anonymous.gql('{ currentProgramme { fundingTotals { granted } } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const abilities =
      'query($id: ID!) { action(id: $id) { fundingAbilities { editFunding municipalShares effortParties } } }';
    const ofNes = await nes.data<{ action: { fundingAbilities: Record<string, unknown> } }>(abilities, { id: shared });
    expect(ofNes.action.fundingAbilities).toEqual({
      editFunding: true,
      municipalShares: [municipalities['Nes']],
      effortParties: [],
    });
    const ofLead = await lead.data<{ action: { fundingAbilities: Record<string, unknown> } }>(abilities, { id: led });
    expect(ofLead.action.fundingAbilities).toEqual({
      editFunding: false,
      municipalShares: [],
      effortParties: [raadetId],
    });
    const ofCouncil = await council.data<{ action: { fundingAbilities: Record<string, unknown> } }>(abilities, {
      id: led,
    });
    expect(ofCouncil.action.fundingAbilities).toEqual({ editFunding: false, municipalShares: [], effortParties: [] });
  });
});
