import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { WriteTransaction } from '../change-log/programme-writer';
import { ActionInnovationPriorityEntity, InnovationPlanEntity, InnovationPriorityEntity } from '../entities';
import { managerOf, type QueryScope } from './scope';

export type InnovationPriorityFields = Pick<InnovationPriorityEntity, 'code' | 'name'>;

/** The versions of the regional innovation plan, their priorities, and the actions that serve them. */
@Injectable()
export class InnovationPlanRepository {
  constructor(private readonly dataSource: DataSource) {}

  plansOfRegion(regionId: string): Promise<InnovationPlanEntity[]> {
    return this.dataSource.manager.find(InnovationPlanEntity, {
      where: { regionId },
      order: { validFrom: 'DESC', createdAt: 'DESC' },
    });
  }

  plansByIds(ids: readonly string[]): Promise<InnovationPlanEntity[]> {
    return this.dataSource.manager.findBy(InnovationPlanEntity, { id: In([...ids]) });
  }

  /** The plan in force, locked so that two replacements of it cannot both succeed. */
  lockPlanInForce(tx: WriteTransaction, regionId: string): Promise<InnovationPlanEntity | null> {
    return managerOf(tx).findOne(InnovationPlanEntity, {
      where: { regionId, replacedById: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async createPlan(
    tx: WriteTransaction,
    plan: Pick<InnovationPlanEntity, 'id' | 'regionId' | 'name' | 'validFrom'>,
    priorities: readonly InnovationPriorityFields[],
  ): Promise<{ plan: InnovationPlanEntity; priorities: InnovationPriorityEntity[] }> {
    const saved = await managerOf(tx).save(managerOf(tx).create(InnovationPlanEntity, plan));
    const rows = await managerOf(tx).save(
      priorities.map((priority, index) =>
        managerOf(tx).create(InnovationPriorityEntity, { ...priority, planId: saved.id, sortOrder: index + 1 }),
      ),
    );
    return { plan: saved, priorities: rows };
  }

  /**
   * Marks the plan as replaced at `expectedVersion`; null when it has moved on. The successor may
   * be inserted later in the same transaction: the foreign key is checked at commit.
   */
  async markReplaced(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    replacedById: string,
  ): Promise<InnovationPlanEntity | null> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(InnovationPlanEntity)
      .set({ replacedById, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if ((result.affected ?? 0) !== 1) return null;
    return managerOf(tx).findOneBy(InnovationPlanEntity, { id });
  }

  prioritiesOfPlans(planIds: readonly string[]): Promise<InnovationPriorityEntity[]> {
    return this.dataSource.manager.find(InnovationPriorityEntity, {
      where: { planId: In([...planIds]) },
      order: { sortOrder: 'ASC' },
    });
  }

  prioritiesByIds(
    ids: readonly string[],
    scope: QueryScope = this.dataSource.manager,
  ): Promise<(InnovationPriorityEntity & { plan: InnovationPlanEntity })[]> {
    return managerOf(scope).find(InnovationPriorityEntity, {
      where: { id: In([...ids]) },
      relations: { plan: true },
    }) as Promise<(InnovationPriorityEntity & { plan: InnovationPlanEntity })[]>;
  }

  priorityLinksOfActions(actionIds: readonly string[]): Promise<ActionInnovationPriorityEntity[]> {
    return this.dataSource.manager.find(ActionInnovationPriorityEntity, { where: { actionId: In([...actionIds]) } });
  }

  /** Replaces the priorities an action serves; answers the links added and removed. */
  async replaceActionPriorities(
    tx: WriteTransaction,
    actionId: string,
    priorityIds: readonly string[],
  ): Promise<{ added: string[]; removed: string[] }> {
    const current = (await managerOf(tx).findBy(ActionInnovationPriorityEntity, { actionId })).map(
      (link) => link.priorityId,
    );
    const added = priorityIds.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !priorityIds.includes(id));
    if (removed.length > 0) {
      await managerOf(tx).delete(ActionInnovationPriorityEntity, { actionId, priorityId: In(removed) });
    }
    if (added.length > 0) {
      await managerOf(tx).insert(
        ActionInnovationPriorityEntity,
        added.map((priorityId) => ({ actionId, priorityId })),
      );
    }
    return { added, removed };
  }
}
