import {
  actionProgress,
  type ActionStatus,
  assessHealth,
  type Health,
  isFinished,
  localFigures,
  osloDate,
  rollUpProgress,
} from '@tiltak/domain';
import { countsOf, MATRIX_CELL_FIELDS, type MatrixCell } from '../testing/matrix';
import { startTestApi, type TestApi } from '../testing/test-api';

const ROUNDS = 20;
const MILESTONES = 5;

interface ActionRow {
  id: string;
  focus_area_id: string;
  status: ActionStatus;
  progress: number;
  manual_progress: number | null;
  weight: number;
  health_override: Health | null;
  start_date: string;
  due_date: string;
  version: number;
}

interface LoggedEvent {
  seq: string;
  entity: string;
  entity_id: string;
  operation: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('concurrent writes to one action', () => {
  let api: TestApi;
  let action: { id: string; focusAreaId: string; municipalityIds: string[] };
  let milestones: { id: string; version: number }[];
  let firstSeq: number;

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => api.db.dataSource.query(sql, params);

  beforeAll(async () => {
    api = await startTestApi();
    const [area] = await query<{ id: string; code: string }>(
      'SELECT id, code FROM focus_area ORDER BY sort_order LIMIT 1',
    );
    const municipalities = await query<{ id: string }>(
      `SELECT id FROM municipality WHERE slug IN ('nes', 'ullensaker') ORDER BY slug`,
    );
    const { createAction } = await api.data<{ createAction: { id: string } }>(
      `mutation($input: CreateActionInput!) { createAction(input: $input) { id } }`,
      {
        input: {
          code: `${area.code}-901`,
          title: 'Samtidige endringer',
          focusAreaId: area.id,
          municipalityIds: municipalities.map((m) => m.id),
          startDate: '2026-01-01',
          dueDate: '2027-12-31',
        },
      },
    );
    action = { id: createAction.id, focusAreaId: area.id, municipalityIds: municipalities.map((m) => m.id) };
    milestones = [];
    for (let i = 1; i <= MILESTONES; i++) {
      const { createMilestone } = await api.data<{
        createMilestone: { milestones: { id: string; version: number }[] };
      }>(`mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { milestones { id version } } }`, {
        input: { actionId: action.id, title: `Milepæl ${i}`, dueDate: `2026-0${i}-15`, weight: i },
      });
      milestones = createMilestone.milestones;
    }
    const [{ seq }] = await query<{ seq: string }>('SELECT max(seq) AS seq FROM change_event');
    firstSeq = Number(seq);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A status update as a person would make it: on a conflict, look again and retry. */
  const updateStatus = async (round: number): Promise<void> => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const [{ version }] = await query<{ version: number }>('SELECT version FROM action WHERE id = $1', [action.id]);
      const { errors } = await api.gql(
        `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }`,
        { input: { actionId: action.id, expectedVersion: version, status: 'IN_PROGRESS', comment: `Runde ${round}` } },
      );
      if (!errors) return;
      expect(errors[0].extensions?.code).toBe('CONFLICT');
    }
    throw new Error('The status update never got through');
  };

  let ownVersion = 1;
  const updateOwnFigures = async (round: number): Promise<void> => {
    const { updateActionMunicipality } = await api.data<{
      updateActionMunicipality: { municipalities: { municipality: { id: string }; version: number }[] };
    }>(
      `mutation($input: UpdateActionMunicipalityInput!) {
         updateActionMunicipality(input: $input) { municipalities { municipality { id } version } } }`,
      {
        input: {
          actionId: action.id,
          municipalityId: action.municipalityIds[0],
          expectedVersion: ownVersion,
          progress: (round * 7) % 101,
        },
      },
    );
    ownVersion = updateActionMunicipality.municipalities.find(
      (m) => m.municipality.id === action.municipalityIds[0],
    )!.version;
  };

  const toggleMilestone = async (index: number, complete: boolean): Promise<void> => {
    const mutation = complete ? 'completeMilestone' : 'reopenMilestone';
    const milestone = milestones[index];
    const result = await api.data<Record<string, { milestones: { id: string; version: number }[] }>>(
      `mutation($input: MilestoneVersionInput!) { ${mutation}(input: $input) { milestones { id version } } }`,
      { input: { milestoneId: milestone.id, expectedVersion: milestone.version } },
    );
    milestones[index] = result[mutation].milestones.find((m) => m.id === milestone.id)!;
  };

  /** The cell's figures as libs/domain computes them from the stored rows. */
  const expectedCell = async (municipalityId: string, focusAreaId: string, today: string) => {
    const rows = await query<ActionRow & { own_status: ActionStatus | null; own_progress: number | null }>(
      `SELECT a.*, a.start_date::text AS start_date, a.due_date::text AS due_date,
              p.status AS own_status, p.progress AS own_progress
         FROM action a JOIN participation p ON p.action_id = a.id
        WHERE p.municipality_id = $1 AND a.focus_area_id = $2`,
      [municipalityId, focusAreaId],
    );
    const open = await query<{ action_id: string; due_date: string }>(
      `SELECT action_id, due_date::text AS due_date FROM milestone WHERE completed_on IS NULL AND action_id = ANY($1)`,
      [rows.map((r) => r.id)],
    );
    const items = rows.map((row) => {
      const health =
        row.health_override ??
        assessHealth({
          status: row.status,
          progress: row.progress,
          startDate: row.start_date,
          dueDate: row.due_date,
          today,
        }).health;
      const local = localFigures(
        { status: row.status, progress: row.progress, health, startDate: row.start_date, dueDate: row.due_date },
        { status: row.own_status, progress: row.own_progress },
        today,
      );
      const overdue = isFinished(local.status)
        ? 0
        : open.filter((m) => m.action_id === row.id && m.due_date < today).length;
      return { ...local, weight: row.weight, overdue };
    });
    return {
      municipalityId,
      focusAreaId,
      progress: rollUpProgress(items).progress,
      actionCount: items.length,
      ...countsOf(items),
      overdueMilestones: items.reduce((sum, item) => sum + item.overdue, 0),
    };
  };

  const checkFigures = async (): Promise<void> => {
    const today = osloDate();
    const [stored] = await query<ActionRow>('SELECT * FROM action WHERE id = $1', [action.id]);
    const rows = await query<{ weight: number; completed: boolean }>(
      'SELECT weight, completed_on IS NOT NULL AS completed FROM milestone WHERE action_id = $1',
      [action.id],
    );
    expect(stored.progress).toBe(actionProgress(rows, stored.manual_progress).progress);

    const { progressMatrix, currentProgramme } = await api.data<{
      progressMatrix: MatrixCell[];
      currentProgramme: { progress: number | null };
    }>(`{ currentProgramme { progress }
          progressMatrix { ${MATRIX_CELL_FIELDS} } }`);
    for (const municipalityId of action.municipalityIds) {
      const cell = progressMatrix.find(
        (c) => c.municipalityId === municipalityId && c.focusAreaId === action.focusAreaId,
      );
      expect(cell).toEqual(await expectedCell(municipalityId, action.focusAreaId, today));
    }
    // The programme rolls up every cell: each action once in each municipality, on its own figures there.
    const all = await query<{ status: ActionStatus; progress: number; weight: number }>(
      `SELECT COALESCE(p.status, a.status) AS status, COALESCE(p.progress, a.progress) AS progress, a.weight
         FROM action a JOIN participation p ON p.action_id = a.id`,
    );
    expect(currentProgramme.progress).toBe(rollUpProgress(all).progress);
  };

  it(`keeps every figure equal to the domain's after ${ROUNDS} rounds of parallel writes`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const complete = round % 2 === 1;
      await Promise.all([
        ...milestones.map((_, index) => toggleMilestone(index, complete)),
        updateStatus(round),
        updateOwnFigures(round),
      ]);
      await checkFigures();
    }
    const [{ progress }] = await query<{ progress: number }>('SELECT progress FROM action WHERE id = $1', [action.id]);
    expect(progress).toBe(ROUNDS % 2 === 1 ? 100 : 0);
  });

  it('logs exactly one event per row written, each before equal to the previous after, in commit order', async () => {
    const events = await query<LoggedEvent>('SELECT * FROM change_event WHERE seq > $1 ORDER BY seq', [firstSeq]);
    const count = (entity: string) => events.filter((e) => e.entity === entity).length;
    expect(count('milestone')).toBe(ROUNDS * MILESTONES);
    expect(count('status_update')).toBe(ROUNDS);
    expect(count('participation')).toBe(ROUNDS);
    // Every milestone write moved the action's progress; every status update changed the action.
    expect(count('action')).toBe(ROUNDS * MILESTONES + ROUNDS);

    const byRecord = new Map<string, LoggedEvent[]>();
    for (const event of events) {
      const key = `${event.entity}:${event.entity_id}`;
      byRecord.set(key, [...(byRecord.get(key) ?? []), event]);
    }
    for (const chain of byRecord.values()) {
      chain.slice(1).forEach((event, i) => {
        expect(event.before).toMatchObject({ version: chain[i].after?.['version'] });
        if (event.entity === 'action') expect(event.before?.['progress']).toBe(chain[i].after?.['progress']);
      });
    }
  });
});
