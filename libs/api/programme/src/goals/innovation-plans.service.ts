import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Caller, conflict, PolicyService } from '@tiltak/api-core';
import { InnovationPlanRepository, ProgrammeWriter, type WriteTransaction } from '@tiltak/api-data-access';
import { ProgrammeContext } from '../programme/programme-context';
import type { CreateInnovationPlanInput, InnovationPriorityInput, ReplaceInnovationPlanInput } from './dto/goal.inputs';
import { GoalErrorReason, goalError } from './goals.errors';
import { type InnovationPlanModel, toInnovationPlanModel } from './models/goal.model';

/**
 * The regional innovation plan as versions: a region has one plan in force; replacing it adds a
 * version and keeps the old one, whose priorities the existing links go on pointing to.
 */
@Injectable()
export class InnovationPlansService {
  constructor(
    private readonly plans: InnovationPlanRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async innovationPlans(): Promise<InnovationPlanModel[]> {
    const programme = await this.context.programme();
    return (await this.plans.plansOfRegion(programme.regionId)).map(toInnovationPlanModel);
  }

  /** The region's first plan; once there is one, a new version replaces it instead. */
  async createInnovationPlan(caller: Caller, input: CreateInnovationPlanInput): Promise<InnovationPlanModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    refuseDuplicateCodes(input.priorities);
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      if (await this.plans.lockPlanInForce(tx, programme.regionId)) {
        throw goalError(GoalErrorReason.PLAN_EXISTS, 'A plan is in force already; replace it with a new version', {
          field: 'name',
        });
      }
      return toInnovationPlanModel(await this.create(tx, programme.regionId, input));
    });
  }

  async replaceInnovationPlan(caller: Caller, input: ReplaceInnovationPlanInput): Promise<InnovationPlanModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    refuseDuplicateCodes(input.priorities);
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const inForce = await this.plans.lockPlanInForce(tx, programme.regionId);
      if (!inForce || inForce.id !== input.planId) {
        const [old] = await this.plans.plansByIds([input.planId]);
        if (!old || old.regionId !== programme.regionId) {
          throw goalError(GoalErrorReason.PLAN_NOT_FOUND, `Innovation plan ${input.planId} does not exist`, {
            field: 'planId',
          });
        }
        throw goalError(GoalErrorReason.PLAN_REPLACED, `planId: ${old.name} has been replaced already`, {
          field: 'planId',
        });
      }
      // The old version steps aside first (one plan in force per region is a unique index); the link to
      // its successor is checked at commit, when the successor exists.
      const successorId = randomUUID();
      const replaced = await this.plans.markReplaced(tx, inForce.id, input.expectedVersion, successorId);
      if (!replaced) throw conflict('innovation plan', toInnovationPlanModel(inForce));
      tx.record({
        entity: 'innovation_plan',
        entityId: inForce.id,
        operation: 'UPDATE',
        before: inForce,
        after: replaced,
      });
      return toInnovationPlanModel(await this.create(tx, programme.regionId, input, successorId));
    });
  }

  private async create(
    tx: WriteTransaction,
    regionId: string,
    input: CreateInnovationPlanInput,
    id: string = randomUUID(),
  ) {
    const { plan, priorities } = await this.plans.createPlan(
      tx,
      { id, regionId, name: input.name.trim(), validFrom: input.validFrom },
      input.priorities.map((p) => ({ code: p.code, name: p.name.trim() })),
    );
    tx.record({ entity: 'innovation_plan', entityId: plan.id, operation: 'CREATE', before: null, after: plan });
    for (const priority of priorities) {
      tx.record({
        entity: 'innovation_priority',
        entityId: priority.id,
        operation: 'CREATE',
        before: null,
        after: priority,
      });
    }
    return plan;
  }
}

function refuseDuplicateCodes(priorities: readonly InnovationPriorityInput[]): void {
  const codes = priorities.map((p) => p.code);
  const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
  if (duplicate) {
    throw goalError(GoalErrorReason.DUPLICATE_CODE, `priorities: ${duplicate} appears twice`, {
      field: 'priorities',
    });
  }
}
