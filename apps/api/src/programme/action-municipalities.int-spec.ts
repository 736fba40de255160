import { type GraphqlClient, startTestApi, type TestApi } from '../testing/test-api';

/**
 * Taking a municipality off an action deletes that municipality's own status, progress and note:
 * a coordinator adds or takes off only their own, and creates actions only for it. Refused changes
 * leave the action, its municipalities and the change log as they were.
 */
describe('the municipalities of an action, in a coordinator’s hands', () => {
  let api: TestApi;
  let nes: GraphqlClient;
  let fixture: { actions: { nes: { id: string } }; municipalities: Record<string, string>; focusAreaId: string };

  const versions = async (actionId: string) => {
    const [row] = await api.db.dataSource.query(
      `SELECT a.version,
              (SELECT count(*) FROM change_event)::int AS events,
              (SELECT coalesce(sum(version), 0) FROM participation WHERE action_id = a.id)::int AS participations
         FROM action a WHERE a.id = $1`,
      [actionId],
    );
    return row as { version: number; events: number; participations: number };
  };

  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production', DEMO_DATA: 'always' });
    const frame = await api.data<{
      municipalities: { id: string; name: string }[];
      focusAreas: { id: string; code: string }[];
    }>('{ municipalities { id name } focusAreas { id code } }');
    const municipalities = Object.fromEntries(frame.municipalities.map((m) => [m.name, m.id]));
    const focusAreaId = frame.focusAreas.find((f) => f.code === 'POL')!.id;
    const { createAction } = await api.data<{ createAction: { id: string } }>(
      'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
      {
        input: {
          code: 'POL-70',
          title: 'Nes-tiltak',
          focusAreaId,
          municipalityIds: [municipalities['Nes']],
          startDate: '2026-01-01',
          dueDate: '2027-12-31',
        },
      },
    );
    fixture = { actions: { nes: createAction }, municipalities, focusAreaId };
    nes = await api.as('koordinator.nes@tiltak.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses a coordinator who moves an action out of their municipality, whole', async () => {
    const nesAction = fixture.actions.nes.id;
    const before = await versions(nesAction);
    const { errors } = await nes.gql('mutation($input: UpdateActionInput!) { updateAction(input: $input) { id } }', {
      input: {
        actionId: nesAction,
        expectedVersion: before.version,
        title: 'Flyttet',
        municipalityIds: [fixture.municipalities['Eidsvoll']],
      },
    });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await versions(nesAction)).toEqual(before);
  });

  it('lets a coordinator add or take off only their own municipality, and create actions only for it', async () => {
    const { Nes, Eidsvoll, Hurdal } = fixture.municipalities;
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
});
