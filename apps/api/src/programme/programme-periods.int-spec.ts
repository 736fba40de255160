import { PERIOD_HEADER } from '@tiltak/domain';
import { Subscriber } from '../testing/subscriber';
import { type GraphqlClient, graphqlClient, startTestApi, type TestApi } from '../testing/test-api';

const START = `mutation($input: StartProgrammePeriodInput!) {
  startProgrammePeriod(input: $input) { id name period state isCurrent version predecessor { id period state } }
}`;

interface ActionRead {
  id: string;
  code: string;
  status: string;
  progress: number;
  endedReason: string | null;
  milestones: { title: string; completedOn: string | null }[];
  history: { comment: string; period: string; earlierPeriod: boolean }[];
  predecessor: { id: string; period: string } | null;
  successor: { id: string; code: string; period: string } | null;
}

const ACTION = `query($id: ID!) { action(id: $id) {
  id code status progress endedReason milestones { title completedOn } history { comment period earlierPeriod }
  predecessor { id period } successor { id code period }
} }`;

describe('programme periods and revision (rullering)', () => {
  let api: TestApi;
  /** The admin reading an earlier period, as the dashboard does with the Tiltak-Period header. */
  let inPeriod: (programmeId: string) => GraphqlClient;
  let oldPeriod: { id: string; version: number };
  let actionIds: string[];
  /** An action with history and both completed and open milestones: carried over. */
  let carried: ActionRead;
  /** Another action: ended with a reason. */
  let ended: ActionRead;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await api.db.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    api = await startTestApi();
    const token = await api.tokenFor('admin@tiltak.test');
    inPeriod = (programmeId) =>
      graphqlClient(api.url, () => ({ authorization: `Bearer ${token}`, [PERIOD_HEADER]: programmeId }));
    const { currentProgramme } = await api.data<{ currentProgramme: { id: string; version: number } }>(
      '{ currentProgramme { id version } }',
    );
    oldPeriod = currentProgramme;
    actionIds = (await api.db.dataSource.query('SELECT id FROM action ORDER BY code')).map((r: { id: string }) => r.id);
    const [withHistory] = await api.db.dataSource.query(
      `SELECT a.id FROM action a
        WHERE EXISTS (SELECT 1 FROM status_update s WHERE s.action_id = a.id)
          AND EXISTS (SELECT 1 FROM milestone m WHERE m.action_id = a.id AND m.completed_on IS NULL)
          AND EXISTS (SELECT 1 FROM milestone m WHERE m.action_id = a.id AND m.completed_on IS NOT NULL)
        ORDER BY a.code LIMIT 1`,
    );
    carried = (await api.data<{ action: ActionRead }>(ACTION, { id: withHistory.id })).action;
    const other = actionIds.find((id) => id !== carried.id)!;
    ended = (await api.data<{ action: ActionRead }>(ACTION, { id: other })).action;
    // Money of a year before the next period and of one inside it, hours inside it, and a case in the archive.
    const db = api.db.dataSource;
    await db.query(`UPDATE action SET budget = 900000, case_reference = '2024/77-1' WHERE id = $1`, [carried.id]);
    await db.query(
      `INSERT INTO funding_line (action_id, source, status, amount, year) VALUES ($1, 'COUNTY', 'GRANTED', 150000, 2026), ($1, 'COUNTY', 'APPLIED', 275000, 2028)`,
      [carried.id],
    );
    await db.query(
      `INSERT INTO effort_entry (action_id, party_id, year, hours)
       SELECT $1, party_id, 2028, 120 FROM involvement WHERE action_id = $1 ORDER BY party_id LIMIT 1`,
      [carried.id],
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    name: 'Handlingsprogram for strategisk næringsplan 2027–2030',
    startYear: 2027,
    endYear: 2030,
    expectedVersion: oldPeriod.version,
    carryOver: actionIds.filter((id) => id !== ended.id),
    endings: [{ actionId: ended.id, reason: 'Målet er nådd; arbeidet videreføres i kommunenes egen drift.' }],
    ...overrides,
  });

  it('refuses a revision that leaves an action undecided, decides one twice, or has a blank reason, writing nothing', async () => {
    const events = await count('SELECT count(*) AS n FROM change_event');
    const undecided = await api.gql(START, { input: input({ endings: [] }) });
    expect(undecided.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ACTION_NOT_DECIDED' });
    const twice = await api.gql(START, { input: input({ carryOver: actionIds }) });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ACTION_DECIDED_TWICE' });
    const blank = await api.gql(START, { input: input({ endings: [{ actionId: ended.id, reason: '   ' }] }) });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endings.0.reason' });
    const backwards = await api.gql(START, { input: input({ startYear: 2031 }) });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endYear' });
    const stale = await api.gql(START, { input: input({ expectedVersion: oldPeriod.version + 1 }) });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { id: oldPeriod.id } });
    const coordinator = await api.as('koordinator.nes@tiltak.test');
    const refused = await coordinator.gql(START, { input: input() });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect(await count('SELECT count(*) AS n FROM programme')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM change_event')).toBe(events);
  });

  it('ends the current period and starts the next, carrying over actions with their parts and ending the rest', async () => {
    const [{ seq }] = await api.db.dataSource.query('SELECT max(seq)::text AS seq FROM change_event');
    const watching = new Subscriber(api.url, await api.tokenFor('rad@tiltak.test'), seq);
    await watching.ready();
    const { startProgrammePeriod } = await api.data<{
      startProgrammePeriod: {
        id: string;
        state: string;
        isCurrent: boolean;
        predecessor: { id: string; state: string };
      };
    }>(START, { input: input() });
    expect(startProgrammePeriod).toMatchObject({
      state: 'CURRENT',
      isCurrent: true,
      predecessor: { id: oldPeriod.id, state: 'ENDED' },
    });

    const { programmes, currentProgramme } = await api.data<{
      programmes: { id: string; period: string; state: string; successor: { id: string } | null }[];
      currentProgramme: { id: string };
    }>('{ programmes { id period state successor { id } } currentProgramme { id } }');
    expect(programmes).toEqual([
      { id: startProgrammePeriod.id, period: '2027–2030', state: 'CURRENT', successor: null },
      { id: oldPeriod.id, period: '2025–2028', state: 'ENDED', successor: { id: startProgrammePeriod.id } },
    ]);
    expect(currentProgramme.id).toBe(startProgrammePeriod.id);

    const [copy] = await api.db.dataSource.query('SELECT id FROM action WHERE predecessor_id = $1', [carried.id]);
    const { action } = await api.data<{ action: ActionRead }>(ACTION, { id: copy.id });
    expect(action).toMatchObject({
      code: carried.code,
      status: carried.status,
      progress: carried.progress,
      endedReason: null,
      predecessor: { id: carried.id, period: '2025–2028' },
      successor: null,
    });
    // Open milestones move on; completed ones stay where they were reached.
    expect(action.milestones).toEqual(carried.milestones.filter((m) => m.completedOn === null));
    // Carried over keeps its history, each entry marked with its period.
    expect(action.history.map((h) => h.comment)).toEqual(carried.history.map((h) => h.comment));
    expect(action.history.every((h) => h.earlierPeriod && h.period === '2025–2028')).toBe(true);

    expect(await count('SELECT count(*) AS n FROM action WHERE programme_id = $1', [startProgrammePeriod.id])).toBe(
      actionIds.length - 1,
    );
    expect(
      await count(`SELECT count(*) AS n FROM change_event WHERE programme_id = $1 AND entity = 'action'`, [
        startProgrammePeriod.id,
      ]),
    ).toBe(actionIds.length);
    const { adoptions } = await api.data<{ adoptions: { status: string; focusArea: null }[] }>(
      '{ adoptions { status } municipalities { id } }',
    );
    expect(adoptions.map((a) => a.status)).toEqual(Array(6).fill('PROPOSED'));

    // A live view follows the period being run across the revision: the new period's changes reach it.
    const { focusAreas } = await api.data<{ focusAreas: { id: string; version: number }[] }>(
      '{ focusAreas { id version } }',
    );
    await api.data('mutation($input: UpdateFocusAreaInput!) { updateFocusArea(input: $input) { id } }', {
      input: { focusAreaId: focusAreas[0].id, expectedVersion: focusAreas[0].version, description: 'Rullert' },
    });
    await watching.until((received) => received.some((r) => r.entityId === focusAreas[0].id));
    expect(watching.received.some((r) => r.entity === 'programme' && r.entityId === startProgrammePeriod.id)).toBe(
      true,
    );
    await watching.close();
  });

  it('carries over what else hangs off an action: goals, priorities, archive case, budget, and the new years’ money and hours', async () => {
    const db = api.db.dataSource;
    const [copy] = await db.query('SELECT id, budget, case_reference FROM action WHERE predecessor_id = $1', [
      carried.id,
    ]);
    expect(copy).toMatchObject({ budget: '900000', case_reference: '2024/77-1' });
    const lines = await db.query('SELECT amount::text, year FROM funding_line WHERE action_id = $1', [copy.id]);
    // 2026 was spent in the ending period and stays there; 2028 belongs to the new one.
    expect(lines).toEqual([{ amount: '275000', year: 2028 }]);
    expect(await count('SELECT count(*) AS n FROM effort_entry WHERE action_id = $1', [copy.id])).toBe(1);
    const pairs = `FROM action na JOIN action a ON a.id = na.predecessor_id`;
    const sameSets = async (table: string, column: string) =>
      count(
        `SELECT count(*) AS n ${pairs}
          WHERE ARRAY(SELECT ${column} FROM ${table} WHERE action_id = na.id ORDER BY 1)
             <> ARRAY(SELECT ${column} FROM ${table} WHERE action_id = a.id ORDER BY 1)`,
      );
    expect(await count(`SELECT count(*) AS n FROM action_goal g JOIN action a ON a.id = g.action_id`)).toBeGreaterThan(
      0,
    );
    expect(await sameSets('action_goal', 'goal_id')).toBe(0);
    expect(await sameSets('action_innovation_priority', 'priority_id')).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n ${pairs} WHERE na.case_reference IS DISTINCT FROM a.case_reference OR na.budget IS DISTINCT FROM a.budget`,
      ),
    ).toBe(0);
    // Each municipality's adoption of the new period begins its decision history as proposed.
    const { adoptions } = await api.data<{ adoptions: { status: string; decisions: { status: string }[] }[] }>(
      '{ adoptions { status decisions { status } } }',
    );
    expect(adoptions.map((a) => a.decisions.map((d) => d.status))).toEqual(Array(6).fill(['PROPOSED']));
  });

  it('shares the parties between periods', async () => {
    const now = await api.data<{ parties: { id: string }[] }>('{ parties { id } }');
    const before = await inPeriod(oldPeriod.id).data<{ parties: { id: string }[] }>('{ parties { id } }');
    expect(now.parties.length).toBeGreaterThan(0);
    expect(now.parties).toEqual(before.parties);
  });

  it('reads the earlier period as it was, with the ended action and its reason', async () => {
    const old = inPeriod(oldPeriod.id);
    const { currentProgramme } = await old.data<{
      currentProgramme: { id: string; state: string; isCurrent: boolean };
    }>('{ currentProgramme { id state isCurrent } }');
    expect(currentProgramme).toEqual({ id: oldPeriod.id, state: 'ENDED', isCurrent: false });
    const { action } = await old.data<{ action: ActionRead }>(ACTION, { id: ended.id });
    expect(action).toMatchObject({
      status: ended.status,
      progress: ended.progress,
      endedReason: 'Målet er nådd; arbeidet videreføres i kommunenes egen drift.',
      successor: null,
    });
    const before = await old.data<{ action: ActionRead }>(ACTION, { id: carried.id });
    expect(before.action).toMatchObject({ progress: carried.progress, milestones: carried.milestones });
    expect(before.action.successor).toMatchObject({ code: carried.code, period: '2027–2030' });
    // The current period does not answer for the earlier one's actions.
    expect((await api.data<{ action: null }>(ACTION, { id: ended.id })).action).toBeNull();
  });

  it('refuses every write to the ended period, writing nothing', async () => {
    const old = inPeriod(oldPeriod.id);
    const { focusAreas } = await old.data<{ focusAreas: { id: string; version: number }[] }>(
      '{ focusAreas { id version } }',
    );
    const events = await count('SELECT count(*) AS n FROM change_event');
    const write = await old.gql('mutation($input: UpdateFocusAreaInput!) { updateFocusArea(input: $input) { id } }', {
      input: { focusAreaId: focusAreas[0].id, expectedVersion: focusAreas[0].version, description: 'Endret' },
    });
    expect(write.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PERIOD_ENDED' });
    // The dashboard asks before it offers a form: nothing is offered there.
    const { viewerCan, action } = await old.data<{
      viewerCan: { manageProgramme: boolean; createActions: boolean; manageUsers: boolean };
      action: { viewerCan: { edit: boolean; updateStatus: boolean } };
    }>(
      `query($id: ID!) { viewerCan { manageProgramme createActions manageUsers } action(id: $id) { viewerCan { edit updateStatus } } }`,
      {
        id: carried.id,
      },
    );
    expect({ viewerCan, action }).toEqual({
      viewerCan: { manageProgramme: false, createActions: false, manageUsers: true },
      action: { viewerCan: { edit: false, updateStatus: false } },
    });
    const [{ version }] = await api.db.dataSource.query('SELECT version FROM action WHERE id = $1', [carried.id]);
    const status = await old.gql(
      'mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }',
      { input: { actionId: carried.id, expectedVersion: version, status: 'ON_HOLD', comment: 'For sent' } },
    );
    expect(status.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PERIOD_ENDED' });
    expect(await count('SELECT count(*) AS n FROM change_event')).toBe(events);
    expect(
      await count('SELECT count(*) AS n FROM focus_area WHERE id = $1 AND description = $2', [
        focusAreas[0].id,
        'Endret',
      ]),
    ).toBe(0);
  });

  it('refuses a period header that is not a programme of the region', async () => {
    const notAnId = await inPeriod('2021-2024').gql('{ currentProgramme { id } }');
    expect(notAnId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: PERIOD_HEADER });
    const unknown = await inPeriod('6f1c2d3e-4b5a-4c6d-8e7f-901234567890').gql('{ currentProgramme { id } }');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: PERIOD_HEADER });
  });
});
