import { Injectable } from '@nestjs/common';
import { type Caller, PolicyService } from '@tiltak/api-core';
import { AccountRepository, InvolvementWriteRepository } from '@tiltak/api-data-access';
import type { Principal } from '@tiltak/domain';
import { type ProjectLeadModel, toProjectLeadModel } from '../models/action-parts.model';
import { ActionErrorReason, actionError } from './actions.errors';
import { ActionWrites, type ActionWritten, EDIT_ACTION } from './action-writes';
import type { ProjectLeadInput } from './dto/project-lead.inputs';

/**
 * Naming project leads on an action. A coordinator of the action's municipality (or an admin) may
 * name any active project lead, whatever party they act for; the named may then update the action.
 */
@Injectable()
export class ProjectLeadsService {
  constructor(
    private readonly involvements: InvolvementWriteRepository,
    private readonly accounts: AccountRepository,
    private readonly writes: ActionWrites,
    private readonly policy: PolicyService,
  ) {}

  async candidates(viewer: Principal | null): Promise<ProjectLeadModel[]> {
    this.policy.require(viewer, { kind: 'LIST_PROJECT_LEADS' });
    return (await this.accounts.activeProjectLeads()).flatMap((user) => toProjectLeadModel(user) ?? []);
  }

  name(caller: Caller, input: ProjectLeadInput): Promise<ActionWritten> {
    return this.writes.write(caller, { actionId: input.actionId }, EDIT_ACTION, async (tx, locked) => {
      const user = await this.accounts.userById(input.userId);
      if (!user || !user.active || user.role !== 'PROJECT_LEAD') {
        throw actionError(
          ActionErrorReason.NOT_A_PROJECT_LEAD,
          `userId: ${input.userId} is not an active project lead`,
          {
            field: 'userId',
          },
        );
      }
      if (locked.projectLeads.some((p) => p.userId === user.id)) {
        throw actionError(ActionErrorReason.PROJECT_LEAD_ALREADY_NAMED, `userId: ${user.name} is already named`, {
          field: 'userId',
        });
      }
      await this.involvements.nameProjectLead(tx, locked.action.id, user.id);
      tx.record({
        entity: 'project_lead',
        entityId: `${input.actionId}:${input.userId}`,
        operation: 'CREATE',
        before: null,
        after: { actionId: locked.action.id, userId: user.id, name: user.name },
      });
      return { action: locked.action };
    });
  }

  unname(caller: Caller, input: ProjectLeadInput): Promise<ActionWritten> {
    return this.writes.write(caller, { actionId: input.actionId }, EDIT_ACTION, async (tx, locked) => {
      if (!(await this.involvements.unnameProjectLead(tx, locked.action.id, input.userId))) {
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
      return {
        action: locked.action,
        projectLeads: locked.projectLeads.filter((p) => p.userId !== input.userId),
      };
    });
  }
}
