import { localFigures, osloDate, rollUpProgress, assessHealth, type ActionStatus, type Health } from '@tiltak/domain';
import { countsOf, MATRIX_CELL_FIELDS, type MatrixCell } from '../testing/matrix';
import { startTestApi, type TestApi } from '../testing/test-api';

interface ActionRow {
  id: string;
  focusArea: { id: string };
  status: ActionStatus;
  progress: number;
  weight: number;
  health: Health;
  startDate: string;
  dueDate: string;
  municipalities: {
    municipality: { id: string };
    ownStatus: ActionStatus | null;
    ownProgress: number | null;
    status: ActionStatus;
    progress: number;
    health: Health;
  }[];
  milestones: { dueDate: string; completedOn: string | null }[];
}

const ALL_ACTIONS = `{
  actions(first: 100) { totalCount edges { node {
    id status progress weight health startDate dueDate focusArea { id }
    municipalities { municipality { id } ownStatus ownProgress status progress health }
    milestones { dueDate completedOn }
  } } }
}`;

describe('progress you can explain (demo programme)', () => {
  let api: TestApi;
  let actions: ActionRow[];

  beforeAll(async () => {
    api = await startTestApi();
    const { actions: page } = await api.data<{ actions: { totalCount: number; edges: { node: ActionRow }[] } }>(
      ALL_ACTIONS,
    );
    expect(page.totalCount).toBeLessThanOrEqual(100);
    actions = page.edges.map((edge) => edge.node);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('holds 40 or more actions with milestones in 2025–2028', () => {
    expect(actions.length).toBeGreaterThanOrEqual(40);
    const dates = actions.flatMap((a) => a.milestones.map((m) => m.dueDate)).sort();
    expect(dates[0] >= '2025-01-01' && dates.at(-1)! <= '2028-12-31').toBe(true);
  });

  it('gives every municipality × focus area cell the numbers the domain rules give, computed in SQL', async () => {
    const today = osloDate();
    const { progressMatrix, municipalities, focusAreas } = await api.data<{
      progressMatrix: MatrixCell[];
      municipalities: { id: string }[];
      focusAreas: { id: string }[];
    }>(`{
      municipalities { id } focusAreas { id }
      progressMatrix { ${MATRIX_CELL_FIELDS} }
    }`);

    expect(municipalities).toHaveLength(6);
    expect(progressMatrix).toHaveLength(6 * focusAreas.length);
    for (const cell of progressMatrix) {
      const items = actions.flatMap((action) =>
        action.focusArea.id !== cell.focusAreaId
          ? []
          : action.municipalities
              .filter((m) => m.municipality.id === cell.municipalityId)
              .map((m) => ({
                ...localFigures(action, { status: m.ownStatus, progress: m.ownProgress }, today),
                weight: action.weight,
                action,
              })),
      );
      const expectedOverdue = items
        .filter((item) => item.status !== 'COMPLETED' && item.status !== 'CANCELLED')
        .reduce((n, item) => n + item.action.milestones.filter((m) => !m.completedOn && m.dueDate < today).length, 0);

      expect({ cell: `${cell.municipalityId}/${cell.focusAreaId}`, ...cell }).toEqual({
        cell: `${cell.municipalityId}/${cell.focusAreaId}`,
        municipalityId: cell.municipalityId,
        focusAreaId: cell.focusAreaId,
        progress: rollUpProgress(items).progress,
        actionCount: items.length,
        ...countsOf(items),
        overdueMilestones: expectedOverdue,
      });
    }
    // The demo programme must exercise the interesting paths, or this test proves little.
    expect(progressMatrix.some((cell) => cell.byStatus.cancelled > 0)).toBe(true);
    expect(progressMatrix.some((cell) => cell.overdueMilestones > 0)).toBe(true);
    expect(new Set(progressMatrix.map((cell) => cell.progress)).size).toBeGreaterThan(10);
  });

  it('rolls up focus areas, municipalities and the programme in SQL exactly as libs/domain does', async () => {
    const { currentProgramme, focusAreas, municipalities } = await api.data<{
      currentProgramme: { progress: number };
      focusAreas: { id: string; progress: number | null }[];
      municipalities: { id: string; progress: number | null }[];
    }>('{ currentProgramme { progress } focusAreas { id progress } municipalities { id progress } }');

    const local = actions.flatMap((a) =>
      a.municipalities.map((m) => ({ ...m, focusAreaId: a.focusArea.id, weight: a.weight })),
    );
    // Row, column and programme totals all roll up the matrix's cells, on the municipalities' own figures.
    expect(currentProgramme.progress).toBe(rollUpProgress(local).progress);
    for (const area of focusAreas) {
      expect(area.progress).toBe(rollUpProgress(local.filter((m) => m.focusAreaId === area.id)).progress);
    }
    for (const municipality of municipalities) {
      expect(municipality.progress).toBe(
        rollUpProgress(local.filter((m) => m.municipality.id === municipality.id)).progress,
      );
    }
  });

  it('computes each action’s health in SQL filters as the domain does', async () => {
    const today = osloDate();
    for (const health of ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const) {
      const { actions: filtered } = await api.data<{ actions: { edges: { node: { id: string } }[] } }>(
        `query($h: [Health!]) { actions(first: 100, filter: { healths: $h }) { edges { node { id } } } }`,
        { h: [health] },
      );
      const expected = actions
        .filter((a) => a.health === health)
        .map((a) => a.id)
        .sort();
      expect(filtered.edges.map((e) => e.node.id).sort()).toEqual(expected);
    }
    const computed = actions.filter((a) => assessHealth({ ...a, today }).health !== a.health);
    // Only overridden actions may differ from the computed health.
    const { actions: overridden } = await api.data<{
      actions: { edges: { node: { id: string; healthOverride: object | null } }[] };
    }>('{ actions(first: 100) { edges { node { id healthOverride { health } } } } }');
    const overriddenIds = new Set(overridden.edges.filter((e) => e.node.healthOverride).map((e) => e.node.id));
    expect(computed.every((a) => overriddenIds.has(a.id))).toBe(true);
  });

  it('explains a municipality’s figure action by action, with weights and cancelled actions marked', async () => {
    const { municipalities } = await api.data<{ municipalities: { id: string; name: string; progress: number }[] }>(
      '{ municipalities { id name progress } }',
    );
    const nes = municipalities.find((m) => m.name === 'Nes')!;
    const { progressExplanation } = await api.data<{
      progressExplanation: {
        progress: number;
        method: string;
        totalWeight: number;
        contributions: { code: string; progress: number; weight: number; counted: boolean; status: string }[];
      };
    }>(
      `query($m: ID) { progressExplanation(municipalityId: $m) {
        progress method totalWeight contributions { code progress weight counted status } } }`,
      { m: nes.id },
    );

    expect(progressExplanation.progress).toBe(nes.progress);
    expect(progressExplanation.contributions.length).toBeGreaterThan(0);
    expect(progressExplanation.contributions.filter((c) => !c.counted).every((c) => c.status === 'CANCELLED')).toBe(
      true,
    );
    expect(progressExplanation.totalWeight).toBe(
      progressExplanation.contributions.filter((c) => c.counted).reduce((sum, c) => sum + c.weight, 0),
    );
  });
});
