import { Injectable } from '@nestjs/common';
import { type Caller, PolicyService } from '@tiltak/api-core';
import {
  AccountRepository,
  ActionRepository,
  ProgrammeWriter,
  ProjectLeadEntity,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import type { Principal } from '@tiltak/domain';
import { type ActionModel, toActionModel } from '../models/action.model';
import { type ProjectLeadModel, toProjectLeadModel } from '../models/action-parts.model';
import { ProgrammeContext } from '../programme/programme-context';
import { ActionErrorReason, actionError } from './actions.errors';
import { actionForUpdate, actionScope } from './action-writes';
import type { ProjectLeadInput } from './dto/milestone.inputs';

/**
 * Naming project leads on an action. A coordinator of the action's municipality (or an admin) may
 * name any active project lead, whatever party they act for; the named may then update the action.
 */
@Injectable()
export class ProjectLeadsService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly accounts: AccountRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async candidates(viewer: Principal | null): Promise<ProjectLeadModel[]> {
    this.policy.require(viewer, { kind: 'LIST_PROJECT_LEADS' });
    return (await this.accounts.activeProjectLeads()).flatMap((user) => toProjectLeadModel(user) ?? []);
  }

  name(caller: Caller, input: ProjectLeadInput): Promise<ActionModel> {
    return this.write(caller, input.actionId, async (tx) => {
      const user = await this.accounts.userById(input.userId, tx.manager);
      if (!user || !user.active || user.role !== 'PROJECT_LEAD') {
        throw actionError(
          ActionErrorReason.NOT_A_PROJECT_LEAD,
          `userId: ${input.userId} is not an active project lead`,
          {
            field: 'userId',
          },
        );
      }
      if (await tx.manager.existsBy(ProjectLeadEntity, { actionId: input.actionId, userId: user.id })) {
        throw actionError(ActionErrorReason.PROJECT_LEAD_ALREADY_NAMED, `userId: ${user.name} is already named`, {
          field: 'userId',
        });
      }
      const named = await tx.manager.save(tx.manager.create(ProjectLeadEntity, input));
      tx.record({
        entity: 'project_lead',
        entityId: `${input.actionId}:${input.userId}`,
        operation: 'CREATE',
        before: null,
        after: { actionId: named.actionId, userId: named.userId, name: user.name },
      });
    });
  }

  unname(caller: Caller, input: ProjectLeadInput): Promise<ActionModel> {
    return this.write(caller, input.actionId, async (tx) => {
      const removed = await tx.manager.delete(ProjectLeadEntity, { actionId: input.actionId, userId: input.userId });
      if (removed.affected !== 1) {
        throw actionError(ActionErrorReason.PROJECT_LEAD_NOT_NAMED, `userId: ${input.userId} is not named here`, {
          field: 'userId',
        });
      }
      tx.record({
        entity: 'project_lead',
        entityId: `${input.actionId}:${input.userId}`,
        operation: 'DELETE',
        before: { actionId: input.actionId, userId: input.userId },
        after: null,
      });
    });
  }

  /** Checks EDIT_ACTION on the action, does the work, and returns the action as it now is. */
  private async write(caller: Caller, actionId: string, work: (tx: WriteTransaction) => Promise<void>) {
    const programme = await this.context.programme();
    const action = await this.writer.write(caller.actor, programme.id, async (tx) => {
      const found = await actionForUpdate(this.actions, tx, actionId);
      this.policy.require(caller.viewer, { kind: 'EDIT_ACTION', action: await actionScope(tx, found.id) });
      await work(tx);
      return found;
    });
    return toActionModel(action, this.context.today());
  }
}
