import { Injectable } from '@nestjs/common';
import {
  ActionRepository,
  InvolvementEntity,
  MilestoneEntity,
  PartyRepository,
  ProgrammeWriter,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { isIsoDate } from '@tiltak/domain';
import { type Caller, PolicyService } from '@tiltak/api-core';
import { type ActionModel, toActionModel } from '../models/action.model';
import { toInvolvementModel } from '../models/action-parts.model';
import { toMilestoneModel } from '../models/action-parts.model';
import { toPartyModel } from '../models/party.model';
import { ProgrammeContext } from '../programme/programme-context';
import { ActionErrorReason, actionError, staleVersion } from './actions.errors';
import { actionForUpdate, actionScope, refreshActionProgress } from './action-writes';
import type {
  AddInvolvementInput,
  CreateMilestoneInput,
  MilestoneVersionInput,
  RemoveInvolvementInput,
  UpdateInvolvementInput,
  UpdateMilestoneInput,
} from './dto/milestone.inputs';

/**
 * Milestones and involvements of an action. Every milestone change recomputes the action's progress
 * in the same transaction, so the figure people see is never out of step with its milestones.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly parties: PartyRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  createMilestone(caller: Caller, input: CreateMilestoneInput): Promise<ActionModel> {
    this.checkDate('dueDate', input.dueDate);
    return this.write(caller, async (tx) => {
      const action = await this.actionFor(caller, tx, input.actionId, 'EDIT_MILESTONES');
      const milestone = await tx.manager.save(
        tx.manager.create(MilestoneEntity, {
          actionId: action.id,
          title: input.title.trim(),
          dueDate: input.dueDate,
          weight: input.weight ?? 1,
        }),
      );
      tx.record({ entity: 'milestone', entityId: milestone.id, operation: 'CREATE', before: null, after: milestone });
      return refreshActionProgress(this.actions, tx, action.id);
    });
  }

  updateMilestone(caller: Caller, input: UpdateMilestoneInput): Promise<ActionModel> {
    if (input.dueDate !== undefined) this.checkDate('dueDate', input.dueDate);
    return this.changeMilestone(caller, input, {
      ...(input.title !== undefined && { title: input.title.trim() }),
      ...(input.dueDate !== undefined && { dueDate: input.dueDate }),
      ...(input.weight !== undefined && { weight: input.weight }),
    });
  }

  completeMilestone(caller: Caller, input: MilestoneVersionInput): Promise<ActionModel> {
    const completedOn = input.completedOn ?? this.context.today();
    this.checkDate('completedOn', completedOn);
    return this.changeMilestone(caller, input, { completedOn });
  }

  reopenMilestone(caller: Caller, input: MilestoneVersionInput): Promise<ActionModel> {
    return this.changeMilestone(caller, input, { completedOn: null });
  }

  deleteMilestone(caller: Caller, input: MilestoneVersionInput): Promise<ActionModel> {
    return this.write(caller, async (tx) => {
      const before = await this.milestoneForUpdate(caller, tx, input.milestoneId);
      const deleted = await tx.manager.delete(MilestoneEntity, { id: before.id, version: input.expectedVersion });
      if (deleted.affected !== 1) throw staleVersion('milestone', toMilestoneModel(before, this.context.today()));
      tx.record({ entity: 'milestone', entityId: before.id, operation: 'DELETE', before, after: null });
      return refreshActionProgress(this.actions, tx, before.actionId);
    });
  }

  addInvolvement(caller: Caller, input: AddInvolvementInput): Promise<ActionModel> {
    return this.write(caller, async (tx) => {
      const action = await this.actionFor(caller, tx, input.actionId, 'EDIT_ACTION');
      const party = await this.parties.partyById(input.partyId, tx.manager);
      if (!party || party.programmeId !== tx.programmeId) {
        throw actionError(ActionErrorReason.UNKNOWN_REFERENCE, `partyId: no party ${input.partyId}`, {
          field: 'partyId',
        });
      }
      const existing = await this.actions.involvementsOfActions([action.id]);
      if (existing.some((i) => i.partyId === party.id)) {
        throw actionError(ActionErrorReason.PARTY_ALREADY_INVOLVED, `partyId: ${party.name} already takes part`, {
          field: 'partyId',
        });
      }
      if (input.role === 'LEAD') this.refuseSecondLead(existing);
      const involvement = await tx.manager.save(
        tx.manager.create(InvolvementEntity, {
          actionId: action.id,
          partyId: party.id,
          role: input.role,
          level: input.level,
        }),
      );
      tx.record({
        entity: 'involvement',
        entityId: involvement.id,
        operation: 'CREATE',
        before: null,
        after: involvement,
      });
      return action;
    });
  }

  updateInvolvement(caller: Caller, input: UpdateInvolvementInput): Promise<ActionModel> {
    return this.write(caller, async (tx) => {
      const before = await this.involvementForUpdate(caller, tx, input.involvementId);
      if (input.role === 'LEAD' && before.role !== 'LEAD') {
        this.refuseSecondLead(await this.actions.involvementsOfActions([before.actionId]));
      }
      const patch = {
        ...(input.role !== undefined && { role: input.role }),
        ...(input.level !== undefined && { level: input.level }),
      };
      if (!(await tx.updateIfVersion(InvolvementEntity, { id: before.id }, input.expectedVersion, patch))) {
        throw staleVersion('involvement', await this.involvementModel(before.id));
      }
      const after = await this.actions.involvementById(before.id, tx.manager);
      tx.record({ entity: 'involvement', entityId: before.id, operation: 'UPDATE', before, after });
      return actionForUpdate(this.actions, tx, before.actionId);
    });
  }

  removeInvolvement(caller: Caller, input: RemoveInvolvementInput): Promise<ActionModel> {
    return this.write(caller, async (tx) => {
      const before = await this.involvementForUpdate(caller, tx, input.involvementId);
      const deleted = await tx.manager.delete(InvolvementEntity, { id: before.id, version: input.expectedVersion });
      if (deleted.affected !== 1) throw staleVersion('involvement', await this.involvementModel(before.id));
      tx.record({ entity: 'involvement', entityId: before.id, operation: 'DELETE', before, after: null });
      return actionForUpdate(this.actions, tx, before.actionId);
    });
  }

  /** Loads the action and checks the caller may do this to it, before anything is written. */
  private async actionFor(
    caller: Caller,
    tx: WriteTransaction,
    actionId: string,
    kind: 'EDIT_ACTION' | 'EDIT_MILESTONES',
  ) {
    const action = await actionForUpdate(this.actions, tx, actionId);
    this.policy.require(caller.viewer, { kind, action: await actionScope(tx, action.id) });
    return action;
  }

  private async write(caller: Caller, work: (tx: WriteTransaction) => Promise<Parameters<typeof toActionModel>[0]>) {
    const programme = await this.context.programme();
    const action = await this.writer.write(caller.actor, programme.id, work);
    return toActionModel(action, this.context.today());
  }

  private changeMilestone(
    caller: Caller,
    input: { milestoneId: string; expectedVersion: number },
    patch: Partial<MilestoneEntity>,
  ): Promise<ActionModel> {
    return this.write(caller, async (tx) => {
      const before = await this.milestoneForUpdate(caller, tx, input.milestoneId);
      if (!(await tx.updateIfVersion(MilestoneEntity, { id: before.id }, input.expectedVersion, patch))) {
        throw staleVersion('milestone', toMilestoneModel(before, this.context.today()));
      }
      const after = await this.actions.milestoneById(before.id, tx.manager);
      tx.record({ entity: 'milestone', entityId: before.id, operation: 'UPDATE', before, after });
      return refreshActionProgress(this.actions, tx, before.actionId);
    });
  }

  private async milestoneForUpdate(caller: Caller, tx: WriteTransaction, id: string): Promise<MilestoneEntity> {
    const milestone = await this.actions.milestoneById(id, tx.manager);
    if (!milestone) {
      throw actionError(ActionErrorReason.MILESTONE_NOT_FOUND, `Milestone ${id} does not exist`, {
        field: 'milestoneId',
      });
    }
    await this.actionFor(caller, tx, milestone.actionId, 'EDIT_MILESTONES');
    return milestone;
  }

  private async involvementForUpdate(caller: Caller, tx: WriteTransaction, id: string): Promise<InvolvementEntity> {
    const involvement = await this.actions.involvementById(id, tx.manager);
    if (!involvement) {
      throw actionError(ActionErrorReason.INVOLVEMENT_NOT_FOUND, `Involvement ${id} does not exist`, {
        field: 'involvementId',
      });
    }
    await this.actionFor(caller, tx, involvement.actionId, 'EDIT_ACTION');
    return involvement;
  }

  private async involvementModel(id: string) {
    const involvement = await this.actions.involvementById(id);
    const party = involvement && (await this.parties.partyById(involvement.partyId));
    return involvement && party ? toInvolvementModel(involvement, toPartyModel(party)) : null;
  }

  private refuseSecondLead(existing: InvolvementEntity[]): void {
    const lead = existing.find((i) => i.role === 'LEAD');
    if (lead) {
      throw actionError(
        ActionErrorReason.SECOND_LEAD,
        'role: the action already has a lead; make that party a partner first',
        { field: 'role' },
      );
    }
  }

  private checkDate(field: string, value: string): void {
    if (!isIsoDate(value)) {
      throw actionError(ActionErrorReason.INVALID_DATE, `${field}: ${value} is not a calendar date`, { field });
    }
  }
}
