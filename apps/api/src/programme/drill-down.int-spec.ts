import { MATRIX_CELL_FIELDS, type MatrixCell } from '../testing/matrix';
import { startTestApi, type TestApi } from '../testing/test-api';

interface Explanation {
  progress: number | null;
  weightedSum: number;
  totalWeight: number;
  actionCount: number;
  byHealth: { onTrack: number; atRisk: number; offTrack: number };
  overdueMilestones: number;
  contributions: { municipalityId: string; weight: number; counted: boolean; overdueMilestones: number }[];
}

const EXPLANATION_FIELDS = `progress weightedSum totalWeight actionCount overdueMilestones
  byHealth { onTrack atRisk offTrack } contributions { municipalityId weight counted overdueMilestones }`;

interface Figures {
  progressMatrix: MatrixCell[];
  focusAreas: { id: string; progress: number | null }[];
  municipalities: { id: string; progress: number | null }[];
  currentProgramme: { progress: number | null };
}

const FIGURES = `{
  currentProgramme { progress } focusAreas { id progress } municipalities { id progress }
  progressMatrix { ${MATRIX_CELL_FIELDS} }
}`;

/**
 * What the list behind a cell, a municipality page and a focus-area page show comes from
 * `progressExplanation`; it must say what the matrix and its totals say, or a drill-down would not
 * add up.
 */
describe('drill-downs that add up (demo programme)', () => {
  let api: TestApi;

  const explain = async (scope: { municipalityId?: string; focusAreaId?: string }) =>
    (
      await api.data<{ progressExplanation: Explanation }>(
        `query($m: ID, $f: ID) { progressExplanation(municipalityId: $m, focusAreaId: $f) { ${EXPLANATION_FIELDS} } }`,
        { m: scope.municipalityId ?? null, f: scope.focusAreaId ?? null },
      )
    ).progressExplanation;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('explains every cell with the cell’s own count, health counts, overdue milestones and progress', async () => {
    const { progressMatrix } = await api.data<Figures>(FIGURES);
    expect(progressMatrix).toHaveLength(36);

    for (const cell of progressMatrix) {
      const sut = await explain(cell);
      expect({ cell: `${cell.municipalityId}/${cell.focusAreaId}`, ...pick(sut) }).toEqual({
        cell: `${cell.municipalityId}/${cell.focusAreaId}`,
        progress: cell.progress,
        actionCount: cell.actionCount,
        byHealth: cell.byHealth,
        overdueMilestones: cell.overdueMilestones,
      });
      expect(sut.contributions.every((c) => c.municipalityId === cell.municipalityId)).toBe(true);
      expect(sut.contributions.reduce((n, c) => n + c.overdueMilestones, 0)).toBe(cell.overdueMilestones);
      expect(sut.totalWeight).toBe(sut.contributions.filter((c) => c.counted).reduce((n, c) => n + c.weight, 0));
    }
    // Cells with something to disagree about, or the sweep proves little.
    expect(progressMatrix.filter((c) => c.byHealth.atRisk + c.byHealth.offTrack > 0).length).toBeGreaterThan(3);
    expect(progressMatrix.some((c) => c.overdueMilestones > 0)).toBe(true);
  });

  it('filters a municipality’s list by its own status and health, as its cells count them', async () => {
    const { progressMatrix } = await api.data<Figures>(FIGURES);
    const count = async (cell: MatrixCell, filter: Record<string, unknown>) =>
      (
        await api.data<{ actions: { totalCount: number } }>(
          'query($filter: ActionFilterInput) { actions(filter: $filter, first: 1) { totalCount } }',
          { filter: { municipalityIds: [cell.municipalityId], focusAreaIds: [cell.focusAreaId], ...filter } },
        )
      ).actions.totalCount;

    for (const cell of progressMatrix) {
      const sut = {
        cell: `${cell.municipalityId}/${cell.focusAreaId}`,
        atRisk: await count(cell, { healths: ['AT_RISK'] }),
        offTrack: await count(cell, { healths: ['OFF_TRACK'] }),
        completed: await count(cell, { statuses: ['COMPLETED'] }),
      };
      expect(sut).toEqual({
        cell: sut.cell,
        atRisk: cell.byHealth.atRisk,
        offTrack: cell.byHealth.offTrack,
        completed: cell.byStatus.completed,
      });
    }
  });

  it('explains each row, column and the programme with the totals the overview shows', async () => {
    const figures = await api.data<Figures>(FIGURES);
    const cellsOf = (match: (cell: MatrixCell) => boolean) => figures.progressMatrix.filter(match);
    const summed = (cells: MatrixCell[]) => ({
      actionCount: cells.reduce((n, c) => n + c.actionCount, 0),
      overdueMilestones: cells.reduce((n, c) => n + c.overdueMilestones, 0),
      byHealth: {
        onTrack: cells.reduce((n, c) => n + c.byHealth.onTrack, 0),
        atRisk: cells.reduce((n, c) => n + c.byHealth.atRisk, 0),
        offTrack: cells.reduce((n, c) => n + c.byHealth.offTrack, 0),
      },
    });

    for (const municipality of figures.municipalities) {
      const sut = await explain({ municipalityId: municipality.id });
      expect(pick(sut)).toEqual({
        progress: municipality.progress,
        ...summed(cellsOf((c) => c.municipalityId === municipality.id)),
      });
    }
    for (const area of figures.focusAreas) {
      const sut = await explain({ focusAreaId: area.id });
      expect(pick(sut)).toEqual({ progress: area.progress, ...summed(cellsOf((c) => c.focusAreaId === area.id)) });
    }
    expect(pick(await explain({}))).toEqual({
      progress: figures.currentProgramme.progress,
      ...summed(figures.progressMatrix),
    });
  });

  it('moves a column total only when a cell of the column moves', async () => {
    // An action whose every municipality keeps its own progress: completing a milestone moves the
    // action's own figure, but none of the cells, which show the municipalities' figures.
    const { actions } = await api.data<{
      actions: {
        edges: {
          node: {
            id: string;
            progress: number;
            focusArea: { id: string };
            municipalities: { municipality: { id: string }; version: number }[];
            milestones: { id: string; completedOn: string | null; version: number }[];
          };
        }[];
      };
    }>(`{ actions(first: 100) { edges { node {
      id progress focusArea { id }
      municipalities { municipality { id } version }
      milestones { id completedOn version }
    } } } }`);
    const action = actions.edges
      .map((edge) => edge.node)
      .find((a) => a.milestones.filter((m) => m.completedOn === null).length >= 2)!;
    expect(action).toBeDefined();
    for (const local of action.municipalities) {
      await api.data(
        `mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }`,
        {
          input: {
            actionId: action.id,
            municipalityId: local.municipality.id,
            expectedVersion: local.version,
            progress: 40,
          },
        },
      );
    }
    const before = await api.data<Figures>(FIGURES);
    const milestone = action.milestones.find((m) => m.completedOn === null)!;

    const { completeMilestone } = await api.data<{ completeMilestone: { progress: number } }>(
      `mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { progress } }`,
      { input: { milestoneId: milestone.id, expectedVersion: milestone.version } },
    );

    expect(completeMilestone.progress).toBeGreaterThan(action.progress);
    const after = await api.data<Figures>(FIGURES);
    const column = (figures: Figures) => ({
      cells: figures.progressMatrix.filter((c) => c.focusAreaId === action.focusArea.id),
      total: figures.focusAreas.find((f) => f.id === action.focusArea.id)!.progress,
      programme: figures.currentProgramme.progress,
    });
    expect(column(after)).toEqual(column(before));
  });
});

function pick(explanation: Explanation) {
  const { progress, actionCount, byHealth, overdueMilestones } = explanation;
  return { progress, actionCount, byHealth, overdueMilestones };
}
