import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { WriteTransaction } from '../change-log/programme-writer';
import { ActionGoalEntity, GoalEntity } from '../entities';
import { updateIfVersion } from './guarded-update';
import type { ContributionRow } from './progress.repository';
import { managerOf, type QueryScope } from './scope';

export type GoalFields = Pick<GoalEntity, 'regionId' | 'parentId' | 'code' | 'name' | 'description' | 'sortOrder'>;

export type GoalPatch = Partial<Pick<GoalEntity, 'code' | 'name' | 'description' | 'parentId'>>;

/** What still points to a goal, so that deleting it would orphan them. */
export interface GoalUsage {
  subGoals: number;
  focusAreas: number;
  actions: number;
}

/**
 * Each goal with the actions that serve it directly or through one of its sub-goals, each once:
 * goals have two levels (mål, delmål), so a link counts for its goal and for that goal's parent.
 */
function goalLinks(regionParameter: string): string {
  return `
    SELECT g.id AS goal_id, ag.action_id FROM action_goal ag JOIN goal g ON g.id = ag.goal_id
     WHERE g.region_id = ${regionParameter}
    UNION
    SELECT g.parent_id, ag.action_id FROM action_goal ag JOIN goal g ON g.id = ag.goal_id
     WHERE g.region_id = ${regionParameter} AND g.parent_id IS NOT NULL`;
}

/** The strategy's goals and sub-goals, and the links from actions and focus areas to them. */
@Injectable()
export class GoalRepository {
  constructor(private readonly dataSource: DataSource) {}

  goalsOfRegion(regionId: string, scope: QueryScope = this.dataSource.manager): Promise<GoalEntity[]> {
    return managerOf(scope).find(GoalEntity, { where: { regionId }, order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  goalsByIds(ids: readonly string[], scope: QueryScope = this.dataSource.manager): Promise<GoalEntity[]> {
    return managerOf(scope).findBy(GoalEntity, { id: In([...ids]) });
  }

  /** The goals a write is about to link to, share-locked so that none is deleted before the write commits. */
  goalsToLink(tx: WriteTransaction, ids: readonly string[]): Promise<GoalEntity[]> {
    return managerOf(tx).find(GoalEntity, { where: { id: In([...ids]) }, lock: { mode: 'pessimistic_read' } });
  }

  /** Locks the goal for a change that depends on what points to it (a delete, a move under another goal). */
  async lockGoal(tx: WriteTransaction, id: string): Promise<GoalEntity | null> {
    return managerOf(tx).findOne(GoalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  createGoal(tx: WriteTransaction, fields: GoalFields): Promise<GoalEntity> {
    return managerOf(tx).save(managerOf(tx).create(GoalEntity, fields));
  }

  /** The goal after the patch, or null when it is no longer at `expectedVersion`. */
  updateGoalIfVersion(tx: WriteTransaction, id: string, expectedVersion: number, patch: GoalPatch) {
    return updateIfVersion(tx, GoalEntity, { id }, expectedVersion, patch);
  }

  /** Deletes the goal at `expectedVersion`; false when it has moved on. */
  async deleteGoalIfVersion(tx: WriteTransaction, id: string, expectedVersion: number): Promise<boolean> {
    const result = await managerOf(tx).delete(GoalEntity, { id, version: expectedVersion });
    return (result.affected ?? 0) === 1;
  }

  async usage(tx: WriteTransaction, goalId: string): Promise<GoalUsage> {
    const [row] = await managerOf(tx).query(
      `SELECT (SELECT count(*)::int FROM goal WHERE parent_id = $1) AS "subGoals",
              (SELECT count(*)::int FROM focus_area WHERE goal_id = $1) AS "focusAreas",
              (SELECT count(*)::int FROM action_goal WHERE goal_id = $1) AS actions`,
      [goalId],
    );
    return row as GoalUsage;
  }

  nextSortOrder(tx: WriteTransaction, regionId: string, parentId: string | null): Promise<number> {
    return managerOf(tx)
      .query(
        `SELECT COALESCE(max(sort_order), 0)::int + 1 AS next FROM goal
          WHERE region_id = $1 AND parent_id IS NOT DISTINCT FROM $2`,
        [regionId, parentId],
      )
      .then((rows: { next: number }[]) => rows[0].next);
  }

  /** The goals each action serves directly, for a page of actions. */
  goalLinksOfActions(actionIds: readonly string[], scope: QueryScope = this.dataSource.manager) {
    return managerOf(scope).find(ActionGoalEntity, { where: { actionId: In([...actionIds]) } });
  }

  /** Each goal's actions in a programme, its sub-goals' included; goals without actions are left out. */
  async actionIdsOfGoals(programmeId: string, regionId: string): Promise<Map<string, string[]>> {
    const rows: { goalId: string; actionId: string }[] = await this.dataSource.query(
      `SELECT l.goal_id AS "goalId", l.action_id AS "actionId"
         FROM (${goalLinks('$2')}) l JOIN action a ON a.id = l.action_id
        WHERE a.programme_id = $1
        ORDER BY split_part(a.code, '-', 1), split_part(a.code, '-', 2)::int`,
      [programmeId, regionId],
    );
    const byGoal = new Map<string, string[]>();
    for (const row of rows) byGoal.set(row.goalId, [...(byGoal.get(row.goalId) ?? []), row.actionId]);
    return byGoal;
  }

  /**
   * Every goal's progress contributions in one statement: per action and municipality on the
   * municipality's own figures, the focus areas' rule, each action once under each goal it serves,
   * directly or through a sub-goal.
   */
  contributionsByGoal(
    programmeId: string,
    regionId: string,
    today: string,
    scope: QueryScope = this.dataSource.manager,
  ): Promise<(ContributionRow & { goalId: string })[]> {
    return managerOf(scope).query(
      `WITH links AS (${goalLinks('$3')})
       SELECT l.goal_id AS "goalId", p.municipality_id AS "municipalityId", a.focus_area_id AS "focusAreaId",
              a.id AS "actionId", a.code, a.title, a.weight,
              COALESCE(p.status, a.status) AS status, COALESCE(p.progress, a.progress) AS progress,
              CASE WHEN p.status IS NULL AND p.progress IS NULL
                   THEN COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, $2))
                   ELSE tiltak_health(COALESCE(p.status, a.status), COALESCE(p.progress, a.progress),
                                      a.start_date, a.due_date, $2)
              END AS health,
              a.start_date::text AS "startDate", a.due_date::text AS "dueDate",
              CASE WHEN COALESCE(p.status, a.status) IN ('COMPLETED', 'CANCELLED') THEN 0
                   ELSE (SELECT count(*)::int FROM milestone m
                          WHERE m.action_id = a.id AND m.completed_on IS NULL AND m.due_date < $2::date)
              END AS "overdueMilestones"
         FROM links l
         JOIN action a ON a.id = l.action_id
         JOIN participation p ON p.action_id = a.id
         JOIN municipality mu ON mu.id = p.municipality_id
        WHERE a.programme_id = $1
        ORDER BY l.goal_id, split_part(a.code, '-', 1), split_part(a.code, '-', 2)::int, mu.name`,
      [programmeId, today, regionId],
    );
  }

  /** Replaces the goals an action serves; answers the links added and removed. */
  async replaceActionGoals(
    tx: WriteTransaction,
    actionId: string,
    goalIds: readonly string[],
  ): Promise<{ added: string[]; removed: string[] }> {
    const current = (await managerOf(tx).findBy(ActionGoalEntity, { actionId })).map((link) => link.goalId);
    const added = goalIds.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !goalIds.includes(id));
    if (removed.length > 0) await managerOf(tx).delete(ActionGoalEntity, { actionId, goalId: In(removed) });
    if (added.length > 0)
      await managerOf(tx).insert(
        ActionGoalEntity,
        added.map((goalId) => ({ actionId, goalId })),
      );
    return { added, removed };
  }
}
