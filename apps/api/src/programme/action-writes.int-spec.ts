import { startTestApi, type TestApi } from '../testing/test-api';

const ACTION_FIELDS = `id code version status progress health healthOverride { health comment }
  history { status progress comment } milestones { id version completedOn weight }
  municipalities { municipality { id name } ownStatus ownProgress status progress note version }
  involvements { id version role level party { id name } }`;

interface Action {
  id: string;
  code: string;
  version: number;
  status: string;
  progress: number;
  health: string;
  healthOverride: { health: string; comment: string } | null;
  history: { status: string; progress: number; comment: string }[];
  milestones: { id: string; version: number; completedOn: string | null; weight: number }[];
  municipalities: {
    municipality: { id: string; name: string };
    ownStatus: string | null;
    ownProgress: number | null;
    status: string;
    progress: number;
    note: string;
    version: number;
  }[];
  involvements: { id: string; version: number; role: string; level: string; party: { id: string; name: string } }[];
}

describe('writing the action programme', () => {
  let api: TestApi;
  let ids: {
    focusAreas: Record<string, string>;
    municipalities: Record<string, string>;
    parties: { id: string; name: string }[];
  };

  const action = async (code: string): Promise<Action> => {
    const { actions } = await api.data<{ actions: { edges: { node: Action }[] } }>(
      `query($t: String) { actions(first: 20, filter: { text: $t }) { edges { node { ${ACTION_FIELDS} } } } }`,
      { t: code },
    );
    const found = actions.edges.map((e) => e.node).find((a) => a.code === code);
    if (!found) throw new Error(`No action ${code}`);
    return found;
  };
  const changeEvents = async (): Promise<number> =>
    Number((await api.db.dataSource.query('SELECT count(*) AS n FROM change_event'))[0].n);
  const createAction = (code: string, extra: Record<string, unknown> = {}) =>
    api.data<{ createAction: Action }>(
      `mutation($input: CreateActionInput!) { createAction(input: $input) { ${ACTION_FIELDS} } }`,
      {
        input: {
          code,
          title: `Testtiltak ${code}`,
          focusAreaId: ids.focusAreas[code.split('-')[0]],
          municipalityIds: [ids.municipalities['Nes'], ids.municipalities['Ullensaker']],
          startDate: '2026-01-01',
          dueDate: '2027-12-31',
          ...extra,
        },
      },
    );

  beforeAll(async () => {
    api = await startTestApi();
    const data = await api.data<{
      focusAreas: { id: string; code: string }[];
      municipalities: { id: string; name: string }[];
      parties: { id: string; name: string }[];
    }>('{ focusAreas { id code } municipalities { id name } parties { id name } }');
    ids = {
      focusAreas: Object.fromEntries(data.focusAreas.map((f) => [f.code, f.id])),
      municipalities: Object.fromEntries(data.municipalities.map((m) => [m.name, m.id])),
      parties: data.parties,
    };
  });

  afterAll(async () => {
    await api?.close();
  });

  it('creates an action for some municipalities and logs the change', async () => {
    const before = await changeEvents();

    const { createAction: created } = await createAction('LOG-90', { weight: 3 });

    expect(created).toMatchObject({ code: 'LOG-90', version: 1, status: 'NOT_STARTED', progress: 0 });
    expect(created.municipalities.map((m) => m.municipality.name)).toEqual(['Nes', 'Ullensaker']);
    expect(await changeEvents()).toBe(before + 1);
    const [event] = await api.db.dataSource.query(
      `SELECT entity, entity_id, operation, before, after FROM change_event ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ entity: 'action', entity_id: created.id, operation: 'CREATE', before: null });
    expect(event.after).toMatchObject({ code: 'LOG-90', title: 'Testtiltak LOG-90' });
  });

  it('lets a lead change just the progress, and keeps the update in the history', async () => {
    const { createAction: created } = await createAction('LOG-91');

    const { updateActionStatus: updated } = await api.data<{ updateActionStatus: Action }>(
      `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { ${ACTION_FIELDS} } }`,
      { input: { actionId: created.id, expectedVersion: created.version, progress: 40 } },
    );

    expect(updated).toMatchObject({ version: created.version + 1, progress: 40, status: 'NOT_STARTED' });
    expect(updated.history).toEqual([{ status: 'NOT_STARTED', progress: 40, comment: '' }]);
  });

  it('refuses a stale expectedVersion with CONFLICT and the current record, and writes nothing', async () => {
    const { createAction: created } = await createAction('LOG-92');
    const mutation = `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { version } }`;
    await api.data(mutation, { input: { actionId: created.id, expectedVersion: 1, status: 'IN_PROGRESS' } });
    const rowBefore = await api.db.dataSource.query('SELECT * FROM action WHERE id = $1', [created.id]);
    const eventsBefore = await changeEvents();

    const { errors } = await api.gql(mutation, {
      input: { actionId: created.id, expectedVersion: 1, status: 'ON_HOLD', progress: 90, comment: 'Gammel fane' },
    });

    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(errors?.[0].extensions?.current).toMatchObject({ id: created.id, version: 2, status: 'IN_PROGRESS' });
    expect(await api.db.dataSource.query('SELECT * FROM action WHERE id = $1', [created.id])).toEqual(rowBefore);
    expect(await changeEvents()).toBe(eventsBefore);
    expect((await action('LOG-92')).history).toHaveLength(1);
  });

  it('overrides health only with a comment, and clears the override with the computed value', async () => {
    const { createAction: created } = await createAction('LOG-93', { startDate: '2025-01-01', dueDate: '2029-12-31' });
    const mutation = `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { ${ACTION_FIELDS} } }`;
    const other = created.health === 'OFF_TRACK' ? 'ON_TRACK' : 'OFF_TRACK';

    const refused = await api.gql(mutation, { input: { actionId: created.id, expectedVersion: 1, health: other } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });

    const { updateActionStatus: overridden } = await api.data<{ updateActionStatus: Action }>(mutation, {
      input: { actionId: created.id, expectedVersion: 1, health: other, comment: 'Finansiering er på plass' },
    });
    expect(overridden.health).toBe(other);
    expect(overridden.healthOverride).toEqual({ health: other, comment: 'Finansiering er på plass' });

    const { updateActionStatus: cleared } = await api.data<{ updateActionStatus: Action }>(mutation, {
      input: { actionId: created.id, expectedVersion: 2, health: created.health },
    });
    expect(cleared.healthOverride).toBeNull();
  });

  it('clears the override when asked for health as computed (null), and keeps it when health is left out', async () => {
    const { createAction: created } = await createAction('LOG-89', { startDate: '2025-01-01', dueDate: '2029-12-31' });
    const mutation = `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { ${ACTION_FIELDS} } }`;
    const other = created.health === 'OFF_TRACK' ? 'ON_TRACK' : 'OFF_TRACK';
    await api.data(mutation, {
      input: { actionId: created.id, expectedVersion: 1, health: other, comment: 'Vurdert av styringsgruppen' },
    });

    const { updateActionStatus: kept } = await api.data<{ updateActionStatus: Action }>(mutation, {
      input: { actionId: created.id, expectedVersion: 2, comment: 'Bare en kommentar' },
    });
    expect(kept.healthOverride).toEqual({ health: other, comment: 'Vurdert av styringsgruppen' });
    expect(kept.health).toBe(other);

    const { updateActionStatus: computed } = await api.data<{ updateActionStatus: Action }>(mutation, {
      input: { actionId: created.id, expectedVersion: 3, health: null },
    });
    expect(computed.healthOverride).toBeNull();
    expect(computed.health).toBe(created.health);
    expect(computed.history[0]).toMatchObject({ status: created.status, progress: created.progress });
    const [row] = await api.db.dataSource.query(
      'SELECT health_override, health_override_comment FROM action WHERE id = $1',
      [created.id],
    );
    expect(row).toEqual({ health_override: null, health_override_comment: null });
  });

  it('drives progress from milestones: complete, reopen, and a stale milestone version conflicts', async () => {
    const { createAction: created } = await createAction('LOG-94');
    const create = `mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { ${ACTION_FIELDS} } }`;
    await api.data(create, { input: { actionId: created.id, title: 'Første', dueDate: '2026-06-01', weight: 1 } });
    const { createMilestone: withTwo } = await api.data<{ createMilestone: Action }>(create, {
      input: { actionId: created.id, title: 'Andre', dueDate: '2027-06-01', weight: 3 },
    });
    const first = withTwo.milestones[0];

    const { completeMilestone: completed } = await api.data<{ completeMilestone: Action }>(
      `mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { ${ACTION_FIELDS} } }`,
      { input: { milestoneId: first.id, expectedVersion: first.version, completedOn: '2026-05-20' } },
    );
    expect(completed.progress).toBe(25);
    expect(completed.milestones[0].completedOn).toBe('2026-05-20');

    const stale = await api.gql(
      `mutation($input: MilestoneVersionInput!) { reopenMilestone(input: $input) { progress } }`,
      { input: { milestoneId: first.id, expectedVersion: first.version } },
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await action('LOG-94')).progress).toBe(25);

    const { reopenMilestone: reopened } = await api.data<{ reopenMilestone: Action }>(
      `mutation($input: MilestoneVersionInput!) { reopenMilestone(input: $input) { ${ACTION_FIELDS} } }`,
      { input: { milestoneId: first.id, expectedVersion: first.version + 1 } },
    );
    expect(reopened.progress).toBe(0);

    const progressOnMilestoneAction = await api.gql(
      `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { progress } }`,
      { input: { actionId: created.id, expectedVersion: reopened.version, progress: 80 } },
    );
    expect(progressOnMilestoneAction.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'progress',
      reason: 'PROGRESS_FROM_MILESTONES',
    });

    const completeWithOpen = `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { status } }`;
    const refused = await api.gql(completeWithOpen, {
      input: { actionId: created.id, expectedVersion: reopened.version, status: 'COMPLETED' },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MILESTONES_OPEN' });
    const allowed = await api.data<{ updateActionStatus: { status: string } }>(completeWithOpen, {
      input: {
        actionId: created.id,
        expectedVersion: reopened.version,
        status: 'COMPLETED',
        comment: 'Resten tas i drift',
      },
    });
    expect(allowed.updateActionStatus.status).toBe('COMPLETED');
  });

  it('lets a municipality keep its own pace on a shared action', async () => {
    const { createAction: created } = await createAction('LOG-95');
    const nes = created.municipalities.find((m) => m.municipality.name === 'Nes')!;
    const mutation = `mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { ${ACTION_FIELDS} } }`;

    const { updateActionMunicipality: updated } = await api.data<{ updateActionMunicipality: Action }>(mutation, {
      input: {
        actionId: created.id,
        municipalityId: nes.municipality.id,
        expectedVersion: nes.version,
        status: 'COMPLETED',
        progress: 100,
        note: 'Ferdig i Nes',
      },
    });
    const local = updated.municipalities.find((m) => m.municipality.name === 'Nes')!;
    expect(local).toMatchObject({
      ownStatus: 'COMPLETED',
      status: 'COMPLETED',
      progress: 100,
      note: 'Ferdig i Nes',
      version: 2,
    });
    expect(updated.municipalities.find((m) => m.municipality.name === 'Ullensaker')).toMatchObject({
      ownStatus: null,
      status: 'NOT_STARTED',
      progress: 0,
    });

    const stale = await api.gql(mutation, {
      input: { actionId: created.id, municipalityId: nes.municipality.id, expectedVersion: nes.version, progress: 10 },
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const notConcerned = await api.gql(mutation, {
      input: { actionId: created.id, municipalityId: ids.municipalities['Hurdal'], expectedVersion: 1, progress: 10 },
    });
    expect(notConcerned.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'municipalityId' });
  });

  it('adds, changes and removes involvements, with one lead at most', async () => {
    const { createAction: created } = await createAction('LOG-96');
    const [first, second] = ids.parties;
    const add = `mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { ${ACTION_FIELDS} } }`;

    await api.data(add, { input: { actionId: created.id, partyId: first.id, role: 'LEAD', level: 'STRATEGIC' } });
    const secondLead = await api.gql(add, {
      input: { actionId: created.id, partyId: second.id, role: 'LEAD', level: 'OPERATIONAL' },
    });
    expect(secondLead.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SECOND_LEAD' });
    const { addInvolvement: withPartner } = await api.data<{ addInvolvement: Action }>(add, {
      input: { actionId: created.id, partyId: second.id, role: 'PARTNER', level: 'OPERATIONAL' },
    });
    expect(withPartner.involvements.map((i) => [i.party.name, i.role, i.level])).toEqual([
      [first.name, 'LEAD', 'STRATEGIC'],
      [second.name, 'PARTNER', 'OPERATIONAL'],
    ]);

    const partner = withPartner.involvements[1];
    const { updateInvolvement: changed } = await api.data<{ updateInvolvement: Action }>(
      `mutation($input: UpdateInvolvementInput!) { updateInvolvement(input: $input) { ${ACTION_FIELDS} } }`,
      { input: { involvementId: partner.id, expectedVersion: partner.version, level: 'STRATEGIC' } },
    );
    expect(changed.involvements[1]).toMatchObject({ level: 'STRATEGIC', version: 2 });

    const { removeInvolvement: removed } = await api.data<{ removeInvolvement: Action }>(
      `mutation($input: RemoveInvolvementInput!) { removeInvolvement(input: $input) { ${ACTION_FIELDS} } }`,
      { input: { involvementId: partner.id, expectedVersion: 2 } },
    );
    expect(removed.involvements).toHaveLength(1);
  });

  it('changes an action’s frame and municipalities at its version', async () => {
    const { createAction: created } = await createAction('LOG-97');
    const { updateAction: updated } = await api.data<{ updateAction: Action & { title: string; dueDate: string } }>(
      `mutation($input: UpdateActionInput!) { updateAction(input: $input) { title dueDate ${ACTION_FIELDS} } }`,
      {
        input: {
          actionId: created.id,
          expectedVersion: 1,
          title: 'Nytt navn',
          dueDate: '2028-06-30',
          municipalityIds: [ids.municipalities['Hurdal']],
        },
      },
    );
    expect(updated).toMatchObject({ title: 'Nytt navn', dueDate: '2028-06-30', version: 2 });
    expect(updated.municipalities.map((m) => m.municipality.name)).toEqual(['Hurdal']);
  });

  it('keeps the history append-only: the database refuses to rewrite or delete it', async () => {
    await expect(api.db.dataSource.query(`UPDATE change_event SET actor_name = 'x'`)).rejects.toThrow(/append-only/);
    await expect(api.db.dataSource.query(`DELETE FROM change_event`)).rejects.toThrow(/append-only/);
    await expect(api.db.dataSource.query(`TRUNCATE change_event`)).rejects.toThrow(/append-only/);
    await expect(api.db.dataSource.query(`DELETE FROM status_update`)).rejects.toThrow(/append-only/);
  });

  it('numbers change events in commit order with no gaps between committed writes', async () => {
    const { createAction: created } = await createAction('LOG-98');
    const mutation = `mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }`;
    const [nes, ullensaker] = created.municipalities;
    const before = Number((await api.db.dataSource.query('SELECT max(seq) AS s FROM change_event'))[0].s);

    await Promise.all(
      [nes, ullensaker].flatMap((m) =>
        [1, 2, 3].map((n) =>
          api.gql(mutation, {
            input: { actionId: created.id, municipalityId: m.municipality.id, expectedVersion: n, note: `${n}` },
          }),
        ),
      ),
    );

    const seqs: { seq: string }[] = await api.db.dataSource.query(
      'SELECT seq FROM change_event WHERE seq > $1 ORDER BY seq',
      [before],
    );
    expect(seqs.length).toBeGreaterThan(0);
    seqs.forEach((row, index) => expect(Number(row.seq)).toBe(before + index + 1));
  });
});
