import type { ActionStatus, Health, StatusUpdaterReach } from '@tiltak/domain';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import {
  ActionEntity,
  InvolvementEntity,
  MilestoneEntity,
  ParticipationEntity,
  ProjectLeadEntity,
  StatusUpdateEntity,
} from '../entities';
import {
  ACTION_GAP_SQL,
  ACTION_HEALTH_SQL,
  ACTION_NUMBER_SQL,
  ACTION_OVERDUE_SQL,
  LOCAL_HEALTH_SQL,
  LOCAL_STATUS_SQL,
} from './action-sql';
import { EntitySql } from './entity-sql';

export interface ActionFilter {
  municipalityIds?: string[];
  focusAreaIds?: string[];
  statuses?: ActionStatus[];
  healths?: Health[];
  partyIds?: string[];
  overdue?: boolean;
  text?: string;
  /** Only the actions within (true) or outside (false) this reach: whom the viewer may update. */
  updatable?: { reach: StatusUpdaterReach; within: boolean };
}

/** The orders a list of actions comes in. */
export type ActionOrder = 'CODE' | 'WORST_FIRST';

/** An entry of an action's history, which may come from an action it continues in an earlier period. */
export type PeriodHistoryEntry = StatusUpdateEntity & {
  /** The action whose history was asked for. */
  forActionId: string;
  earlierPeriod: boolean;
  period: { startYear: number; endYear: number };
};

/** Reads of actions for the API's answers: lists, their municipalities, milestones, involvements and history. */
@Injectable()
export class ActionRepository {
  private readonly statusUpdate: EntitySql<StatusUpdateEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.statusUpdate = new EntitySql(dataSource, StatusUpdateEntity);
  }

  actionById(id: string): Promise<ActionEntity | null> {
    return this.dataSource.manager.findOneBy(ActionEntity, { id });
  }

  actionsByIds(ids: readonly string[]): Promise<ActionEntity[]> {
    return this.dataSource.manager.findBy(ActionEntity, { id: In([...ids]) });
  }

  /** One page of the programme's actions matching the filter, in the order asked (focus area and code by default), and the total. */
  async pageOfActions(
    programmeId: string,
    filter: ActionFilter,
    today: string,
    page: { offset: number; limit: number },
    order: ActionOrder = 'CODE',
  ): Promise<{ actions: ActionEntity[]; total: number }> {
    const query = this.filtered(programmeId, filter, today);
    const total = await query.clone().getCount();
    query.innerJoin('a.focusArea', 'f');
    if (order === 'WORST_FIRST') {
      query
        .orderBy(`CASE ${ACTION_HEALTH_SQL} WHEN 'OFF_TRACK' THEN 0 WHEN 'AT_RISK' THEN 1 ELSE 2 END`, 'ASC')
        .addOrderBy(ACTION_GAP_SQL, 'DESC')
        .addOrderBy('f.sort_order', 'ASC');
    } else {
      query.orderBy('f.sort_order', 'ASC');
    }
    const actions = await query
      .addOrderBy(ACTION_NUMBER_SQL, 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getMany();
    return { actions, total };
  }

  /** Every action of the programme, in the list's order (focus area, then code): downloads and open data. */
  actionsOfProgramme(programmeId: string): Promise<ActionEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'a')
      .innerJoin('a.focusArea', 'f')
      .where('a.programme_id = :programmeId', { programmeId })
      .orderBy('f.sort_order', 'ASC')
      .addOrderBy(ACTION_NUMBER_SQL, 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  private filtered(programmeId: string, filter: ActionFilter, today: string): SelectQueryBuilder<ActionEntity> {
    const query = this.dataSource.manager
      .createQueryBuilder(ActionEntity, 'a')
      .where('a.programme_id = :programmeId', { programmeId })
      .setParameter('today', today);
    if (filter.focusAreaIds?.length) query.andWhere('a.focus_area_id IN (:...focusAreaIds)', filter);
    // With one municipality chosen the list shows its own figures, so status and health filter by them.
    const local = filter.municipalityIds?.length === 1;
    if (local) query.setParameter('localMunicipality', filter.municipalityIds?.[0]);
    if (filter.statuses?.length) query.andWhere(`${local ? LOCAL_STATUS_SQL : 'a.status'} IN (:...statuses)`, filter);
    if (filter.healths?.length)
      query.andWhere(`${local ? LOCAL_HEALTH_SQL : ACTION_HEALTH_SQL} IN (:...healths)`, filter);
    if (filter.overdue !== undefined) query.andWhere(filter.overdue ? ACTION_OVERDUE_SQL : `NOT ${ACTION_OVERDUE_SQL}`);
    if (filter.municipalityIds?.length) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM participation fp WHERE fp.action_id = a.id AND fp.municipality_id IN (:...municipalityIds))',
        filter,
      );
    }
    if (filter.partyIds?.length) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM involvement fi WHERE fi.action_id = a.id AND fi.party_id IN (:...partyIds))',
        filter,
      );
    }
    const text = filter.text?.trim();
    if (text) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((q) =>
          q
            .where('a.title ILIKE :pattern', { pattern })
            .orWhere('a.description ILIKE :pattern')
            .orWhere('a.code ILIKE :pattern')
            // The lead and the partners are printed on every row: finding them is what people expect.
            .orWhere(
              'EXISTS (SELECT 1 FROM involvement ti JOIN party tp ON tp.id = ti.party_id WHERE ti.action_id = a.id AND tp.name ILIKE :pattern)',
            ),
        ),
      );
    }
    if (filter.updatable) {
      const condition = reachCondition(filter.updatable.reach);
      query.andWhere(filter.updatable.within ? condition.sql : `NOT (${condition.sql})`, condition.parameters);
    }
    return query;
  }

  milestonesOfActions(actionIds: readonly string[]): Promise<MilestoneEntity[]> {
    return this.dataSource.manager.find(MilestoneEntity, {
      where: { actionId: In([...actionIds]) },
      order: { dueDate: 'ASC', createdAt: 'ASC' },
    });
  }

  participationsOfActions(actionIds: readonly string[]): Promise<ParticipationEntity[]> {
    return this.dataSource.manager.find(ParticipationEntity, {
      where: { actionId: In([...actionIds]) },
      relations: { municipality: true },
      order: { municipality: { name: 'ASC' } },
    });
  }

  involvementsOfActions(actionIds: readonly string[]): Promise<InvolvementEntity[]> {
    return this.dataSource.manager.find(InvolvementEntity, {
      where: { actionId: In([...actionIds]) },
      relations: { party: true },
      order: { role: 'ASC', party: { name: 'ASC' } },
    });
  }

  /** The project leads named on each action, with their user record, by name. */
  projectLeadsOfActions(actionIds: readonly string[]): Promise<ProjectLeadEntity[]> {
    return this.dataSource.manager.find(ProjectLeadEntity, {
      where: { actionId: In([...actionIds]) },
      relations: { user: true },
      order: { user: { name: 'ASC' } },
    });
  }

  /** When each action was last updated: its latest status update, or its creation when it has none. */
  async lastUpdatesOfActions(actionIds: readonly string[]): Promise<{ actionId: string; lastUpdatedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT a.id AS "actionId",
              COALESCE((SELECT max(su.created_at) FROM status_update su WHERE su.action_id = a.id), a.created_at)
                AS "lastUpdatedAt"
         FROM action a WHERE a.id = ANY($1::uuid[])`,
      [[...actionIds]],
    );
  }

  /**
   * Each action's history, newest first, with the history of the actions it continues from earlier
   * periods (carried over in a revision keeps its history), each entry marked with its period.
   */
  async historyOfActions(actionIds: readonly string[]): Promise<PeriodHistoryEntry[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH RECURSIVE chain(for_id, id, depth) AS (
         SELECT a.id, a.id, 0 FROM action a WHERE a.id = ANY($1)
         UNION ALL
         SELECT c.for_id, a.predecessor_id, c.depth + 1 FROM chain c JOIN action a ON a.id = c.id
          WHERE a.predecessor_id IS NOT NULL AND c.depth < 50)
       SELECT ${this.statusUpdate.selectList('s')}, c.for_id AS "forActionId", c.depth > 0 AS "earlierPeriod",
              p.start_year AS "startYear", p.end_year AS "endYear"
         FROM chain c
         JOIN status_update s ON s.action_id = c.id
         JOIN action a ON a.id = c.id
         JOIN programme p ON p.id = a.programme_id
        ORDER BY s.created_at DESC, s.id`,
      [actionIds],
    );
    return rows.map((row) => ({
      ...this.statusUpdate.entity(row),
      forActionId: row['forActionId'] as string,
      earlierPeriod: row['earlierPeriod'] as boolean,
      period: { startYear: row['startYear'] as number, endYear: row['endYear'] as number },
    }));
  }

  /** Open milestones due from `from` to `to` (inclusive) of actions still under way, soonest first. */
  openMilestonesDue(programmeId: string, from: string | null, to: string, limit: number): Promise<MilestoneEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(MilestoneEntity, 'm')
      .innerJoin('m.action', 'a')
      .where('a.programme_id = :programmeId', { programmeId })
      .andWhere(`a.status NOT IN ('COMPLETED', 'CANCELLED')`)
      .andWhere('m.completed_on IS NULL')
      .andWhere('m.due_date <= :to', { to });
    if (from) query.andWhere('m.due_date >= :from', { from });
    return query.orderBy('m.due_date', 'ASC').addOrderBy('m.id', 'ASC').limit(limit).getMany();
  }
}

/** The SQL for `withinReach` in libs/domain: an action of the municipality, led by the party, or naming the user. */
function reachCondition(reach: StatusUpdaterReach): { sql: string; parameters: Record<string, string | null> } {
  if (reach === 'ALL' || reach === 'NONE') return { sql: reach === 'ALL' ? 'TRUE' : 'FALSE', parameters: {} };
  return {
    sql: `(EXISTS (SELECT 1 FROM participation rp WHERE rp.action_id = a.id AND rp.municipality_id = :reachMunicipalityId)
      OR EXISTS (SELECT 1 FROM involvement ri WHERE ri.action_id = a.id AND ri.role = 'LEAD' AND ri.party_id = :reachPartyId)
      OR EXISTS (SELECT 1 FROM action_project_lead rl WHERE rl.action_id = a.id AND rl.user_id = :reachUserId))`,
    parameters: {
      reachMunicipalityId: reach.municipalityId,
      reachPartyId: reach.leadPartyId,
      reachUserId: reach.projectLeadUserId,
    },
  };
}
