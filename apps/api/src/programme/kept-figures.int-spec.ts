import {
  type ActionStatus,
  assessHealth,
  type Health,
  isFinished,
  localFigures,
  osloDate,
  rollUpProgress,
} from '@tiltak/domain';
import type { DataSource } from 'typeorm';
import { MATRIX_CELL_FIELDS, type MatrixCell } from '../testing/matrix';
import { type GraphqlClient, startTestApi, type TestApi } from '../testing/test-api';

/** One kept cell's sums, keyed by focus area and municipality (null: the action axis). */
interface CellSums {
  key: string;
  actionCount: number;
  weightedProgress: number;
  countedWeight: number;
  notStarted: number;
  inProgress: number;
  onHold: number;
  completed: number;
  cancelled: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  overdueMilestones: number;
}

const SUM_COLUMNS = `count(*)::int AS "actionCount",
  COALESCE(sum(i.progress * i.weight) FILTER (WHERE i.status <> 'CANCELLED'), 0)::int AS "weightedProgress",
  COALESCE(sum(i.weight) FILTER (WHERE i.status <> 'CANCELLED'), 0)::int AS "countedWeight",
  count(*) FILTER (WHERE i.status = 'NOT_STARTED')::int AS "notStarted",
  count(*) FILTER (WHERE i.status = 'IN_PROGRESS')::int AS "inProgress",
  count(*) FILTER (WHERE i.status = 'ON_HOLD')::int AS "onHold",
  count(*) FILTER (WHERE i.status = 'COMPLETED')::int AS completed,
  count(*) FILTER (WHERE i.status = 'CANCELLED')::int AS cancelled,
  count(*) FILTER (WHERE i.status <> 'CANCELLED' AND i.health = 'ON_TRACK')::int AS "onTrack",
  count(*) FILTER (WHERE i.status <> 'CANCELLED' AND i.health = 'AT_RISK')::int AS "atRisk",
  count(*) FILTER (WHERE i.status <> 'CANCELLED' AND i.health = 'OFF_TRACK')::int AS "offTrack"`;

/**
 * The aggregate the matrix computed before figures were kept, over every action and participation:
 * local figures per municipality (as `LOCAL_ITEMS` did), the action's own per focus area.
 */
const FULL_AGGREGATE = `
  WITH items AS (
    SELECT p.municipality_id, a.focus_area_id, a.id, a.weight,
           COALESCE(p.status, a.status) AS status, COALESCE(p.progress, a.progress) AS progress,
           CASE WHEN p.status IS NULL AND p.progress IS NULL
                THEN COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, $1))
                ELSE tiltak_health(COALESCE(p.status, a.status), COALESCE(p.progress, a.progress), a.start_date, a.due_date, $1)
           END AS health
      FROM action a JOIN participation p ON p.action_id = a.id
    UNION ALL
    SELECT NULL, a.focus_area_id, a.id, a.weight, a.status, a.progress,
           COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, $1))
      FROM action a),
  overdue AS (
    SELECT i.focus_area_id, i.municipality_id, count(*)::int AS n
      FROM items i JOIN milestone m ON m.action_id = i.id
     WHERE m.completed_on IS NULL AND m.due_date < $1 AND i.status NOT IN ('COMPLETED', 'CANCELLED')
     GROUP BY 1, 2)
  SELECT i.focus_area_id || '/' || COALESCE(i.municipality_id::text, '-') AS key, ${SUM_COLUMNS},
         COALESCE(o.n, 0) AS "overdueMilestones"
    FROM items i
    LEFT JOIN overdue o ON o.focus_area_id = i.focus_area_id AND o.municipality_id IS NOT DISTINCT FROM i.municipality_id
   GROUP BY i.focus_area_id, i.municipality_id, o.n`;

const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);

/** The kept sums, leaving out cells that every contribution has left. */
async function keptCells(db: DataSource): Promise<CellSums[]> {
  const rows: Record<string, string | number>[] = await db.query(`
    SELECT focus_area_id || '/' || COALESCE(municipality_id::text, '-') AS key, action_count AS "actionCount",
           weighted_progress AS "weightedProgress", counted_weight AS "countedWeight", not_started AS "notStarted",
           in_progress AS "inProgress", on_hold AS "onHold", completed, cancelled, on_track AS "onTrack",
           at_risk AS "atRisk", off_track AS "offTrack", overdue_milestones AS "overdueMilestones"
      FROM kept_figure_cell`);
  return (
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'key' ? v : Number(v)])),
    ) as unknown as CellSums[]
  )
    .filter((row) => Object.entries(row).some(([k, v]) => k !== 'key' && v !== 0))
    .sort(byKey);
}

async function fullAggregate(db: DataSource, asOf: string): Promise<CellSums[]> {
  return ((await db.query(FULL_AGGREGATE, [asOf])) as CellSums[]).sort(byKey);
}

async function keptAsOf(db: DataSource): Promise<string> {
  return ((await db.query('SELECT as_of::text AS d FROM kept_figure_date')) as [{ d: string }])[0].d;
}

interface Rows {
  actions: {
    id: string;
    focusAreaId: string;
    status: ActionStatus;
    progress: number;
    weight: number;
    healthOverride: Health | null;
    startDate: string;
    dueDate: string;
  }[];
  participations: { actionId: string; municipalityId: string; status: ActionStatus | null; progress: number | null }[];
  milestones: { actionId: string; dueDate: string; completedOn: string | null }[];
}

async function readRows(db: DataSource): Promise<Rows> {
  return {
    actions: await db.query(`SELECT id, focus_area_id AS "focusAreaId", status, progress, weight,
      health_override AS "healthOverride", start_date::text AS "startDate", due_date::text AS "dueDate" FROM action`),
    participations: await db.query(
      `SELECT action_id AS "actionId", municipality_id AS "municipalityId", status, progress FROM participation`,
    ),
    milestones: await db.query(
      `SELECT action_id AS "actionId", due_date::text AS "dueDate", completed_on::text AS "completedOn" FROM milestone`,
    ),
  };
}

type Item = { key: string; status: ActionStatus; progress: number; weight: number; health: Health; overdue: number };

/** Every contribution as libs/domain computes it from the rows, judged on `asOf`. */
function domainItems(rows: Rows, asOf: string): Item[] {
  return rows.actions.flatMap((action) => {
    const health = action.healthOverride ?? assessHealth({ ...action, today: asOf }).health;
    const overdue = (status: ActionStatus) =>
      isFinished(status)
        ? 0
        : rows.milestones.filter((m) => m.actionId === action.id && m.completedOn === null && m.dueDate < asOf).length;
    const own = { ...action, health };
    return [
      { key: `${action.focusAreaId}/-`, ...own, overdue: overdue(action.status) },
      ...rows.participations
        .filter((p) => p.actionId === action.id)
        .map((p) => {
          const local = localFigures(own, p, asOf);
          return {
            key: `${action.focusAreaId}/${p.municipalityId}`,
            ...local,
            weight: action.weight,
            overdue: overdue(local.status),
          };
        }),
    ].map(({ key, status, progress, weight, health: h, overdue: n }) => ({
      key,
      status,
      progress,
      weight,
      health: h,
      overdue: n,
    }));
  });
}

function domainCells(items: Item[]): CellSums[] {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(item.key, [...(groups.get(item.key) ?? []), item]);
  return [...groups]
    .map(([key, group]) => {
      const rollUp = rollUpProgress(group);
      const counted = group.filter((i) => i.status !== 'CANCELLED');
      const status = (s: ActionStatus) => group.filter((i) => i.status === s).length;
      const health = (h: Health) => counted.filter((i) => i.health === h).length;
      return {
        key,
        actionCount: group.length,
        weightedProgress: rollUp.weightedSum,
        countedWeight: rollUp.totalWeight,
        notStarted: status('NOT_STARTED'),
        inProgress: status('IN_PROGRESS'),
        onHold: status('ON_HOLD'),
        completed: status('COMPLETED'),
        cancelled: status('CANCELLED'),
        onTrack: health('ON_TRACK'),
        atRisk: health('AT_RISK'),
        offTrack: health('OFF_TRACK'),
        overdueMilestones: group.reduce((n, i) => n + i.overdue, 0),
      };
    })
    .sort(byKey);
}

/** Holds every kept figure equal to the full SQL aggregate and to libs/domain, on the kept date. */
async function expectKeptFiguresRight(db: DataSource): Promise<CellSums[]> {
  const asOf = await keptAsOf(db);
  const kept = await keptCells(db);
  expect(kept).toEqual(await fullAggregate(db, asOf));
  expect(kept).toEqual(domainCells(domainItems(await readRows(db), asOf)));
  return kept;
}

/** What the API reads (matrix, focus areas, municipalities, programme) against libs/domain for today. */
async function expectReadsRight(api: TestApi): Promise<void> {
  const today = osloDate();
  const read = await api.data<{
    progressMatrix: MatrixCell[];
    focusAreas: { id: string; progress: number | null }[];
    municipalities: { id: string; progress: number | null }[];
    currentProgramme: { progress: number | null };
  }>(`{
    currentProgramme { progress } focusAreas { id progress } municipalities { id progress }
    progressMatrix { ${MATRIX_CELL_FIELDS} }
  }`);
  const items = domainItems(await readRows(api.db.dataSource), today);
  const cells = new Map(domainCells(items).map((cell) => [cell.key, cell]));
  for (const cell of read.progressMatrix) {
    const key = `${cell.focusAreaId}/${cell.municipalityId}`;
    const expected = cells.get(key);
    const group = items.filter((i) => i.key === key);
    expect({ key, ...cell }).toEqual({
      key,
      municipalityId: cell.municipalityId,
      focusAreaId: cell.focusAreaId,
      progress: rollUpProgress(group).progress,
      actionCount: group.length,
      byStatus: {
        notStarted: expected?.notStarted ?? 0,
        inProgress: expected?.inProgress ?? 0,
        onHold: expected?.onHold ?? 0,
        completed: expected?.completed ?? 0,
        cancelled: expected?.cancelled ?? 0,
      },
      byHealth: { onTrack: expected?.onTrack ?? 0, atRisk: expected?.atRisk ?? 0, offTrack: expected?.offTrack ?? 0 },
      overdueMilestones: expected?.overdueMilestones ?? 0,
    });
  }
  // Every total rolls up the matrix's own figures: a total moves only when one of its cells does.
  const local = items.filter((i) => !i.key.endsWith('/-'));
  expect(read.currentProgramme.progress).toBe(rollUpProgress(local).progress);
  for (const area of read.focusAreas) {
    expect({ area: area.id, progress: area.progress }).toEqual({
      area: area.id,
      progress: rollUpProgress(local.filter((i) => i.key.startsWith(`${area.id}/`))).progress,
    });
  }
  for (const municipality of read.municipalities) {
    expect({ municipality: municipality.id, progress: municipality.progress }).toEqual({
      municipality: municipality.id,
      progress: rollUpProgress(items.filter((i) => i.key.endsWith(`/${municipality.id}`))).progress,
    });
  }
}

/** mulberry32: a small seeded generator, so a failing sequence of writes can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ActionState {
  id: string;
  version: number;
  focusArea: { id: string };
  milestones: { id: string; version: number; completedOn: string | null }[];
  municipalities: { municipality: { id: string }; version: number }[];
}

const ACTION_STATE = `query($id: ID!) { action(id: $id) {
  id version focusArea { id } milestones { id version completedOn } municipalities { municipality { id } version }
} }`;

const STATUSES: ActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'];

/** One random write through the API; returns its kind and whether the API accepted it. */
async function randomWrite(
  client: GraphqlClient,
  random: () => number,
  actionId: string,
  ids: { municipalities: string[]; focusAreas: string[] },
): Promise<{ kind: string; ok: boolean; refusal?: string }> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const { action } = await client.data<{ action: ActionState }>(ACTION_STATE, { id: actionId });
  const day = () => `${2024 + Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
  const run = async (kind: string, mutation: string, input: Record<string, unknown>) => {
    const field = mutation[0].toLowerCase() + mutation.slice(1);
    const inputType = /^(Complete|Reopen|Delete)Milestone$/.test(mutation) ? 'MilestoneVersion' : mutation;
    const { errors } = await client.gql(`mutation($input: ${inputType}Input!) { ${field}(input: $input) { id } }`, {
      input,
    });
    if (errors && !errors.every((e) => ['BAD_USER_INPUT', 'CONFLICT'].includes(e.extensions?.code ?? ''))) {
      throw new Error(`${kind}: ${JSON.stringify(errors)}`);
    }
    return { kind, ok: !errors, refusal: errors?.map((e) => e.extensions?.reason ?? e.message).join() };
  };
  const milestone = action.milestones.length > 0 ? pick(action.milestones) : null;
  const roll = random();
  if (roll < 0.2) {
    return run('status', 'UpdateActionStatus', {
      actionId,
      expectedVersion: action.version,
      status: pick(STATUSES),
      ...(action.milestones.length === 0 ? { progress: Math.floor(random() * 101) } : {}),
    });
  }
  if (roll < 0.3 || !milestone) {
    return run('milestone:create', 'CreateMilestone', {
      actionId,
      title: 'Delmål',
      dueDate: day(),
      weight: 1 + Math.floor(random() * 5),
    });
  }
  if (roll < 0.45) {
    const name = milestone.completedOn ? 'ReopenMilestone' : 'CompleteMilestone';
    return run(`milestone:${name}`, name, { milestoneId: milestone.id, expectedVersion: milestone.version });
  }
  if (roll < 0.5) {
    return run('milestone:delete', 'DeleteMilestone', {
      milestoneId: milestone.id,
      expectedVersion: milestone.version,
    });
  }
  if (roll < 0.58) {
    return run('milestone:update', 'UpdateMilestone', {
      milestoneId: milestone.id,
      expectedVersion: milestone.version,
      weight: 1 + Math.floor(random() * 5),
      dueDate: day(),
    });
  }
  if (roll < 0.8) {
    const local = pick(action.municipalities);
    return run('municipality:own', 'UpdateActionMunicipality', {
      actionId,
      municipalityId: local.municipality.id,
      expectedVersion: local.version,
      status: random() < 0.3 ? null : pick(STATUSES),
      progress: random() < 0.3 ? null : Math.floor(random() * 101),
    });
  }
  if (roll < 0.92) {
    const current = action.municipalities.map((m) => m.municipality.id);
    const other = ids.municipalities.filter((id) => !current.includes(id));
    const next =
      (random() < 0.5 && current.length > 1) || other.length === 0
        ? current.filter((id) => id !== pick(current))
        : [...current, pick(other)];
    return run('municipalities', 'UpdateAction', {
      actionId,
      expectedVersion: action.version,
      municipalityIds: next.length > 0 ? next : current,
    });
  }
  return run('focusArea', 'UpdateAction', {
    actionId,
    expectedVersion: action.version,
    focusAreaId: pick(ids.focusAreas.filter((id) => id !== action.focusArea.id)),
  });
}

describe('kept progress figures', () => {
  let api: TestApi;
  let db: DataSource;
  let ids: { actions: string[]; municipalities: string[]; focusAreas: string[] };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.db.dataSource;
    const data = await api.data<{
      actions: { edges: { node: { id: string } }[] };
      municipalities: { id: string }[];
      focusAreas: { id: string }[];
    }>('{ actions(first: 100) { edges { node { id } } } municipalities { id } focusAreas { id } }');
    ids = {
      actions: data.actions.edges.map((e) => e.node.id),
      municipalities: data.municipalities.map((m) => m.id),
      focusAreas: data.focusAreas.map((f) => f.id),
    };
  });

  afterAll(async () => {
    await api?.close();
  });

  it('start equal to the full aggregate and to libs/domain, judged today', async () => {
    expect(await keptAsOf(db)).toBe(osloDate());
    const kept = await expectKeptFiguresRight(db);
    expect(kept.length).toBeGreaterThan(ids.focusAreas.length);
    await expectReadsRight(api);
  });

  it('stay equal after 300 seeded random writes through the API', async () => {
    const random = seeded(20261201);
    const done = new Map<string, number>();
    const refused = new Map<string, string[]>();
    for (let i = 0; i < 300; i++) {
      const actionId = ids.actions[Math.floor(random() * ids.actions.length)];
      const { kind, ok, refusal } = await randomWrite(api, random, actionId, ids);
      if (ok) done.set(kind, (done.get(kind) ?? 0) + 1);
      else refused.set(kind, [...(refused.get(kind) ?? []), refusal ?? '']);
    }
    // Every kind of write must have happened, or this test proves less than it claims.
    expect([...done.values()].reduce((n, count) => n + count, 0)).toBeGreaterThanOrEqual(150);
    for (const kind of [
      'status',
      'milestone:create',
      'milestone:CompleteMilestone',
      'milestone:ReopenMilestone',
      'milestone:delete',
      'milestone:update',
      'municipality:own',
      'municipalities',
      'focusArea',
    ]) {
      expect({ kind, done: (done.get(kind) ?? 0) > 0, refused: refused.get(kind)?.slice(0, 3) }).toEqual({
        kind,
        done: true,
        refused: refused.get(kind)?.slice(0, 3),
      });
    }
    await expectKeptFiguresRight(db);
    await expectReadsRight(api);
  }, 240_000);

  it('refreshes idempotently, and removes the contribution of an action that is gone', async () => {
    const before = await keptCells(db);
    await db.query('SELECT tiltak_refresh_action_figures($1::uuid[])', [ids.actions]);
    await db.query('SELECT tiltak_refresh_action_figures($1::uuid[])', [ids.actions]);
    expect(await keptCells(db)).toEqual(before);

    const [{ code }]: { code: string }[] = await db.query('SELECT code FROM focus_area WHERE id = $1', [
      ids.focusAreas[0],
    ]);
    const { createAction } = await api.data<{ createAction: { id: string } }>(
      `mutation($input: CreateActionInput!) { createAction(input: $input) { id } }`,
      {
        input: {
          code: `${code}-999`,
          title: 'Forsvinner',
          focusAreaId: ids.focusAreas[0],
          municipalityIds: ids.municipalities.slice(0, 3),
          startDate: '2025-01-01',
          dueDate: '2025-06-01',
          weight: 7,
        },
      },
    );
    const withIt = await expectKeptFiguresRight(db);
    expect(withIt).not.toEqual(before);
    await db.transaction(async (manager) => {
      await manager.query('DELETE FROM action WHERE id = $1', [createAction.id]);
      await manager.query('SELECT tiltak_refresh_action_figures($1::uuid[])', [[createAction.id]]);
    });
    expect(await expectKeptFiguresRight(db)).toEqual(before);
  });

  it('judge health and overdue milestones on the kept date: a rebuild for a later day, writes judged on it', async () => {
    const today = osloDate();
    const todayCells = await expectKeptFiguresRight(db);
    await db.query(`SELECT tiltak_rebuild_figures('2031-01-01')`);
    expect(await keptAsOf(db)).toBe('2031-01-01');
    const later = await expectKeptFiguresRight(db);
    // Past every due date: unfinished actions go off track, and more milestones are overdue.
    const sum = (cells: CellSums[], field: keyof Omit<CellSums, 'key'>) => cells.reduce((n, c) => n + c[field], 0);
    expect(sum(later, 'offTrack')).toBeGreaterThan(sum(todayCells, 'offTrack'));
    expect(sum(later, 'overdueMilestones')).toBeGreaterThan(sum(todayCells, 'overdueMilestones'));

    // A write's refresh judges at the kept date, so the figures stay one picture.
    const random = seeded(7);
    for (let i = 0; i < 10; i++) await randomWrite(api, random, ids.actions[i], ids);
    expect(await keptAsOf(db)).toBe('2031-01-01');
    await expectKeptFiguresRight(db);

    // A read on a day other than the kept one rebuilds for that day first.
    await db.query(`SELECT tiltak_rebuild_figures('2020-01-01')`);
    await expectReadsRight(api);
    expect(await keptAsOf(db)).toBe(today);
    await expectKeptFiguresRight(db);
  }, 60_000);

  it('stay equal to the full aggregate after parallel writes on actions sharing cells, and a rebuild among them', async () => {
    const [shared] = await db.query(`
      SELECT p.municipality_id AS "municipalityId", a.focus_area_id AS "focusAreaId",
             array_agg(a.id ORDER BY a.code) AS "actionIds"
        FROM action a JOIN participation p ON p.action_id = a.id
       GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`);
    const actionIds = (shared as { actionIds: string[] }).actionIds.slice(0, 8);
    expect(actionIds.length).toBeGreaterThanOrEqual(4);
    const random = seeded(99);
    for (let round = 0; round < 5; round++) {
      const clients = actionIds.map(() => seeded(Math.floor(random() * 1e9)));
      await Promise.all([
        ...actionIds.map((id, i) => randomWrite(api, clients[i], id, ids)),
        // Two writes on one action at once, which no version check keeps apart.
        ...[1, 2].map((weight) =>
          api.data(`mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }`, {
            input: { actionId: actionIds[0], title: 'Samtidig', dueDate: '2025-03-01', weight },
          }),
        ),
        db.query('SELECT tiltak_rebuild_figures($1::date)', [osloDate()]),
      ]);
      await expectKeptFiguresRight(db);
    }
  }, 120_000);
});
