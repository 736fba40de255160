import type { EntityManager } from 'typeorm';
import {
  ActionEntity,
  ActionGoalEntity,
  FocusAreaEntity,
  GoalEntity,
  InnovationPlanEntity,
  InnovationPriorityEntity,
} from '../entities';
import { DEMO_FOCUS_AREAS } from './demo-programme';

/** The goals (mål) and sub-goals (delmål) of the strategic business plan, in the plan's own words. */
export const DEMO_GOALS = [
  {
    code: 'M1',
    name: 'Flere nettverk og næringsklynger',
    description:
      'Regionen har få nettverk og klynger. Flere skal etableres, helst på initiativ fra bedriftene selv og innovasjonsmiljøene.',
    subGoals: [
      { code: 'M1.1', name: 'Nye bedriftsnettverk i de prioriterte næringene', description: '' },
      { code: 'M1.2', name: 'Sterkere klynger med flere medlemsbedrifter', description: '' },
    ],
  },
  {
    code: 'M2',
    name: 'Flere arbeidsplasser og mer kompetanse',
    description:
      'Handlingsprogrammet skal gi flere arbeidsplasser, ny type næring og mer kompetanse i hele arbeidsmarkedet.',
    subGoals: [
      { code: 'M2.1', name: 'Ny type næring i regionen', description: '' },
      { code: 'M2.2', name: 'Kompetanse som næringslivet trenger', description: '' },
    ],
  },
  {
    code: 'M3',
    name: 'Samarbeid på tvers av kommunegrensene',
    description:
      'Kommunene og næringslivet arbeider sammen om forankrede satsingsområder, med tydelig ansvar for hvem som gjør hva.',
    subGoals: [
      { code: 'M3.1', name: 'Tydelig ansvarsdeling i næringsarbeidet', description: '' },
      { code: 'M3.2', name: 'Samarbeid med naboregionene', description: '' },
    ],
  },
] as const;

/** Which goals each demo action serves; the rest of the actions serve their focus area's goal only. */
export const DEMO_ACTION_GOALS: Record<string, readonly string[]> = {
  'LOG-1': ['M1.1'],
  'LOG-3': ['M2.2'],
  'LOG-8': ['M2.1'],
  'BIO-1': ['M1.2'],
  'BIO-6': ['M1.1'],
  'BIO-8': ['M2.2', 'M1.1'],
  'KRE-1': ['M1.1'],
  'REI-1': ['M2.1'],
  'SMA-1': ['M3.1'],
  'SMA-2': ['M2.1'],
};

export const DEMO_INNOVATION_PLAN = {
  name: 'Regional plan for innovasjon og nyskaping i Oslo og Akershus',
  validFrom: 2024,
  priorities: [
    { code: 'P1', name: 'Grønn omstilling i næringslivet' },
    { code: 'P2', name: 'Sirkulær økonomi' },
    { code: 'P3', name: 'Innovasjon i offentlig sektor' },
  ],
} as const;

/** Loads goals, the innovation plan and their links after the demo's focus areas and actions. */
export async function loadDemoGoals(manager: EntityManager, regionId: string, programmeId: string): Promise<void> {
  const goalIds = new Map<string, string>();
  for (const [index, demo] of DEMO_GOALS.entries()) {
    const goal = await manager.save(
      manager.create(GoalEntity, {
        regionId,
        code: demo.code,
        name: demo.name,
        description: demo.description,
        sortOrder: index + 1,
      }),
    );
    goalIds.set(goal.code, goal.id);
    for (const [subIndex, sub] of demo.subGoals.entries()) {
      const subGoal = await manager.save(
        manager.create(GoalEntity, { ...sub, regionId, parentId: goal.id, sortOrder: subIndex + 1 }),
      );
      goalIds.set(subGoal.code, subGoal.id);
    }
  }
  const plan = await manager.save(
    manager.create(InnovationPlanEntity, {
      regionId,
      name: DEMO_INNOVATION_PLAN.name,
      validFrom: DEMO_INNOVATION_PLAN.validFrom,
    }),
  );
  const priorities = await manager.save(
    DEMO_INNOVATION_PLAN.priorities.map((priority, index) =>
      manager.create(InnovationPriorityEntity, { ...priority, planId: plan.id, sortOrder: index + 1 }),
    ),
  );
  const priorityIds = new Map(priorities.map((priority) => [priority.code, priority.id]));
  for (const area of DEMO_FOCUS_AREAS) {
    await manager.update(
      FocusAreaEntity,
      { programmeId, code: area.code },
      {
        goalId: known(goalIds, area.goal),
        innovationPriorityId: area.innovationPriority ? known(priorityIds, area.innovationPriority) : null,
      },
    );
  }
  const actions = await manager.findBy(ActionEntity, { programmeId });
  const actionIds = new Map(actions.map((action) => [action.code, action.id]));
  await manager.insert(
    ActionGoalEntity,
    Object.entries(DEMO_ACTION_GOALS).flatMap(([code, goals]) =>
      goals.map((goal) => ({ actionId: known(actionIds, code), goalId: known(goalIds, goal) })),
    ),
  );
}

function known(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`The demo goals refer to ${key}, which the demo does not define`);
  return id;
}
