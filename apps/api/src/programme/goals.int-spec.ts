import { rollUpProgress } from '@tiltak/domain';
import { startTestApi, type TestApi } from '../testing/test-api';

interface ActionNode {
  id: string;
  code: string;
  version: number;
  municipalities: { municipality: { name: string } }[];
}

const GOAL_FIELDS = `id code name version progress expectedProgress parent { code } subGoals { code }
  focusAreas { code } actions { code }
  explanation { progress weightedSum totalWeight contributions { code status progress weight } }`;

describe('goals of the strategy and the regional innovation plan', () => {
  let api: TestApi;
  let actions: Map<string, ActionNode>;
  let focusAreas: Record<string, { id: string; version: number }>;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await api.db.dataSource.query(sql, params))[0].n);

  const action = async (code: string): Promise<ActionNode> => {
    const { actions: page } = await api.data<{ actions: { edges: { node: ActionNode }[] } }>(
      `{ actions(first: 100) { edges { node { id code version municipalities { municipality { name } } } } } }`,
    );
    actions = new Map(page.edges.map(({ node }) => [node.code, node]));
    const found = actions.get(code);
    if (!found) throw new Error(`no action ${code}`);
    return found;
  };

  const goalByCode = async (code: string) => {
    const { goals } = await api.data<{ goals: { id: string; code: string; version: number }[] }>(
      '{ goals { id code version } }',
    );
    const goal = goals.find((g) => g.code === code);
    if (!goal) throw new Error(`no goal ${code}`);
    return goal;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const data = await api.data<{ focusAreas: { id: string; code: string; version: number }[] }>(
      '{ focusAreas { id code version } }',
    );
    focusAreas = Object.fromEntries(data.focusAreas.map((f) => [f.code, f]));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers the demo goals as a tree, each rolled up by the progress rules over its own and its sub-goals’ actions', async () => {
    const { goals } = await api.data<{
      goals: {
        code: string;
        progress: number | null;
        expectedProgress: number | null;
        parent: { code: string } | null;
        subGoals: { code: string }[];
        focusAreas: { code: string }[];
        actions: { code: string }[];
        explanation: {
          progress: number | null;
          weightedSum: number;
          totalWeight: number;
          contributions: { code: string; status: 'CANCELLED' | 'IN_PROGRESS'; progress: number; weight: number }[];
        };
      }[];
    }>(`{ goals { ${GOAL_FIELDS} } }`);

    expect(goals.map((g) => g.code)).toEqual(['M1', 'M1.1', 'M1.2', 'M2', 'M2.1', 'M2.2', 'M3', 'M3.1', 'M3.2']);
    const m1 = goals.find((g) => g.code === 'M1');
    const m11 = goals.find((g) => g.code === 'M1.1');
    expect(m1?.subGoals.map((g) => g.code)).toEqual(['M1.1', 'M1.2']);
    expect(m11?.parent).toEqual({ code: 'M1' });
    expect(m1?.focusAreas.map((f) => f.code)).toEqual(['BIO', 'KRE']);
    // M1 counts its sub-goals' actions once each; BIO-8 serves M1.1 and M2.2.
    expect(m1?.actions.map((a) => a.code)).toEqual(['BIO-1', 'BIO-6', 'BIO-8', 'KRE-1', 'LOG-1']);
    expect(m11?.actions.map((a) => a.code)).toEqual(['BIO-6', 'BIO-8', 'KRE-1', 'LOG-1']);
    for (const goal of goals) {
      const expected = rollUpProgress(goal.explanation.contributions);
      expect(goal.progress).toBe(expected.progress);
      expect(goal.explanation).toMatchObject({ weightedSum: expected.weightedSum, totalWeight: expected.totalWeight });
    }
    expect(m1?.progress).not.toBeNull();
    expect(goals.find((g) => g.code === 'M3.2')).toMatchObject({ progress: null, actions: [] });
  });

  it('lets whoever runs the programme add goals and sub-goals, refusing bad ones with nothing written', async () => {
    const create = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { id code version parent { code } } }`;
    const before = await count('SELECT count(*) AS n FROM goal');
    const { createGoal: goal } = await api.data<{ createGoal: { id: string; code: string } }>(create, {
      input: { code: 'M4', name: 'Grønn omstilling', description: 'Lavere utslipp i næringslivet.' },
    });
    const { createGoal: sub } = await api.data<{ createGoal: { id: string; parent: { code: string } } }>(create, {
      input: { code: 'M4.1', name: 'Utslippsfri transport', parentId: goal.id },
    });
    expect(sub.parent).toEqual({ code: 'M4' });

    const taken = await api.gql(create, { input: { code: 'M4', name: 'Igjen' } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code', reason: 'CODE_TAKEN' });
    const deep = await api.gql(create, { input: { code: 'M4.1.1', name: 'For dypt', parentId: sub.id } });
    expect(deep.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PARENT_IS_SUB_GOAL' });
    const badCode = await api.gql(create, { input: { code: 'mål 5', name: 'Feil kode' } });
    expect(badCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const coordinator = await api.as('koordinator.nes@tiltak.test');
    const forbidden = await coordinator.gql(create, { input: { code: 'M9', name: 'Ikke lov' } });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count('SELECT count(*) AS n FROM goal')).toBe(before + 2);
    expect(await count(`SELECT count(*) AS n FROM change_event WHERE entity = 'goal'`)).toBe(2);

    const update = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { name version } }`;
    await expect(
      api.data(update, { input: { goalId: goal.id, expectedVersion: 1, name: 'Grønn omstilling i næringslivet' } }),
    ).resolves.toEqual({ updateGoal: { name: 'Grønn omstilling i næringslivet', version: 2 } });
    const stale = await api.gql(update, { input: { goalId: goal.id, expectedVersion: 1, name: 'Overskrevet' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { version: 2 } });
  });

  it('links an action to goals at the action’s version, for whoever may edit the action', async () => {
    const set = `mutation($input: SetActionGoalsInput!) { setActionGoals(input: $input) { code version goals { code } } }`;
    const log2 = await action('LOG-2');
    const m21 = await goalByCode('M2.1');
    const m31 = await goalByCode('M3.1');

    const { setActionGoals } = await api.data<{ setActionGoals: { version: number; goals: { code: string }[] } }>(set, {
      input: { actionId: log2.id, expectedVersion: log2.version, goalIds: [m21.id, m31.id] },
    });
    expect(setActionGoals).toEqual({
      code: 'LOG-2',
      version: log2.version + 1,
      goals: [{ code: 'M2.1' }, { code: 'M3.1' }],
    });
    const stale = await api.gql(set, { input: { actionId: log2.id, expectedVersion: log2.version, goalIds: [] } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const unknown = await api.gql(set, {
      input: { actionId: log2.id, expectedVersion: log2.version + 1, goalIds: [m21.id, log2.id] },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_GOAL' });
    expect(await count('SELECT count(*) AS n FROM action_goal WHERE action_id = $1', [log2.id])).toBe(2);
    expect(
      await count(`SELECT count(*) AS n FROM change_event WHERE entity = 'action_goal' AND entity_id LIKE $1`, [
        `${log2.id}:%`,
      ]),
    ).toBe(2);

    const { goal } = await api.data<{ goal: { actions: { code: string }[] } }>(
      `query($id: ID!) { goal(id: $id) { actions { code } } }`,
      { id: m21.id },
    );
    expect(goal.actions.map((a) => a.code)).toContain('LOG-2');

    // A coordinator edits only actions that concern their municipality.
    const nes = await api.as('koordinator.nes@tiltak.test');
    const all = [...actions.values()];
    // An action of Nes and not of every municipality: those are the secretariat's to change.
    const ofNes = all.find(
      (a) => a.municipalities.some((m) => m.municipality.name === 'Nes') && a.municipalities.length < 6,
    );
    const notOfNes = all.find((a) => !a.municipalities.some((m) => m.municipality.name === 'Nes'));
    if (!ofNes || !notOfNes) throw new Error('the demo has actions in and outside Nes');
    const allowed = await nes.gql(set, {
      input: { actionId: ofNes.id, expectedVersion: ofNes.version, goalIds: [m31.id] },
    });
    expect(allowed.errors).toBeUndefined();
    const refused = await nes.gql(set, {
      input: { actionId: notOfNes.id, expectedVersion: notOfNes.version, goalIds: [m31.id] },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const council = await api.as('rad@tiltak.test');
    const readOnly = await council.gql(set, {
      input: { actionId: ofNes.id, expectedVersion: ofNes.version + 1, goalIds: [] },
    });
    expect(readOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to delete a goal in use, and deletes it once nothing points to it', async () => {
    const del = `mutation($input: DeleteGoalInput!) { deleteGoal(input: $input) { code } }`;
    const m3 = await goalByCode('M3');
    const inUse = await api.gql(del, { input: { goalId: m3.id, expectedVersion: m3.version } });
    expect(inUse.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IN_USE' });

    const create = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { id version } }`;
    const { createGoal } = await api.data<{ createGoal: { id: string; version: number } }>(create, {
      input: { code: 'M7', name: 'Midlertidig' },
    });
    const setArea = `mutation($input: SetFocusAreaGoalInput!) { setFocusAreaGoal(input: $input) { version goal { code } } }`;
    const pol = focusAreas['POL'];
    const { setFocusAreaGoal } = await api.data<{ setFocusAreaGoal: { version: number; goal: { code: string } } }>(
      setArea,
      { input: { focusAreaId: pol.id, expectedVersion: pol.version, goalId: createGoal.id } },
    );
    expect(setFocusAreaGoal.goal).toEqual({ code: 'M7' });
    const stillUsed = await api.gql(del, { input: { goalId: createGoal.id, expectedVersion: 1 } });
    expect(stillUsed.errors?.[0].extensions).toMatchObject({ reason: 'IN_USE' });

    await api.data(setArea, {
      input: { focusAreaId: pol.id, expectedVersion: setFocusAreaGoal.version, goalId: null },
    });
    const stale = await api.gql(del, { input: { goalId: createGoal.id, expectedVersion: 2 } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    await expect(api.data(del, { input: { goalId: createGoal.id, expectedVersion: 1 } })).resolves.toEqual({
      deleteGoal: { code: 'M7' },
    });
    expect(await count('SELECT count(*) AS n FROM goal WHERE id = $1', [createGoal.id])).toBe(0);
  });

  it('replaces the innovation plan with a new version while old links keep pointing to the replaced plan', async () => {
    const plans = `{ innovationPlans { id name validFrom replaced version priorities { id code name } } }`;
    const { innovationPlans: before } = await api.data<{
      innovationPlans: { id: string; version: number; replaced: boolean; priorities: { id: string; code: string }[] }[];
    }>(plans);
    expect(before).toHaveLength(1);
    const old = before[0];
    const area = `query($id: ID!) { focusArea(id: $id) { version innovationPlanPriority
      innovationPriority { code name plan { name validFrom replaced } } } }`;
    await expect(api.data(area, { id: focusAreas['LOG'].id })).resolves.toMatchObject({
      focusArea: { innovationPlanPriority: 'Grønn omstilling i næringslivet', innovationPriority: { code: 'P1' } },
    });

    const create = await api.gql(
      `mutation { createInnovationPlan(input: { name: "Ny", validFrom: 2030, priorities: [{ code: "P1", name: "X" }] }) { id } }`,
    );
    expect(create.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLAN_EXISTS' });
    const replace = `mutation($input: ReplaceInnovationPlanInput!) { replaceInnovationPlan(input: $input) { id replaced priorities { id code } } }`;
    const input = {
      planId: old.id,
      expectedVersion: old.version,
      name: 'Regional plan for innovasjon og verdiskaping 2026–2036',
      validFrom: 2026,
      priorities: [
        { code: 'I1', name: 'Grønn og sirkulær omstilling' },
        { code: 'I2', name: 'Kompetanse og talent' },
      ],
    };
    const duplicate = await api.gql(replace, {
      input: { ...input, priorities: [input.priorities[0], input.priorities[0]] },
    });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_CODE' });
    const stale = await api.gql(replace, { input: { ...input, expectedVersion: old.version + 1 } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await count('SELECT count(*) AS n FROM innovation_plan')).toBe(1);

    const { replaceInnovationPlan: next } = await api.data<{
      replaceInnovationPlan: { id: string; replaced: boolean; priorities: { id: string; code: string }[] };
    }>(replace, { input });
    expect(next).toMatchObject({ replaced: false, priorities: [{ code: 'I1' }, { code: 'I2' }] });
    const again = await api.gql(replace, { input: { ...input, expectedVersion: old.version + 1 } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLAN_REPLACED' });

    const { focusArea } = await api.data<{ focusArea: { version: number; innovationPriority: unknown } }>(area, {
      id: focusAreas['LOG'].id,
    });
    expect(focusArea.innovationPriority).toEqual({
      code: 'P1',
      name: 'Grønn omstilling i næringslivet',
      plan: { name: 'Regional plan for innovasjon og nyskaping i Oslo og Akershus', validFrom: 2024, replaced: true },
    });
    const setArea = `mutation($input: SetFocusAreaInnovationPriorityInput!) {
      setFocusAreaInnovationPriority(input: $input) { innovationPriority { code plan { replaced } } } }`;
    const toOld = await api.gql(setArea, {
      input: {
        focusAreaId: focusAreas['KRE'].id,
        expectedVersion: focusAreas['KRE'].version,
        priorityId: old.priorities[1].id,
      },
    });
    expect(toOld.errors?.[0].extensions).toMatchObject({ reason: 'PRIORITY_OF_REPLACED_PLAN' });
    await expect(
      api.data(setArea, {
        input: {
          focusAreaId: focusAreas['LOG'].id,
          expectedVersion: focusAreas['LOG'].version,
          priorityId: next.priorities[0].id,
        },
      }),
    ).resolves.toEqual({
      setFocusAreaInnovationPriority: { innovationPriority: { code: 'I1', plan: { replaced: false } } },
    });

    const log3 = await action('LOG-3');
    const { setActionInnovationPriorities } = await api.data<{
      setActionInnovationPriorities: { innovationPriorities: { code: string }[] };
    }>(
      `mutation($input: SetActionInnovationPrioritiesInput!) {
        setActionInnovationPriorities(input: $input) { innovationPriorities { code } } }`,
      { input: { actionId: log3.id, expectedVersion: log3.version, priorityIds: [next.priorities[1].id] } },
    );
    expect(setActionInnovationPriorities.innovationPriorities).toEqual([{ code: 'I2' }]);
  });
  it('never leaves a link to a deleted goal when linking and deleting race', async () => {
    const log5 = await action('LOG-5');
    const { createGoal: goal } = await api.data<{ createGoal: { id: string } }>(
      'mutation { createGoal(input: { code: "M8", name: "Kappløp" }) { id } }',
    );
    const [linked, deleted] = await Promise.all([
      api.gql('mutation($input: SetActionGoalsInput!) { setActionGoals(input: $input) { version } }', {
        input: { actionId: log5.id, expectedVersion: log5.version, goalIds: [goal.id] },
      }),
      api.gql('mutation($input: DeleteGoalInput!) { deleteGoal(input: $input) { code } }', {
        input: { goalId: goal.id, expectedVersion: 1 },
      }),
    ]);
    // Exactly one wins, and the loser says why in the user's terms.
    const codes = [linked, deleted].map((answer) => answer.errors?.[0].extensions?.['reason'] ?? 'OK').sort();
    expect([
      ['IN_USE', 'OK'],
      ['OK', 'UNKNOWN_GOAL'],
    ]).toContainEqual(codes);
    const links = await count('SELECT count(*) AS n FROM action_goal WHERE goal_id = $1', [goal.id]);
    const goals = await count('SELECT count(*) AS n FROM goal WHERE id = $1', [goal.id]);
    expect({ links, goals }).toEqual(codes[0] === 'IN_USE' ? { links: 1, goals: 1 } : { links: 0, goals: 0 });
  });
});
