import {
  type ActionStatus,
  expectedProgress,
  type Health,
  isStale,
  localFigures,
  osloDate,
  rollUpProgress,
} from '@tiltak/domain';
import { startTestApi, type TestApi } from '../testing/test-api';

interface ActionRow {
  id: string;
  code: string;
  focusArea: { id: string };
  status: ActionStatus;
  progress: number;
  weight: number;
  health: Health;
  startDate: string;
  dueDate: string;
  expectedProgress: number;
  lastUpdatedAt: string;
  stale: boolean;
  version: number;
  municipalities: {
    municipality: { id: string };
    ownStatus: ActionStatus | null;
    ownProgress: number | null;
    version: number;
  }[];
}

const ALL_ACTIONS = `{
  actions(first: 100) { totalCount edges { node {
    id code status progress weight health startDate dueDate expectedProgress lastUpdatedAt stale version
    focusArea { id } municipalities { municipality { id } ownStatus ownProgress version }
  } } }
}`;

const unfinished = (status: ActionStatus) => status !== 'COMPLETED' && status !== 'CANCELLED';

async function allActions(api: TestApi): Promise<ActionRow[]> {
  const { actions } = await api.data<{ actions: { totalCount: number; edges: { node: ActionRow }[] } }>(ALL_ACTIONS);
  expect(actions.totalCount).toBeLessThanOrEqual(100);
  return actions.edges.map((edge) => edge.node);
}

describe('the overview’s figures: expected progress, stale actions, worst first, latest changes', () => {
  let api: TestApi;
  let actions: ActionRow[];
  const today = osloDate();

  beforeAll(async () => {
    api = await startTestApi();
    actions = await allActions(api);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('gives each action its last update and flags those quiet for more than 60 days', () => {
    for (const action of actions) {
      expect(action.expectedProgress).toBe(expectedProgress(action.startDate, action.dueDate, today));
      const lastUpdatedOn = osloDate(new Date(action.lastUpdatedAt));
      expect(action.stale).toBe(isStale({ status: action.status, lastUpdatedOn, today, staleAfterDays: 60 }));
    }
    // The demo programme must hold both, or the test proves little.
    expect(actions.some((a) => a.stale)).toBe(true);
    expect(actions.some((a) => !a.stale && unfinished(a.status))).toBe(true);
  });

  it('rolls expected progress up for every cell, municipality, focus area and the programme as progress is', async () => {
    const { progressMatrix, municipalities, focusAreas, currentProgramme } = await api.data<{
      progressMatrix: {
        municipalityId: string;
        focusAreaId: string;
        progress: number | null;
        expectedProgress: number | null;
        stale: number;
      }[];
      municipalities: { id: string; expectedProgress: number | null }[];
      focusAreas: { id: string; expectedProgress: number | null }[];
      currentProgramme: { standing: { expectedProgress: number | null } };
    }>(`{
      progressMatrix { municipalityId focusAreaId progress expectedProgress stale }
      municipalities { id expectedProgress }
      focusAreas { id expectedProgress }
      currentProgramme { standing { expectedProgress } }
    }`);

    const local = actions.flatMap((action) =>
      action.municipalities.map((m) => ({
        action,
        municipalityId: m.municipality.id,
        ...localFigures(action, { status: m.ownStatus, progress: m.ownProgress }, today),
        weight: action.weight,
      })),
    );
    const expectedOf = (items: readonly { action: ActionRow; status: ActionStatus; weight: number }[]) =>
      rollUpProgress(items.map((i) => ({ ...i, progress: i.action.expectedProgress }))).progress;

    for (const cell of progressMatrix) {
      const items = local.filter(
        (i) => i.municipalityId === cell.municipalityId && i.action.focusArea.id === cell.focusAreaId,
      );
      expect({
        cell: `${cell.municipalityId}/${cell.focusAreaId}`,
        expected: cell.expectedProgress,
        stale: cell.stale,
      }).toEqual({
        cell: `${cell.municipalityId}/${cell.focusAreaId}`,
        expected: expectedOf(items),
        stale: items.filter((i) => unfinished(i.status) && i.action.stale).length,
      });
    }
    for (const municipality of municipalities) {
      expect(municipality.expectedProgress).toBe(expectedOf(local.filter((i) => i.municipalityId === municipality.id)));
    }
    // Focus areas and the programme roll up every cell, as their progress does: an action counts once in each
    // municipality it concerns, with that municipality's own status.
    for (const area of focusAreas) {
      expect(area.expectedProgress).toBe(expectedOf(local.filter((i) => i.action.focusArea.id === area.id)));
    }
    expect(currentProgramme.standing.expectedProgress).toBe(expectedOf(local));
    expect(progressMatrix.some((cell) => cell.stale > 0)).toBe(true);
    expect(new Set(progressMatrix.map((cell) => cell.expectedProgress)).size).toBeGreaterThan(5);
  });

  it('counts the programme’s actions by health as the list filter finds them, each action once', async () => {
    const { currentProgramme, atRisk, offTrack } = await api.data<{
      currentProgramme: {
        standing: { onTrack: number; atRisk: number; offTrack: number; stale: number; staleAfterDays: number };
      };
      atRisk: { totalCount: number };
      offTrack: { totalCount: number };
    }>(`{
      currentProgramme { standing { onTrack atRisk offTrack stale staleAfterDays } }
      atRisk: actions(filter: { healths: [AT_RISK], statuses: [NOT_STARTED, IN_PROGRESS, ON_HOLD] }) { totalCount }
      offTrack: actions(filter: { healths: [OFF_TRACK], statuses: [NOT_STARTED, IN_PROGRESS, ON_HOLD] }) { totalCount }
    }`);

    expect(currentProgramme.standing).toEqual({
      atRisk: atRisk.totalCount,
      offTrack: offTrack.totalCount,
      onTrack: actions.filter((a) => a.status !== 'CANCELLED').length - atRisk.totalCount - offTrack.totalCount,
      stale: actions.filter((a) => a.stale).length,
      staleAfterDays: 60,
    });
    expect(atRisk.totalCount).toBeGreaterThan(0);
    expect(offTrack.totalCount).toBeGreaterThan(0);
  });

  it('explains expected progress beside progress, action by action', async () => {
    const { progressExplanation, currentProgramme } = await api.data<{
      progressExplanation: {
        expectedProgress: number;
        method: string;
        contributions: { code: string; expectedProgress: number }[];
      };
      currentProgramme: { standing: { expectedProgress: number } };
    }>(`{
      progressExplanation { expectedProgress method contributions { code expectedProgress } }
      currentProgramme { standing { expectedProgress } }
    }`);

    expect(progressExplanation.expectedProgress).toBe(currentProgramme.standing.expectedProgress);
    expect(progressExplanation.method).toMatch(/Expected progress is the same weighted mean/);
    const byCode = new Map(actions.map((a) => [a.code, a.expectedProgress]));
    for (const contribution of progressExplanation.contributions) {
      expect(contribution.expectedProgress).toBe(byCode.get(contribution.code));
    }
  });

  it('lists actions worst first: off track, then at risk, each furthest behind first', async () => {
    const { actions: page } = await api.data<{
      actions: {
        totalCount: number;
        edges: { node: { code: string; health: Health; progress: number; expectedProgress: number } }[];
      };
    }>(`{
      actions(first: 100, orderBy: WORST_FIRST, filter: { healths: [AT_RISK, OFF_TRACK] }) {
        totalCount edges { node { code health progress expectedProgress } }
      }
    }`);
    const rows = page.edges.map((e) => e.node);
    const rank = (h: Health) => (h === 'OFF_TRACK' ? 0 : h === 'AT_RISK' ? 1 : 2);
    const sorted = [...rows].sort(
      (a, b) => rank(a.health) - rank(b.health) || b.expectedProgress - b.progress - (a.expectedProgress - a.progress),
    );
    expect(rows.map((r) => [r.health, r.expectedProgress - r.progress])).toEqual(
      sorted.map((r) => [r.health, r.expectedProgress - r.progress]),
    );
    expect(rows.length).toBe(page.totalCount);
    expect(rows[0].health).toBe('OFF_TRACK');
    expect(rows.at(-1)!.health).toBe('AT_RISK');
  });

  it('says whose each overdue and upcoming milestone is: its action and the action’s municipalities', async () => {
    const { overdueMilestones, upcomingMilestones } = await api.data<{
      overdueMilestones: {
        actionId: string;
        action: { id: string; municipalities: { municipality: { id: string } }[] };
      }[];
      upcomingMilestones: { actionId: string; action: { id: string } }[];
    }>(`{
      overdueMilestones(first: 100) { actionId action { id municipalities { municipality { id } } } }
      upcomingMilestones(days: 365, first: 100) { actionId action { id } }
    }`);

    expect(overdueMilestones.length).toBeGreaterThan(0);
    expect(upcomingMilestones.length).toBeGreaterThan(0);
    for (const milestone of [...overdueMilestones, ...upcomingMilestones]) {
      expect(milestone.action.id).toBe(milestone.actionId);
    }
    const byId = new Map(actions.map((a) => [a.id, a]));
    for (const milestone of overdueMilestones) {
      expect(milestone.action.municipalities.map((m) => m.municipality.id)).toEqual(
        byId.get(milestone.actionId)!.municipalities.map((m) => m.municipality.id),
      );
    }
  });

  it('gives the latest changes one entry per save, naming the action, its municipality and the time', async () => {
    const action = actions.find((a) => unfinished(a.status) && a.municipalities.length > 0)!;
    await api.data(`mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { version } }`, {
      input: { actionId: action.id, expectedVersion: action.version, status: 'ON_HOLD', comment: 'Venter på svar' },
    });
    const municipalityId = action.municipalities[0].municipality.id;
    await api.data(
      `mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { version } }`,
      {
        input: { actionId: action.id, municipalityId, expectedVersion: action.municipalities[0].version, progress: 55 },
      },
    );

    const council = await api.as('rad@tiltak.test');
    const { recentChanges } = await council.data<{
      recentChanges: {
        seq: string;
        occurredAt: string;
        entities: string[];
        actor: string | null;
        action: { id: string; code: string } | null;
        municipality: { id: string } | null;
      }[];
    }>('{ recentChanges(first: 3) { seq occurredAt entities actor action { id code } municipality { id } } }');

    expect(recentChanges).toHaveLength(3);
    const [local, update] = recentChanges;
    expect(local).toMatchObject({ action: { id: action.id }, municipality: { id: municipalityId } });
    expect(update).toMatchObject({ action: { id: action.id, code: action.code }, municipality: null });
    expect([...update.entities].sort()).toEqual(['action', 'status_update']);
    expect(Date.now() - Date.parse(update.occurredAt)).toBeLessThan(60_000);
    expect(BigInt(local.seq)).toBeGreaterThan(BigInt(update.seq));
    // Personal data: the council may read who made it; a signed-out visitor may not, if let in at all.
    expect(update.actor).toBe('Tiltak-administrator');
  });
});

describe('a configured limit for stale actions', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ STALE_AFTER_DAYS: '3650' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('flags nothing the limit allows, and says what the limit is', async () => {
    const actions = await allActions(api);
    const { currentProgramme } = await api.data<{
      currentProgramme: { standing: { stale: number; staleAfterDays: number } };
    }>('{ currentProgramme { standing { stale staleAfterDays } } }');

    expect(actions.some((a) => a.stale)).toBe(false);
    expect(currentProgramme.standing).toEqual({ stale: 0, staleAfterDays: 3650 });
  });
});
