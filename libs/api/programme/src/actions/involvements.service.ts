import { Injectable } from '@nestjs/common';
import { type Caller, conflict } from '@tiltak/api-core';
import {
  type ActionAggregate,
  type InvolvementEntity,
  InvolvementWriteRepository,
  PartyRepository,
} from '@tiltak/api-data-access';
import { toInvolvementModel } from '../models/action-parts.model';
import { toPartyModel } from '../models/party.model';
import { ProgrammeContext } from '../programme/programme-context';
import { ActionErrorReason, actionError } from './actions.errors';
import { ActionWrites, type ActionWritten, EDIT_ACTION } from './action-writes';
import type { AddInvolvementInput, RemoveInvolvementInput, UpdateInvolvementInput } from './dto/involvement.inputs';

/**
 * Which parties lead or take part in an action, strategically or operationally. The action's lock
 * makes the one-lead rule hold when two coordinators assign at the same moment.
 */
@Injectable()
export class InvolvementsService {
  constructor(
    private readonly involvements: InvolvementWriteRepository,
    private readonly parties: PartyRepository,
    private readonly writes: ActionWrites,
    private readonly context: ProgrammeContext,
  ) {}

  async addInvolvement(caller: Caller, input: AddInvolvementInput): Promise<ActionWritten> {
    const { regionId } = await this.context.programme();
    return this.writes.write(caller, { actionId: input.actionId }, EDIT_ACTION, async (tx, locked) => {
      const party = await this.parties.partyById(input.partyId, tx);
      if (!party || party.regionId !== regionId) {
        throw actionError(ActionErrorReason.UNKNOWN_REFERENCE, `partyId: no party ${input.partyId}`, {
          field: 'partyId',
        });
      }
      if (locked.involvements.some((i) => i.partyId === party.id)) {
        throw actionError(ActionErrorReason.PARTY_ALREADY_INVOLVED, `partyId: ${party.name} already takes part`, {
          field: 'partyId',
        });
      }
      if (input.role === 'LEAD') refuseSecondLead(locked);
      const involvement = await this.involvements.create(tx, {
        actionId: locked.action.id,
        partyId: party.id,
        role: input.role,
        level: input.level,
      });
      tx.record({
        entity: 'involvement',
        entityId: involvement.id,
        operation: 'CREATE',
        before: null,
        after: involvement,
      });
      // The lead and partners are read again after the commit, in the order the API shows them.
      return { action: locked.action };
    });
  }

  updateInvolvement(caller: Caller, input: UpdateInvolvementInput): Promise<ActionWritten> {
    const key = { involvementId: input.involvementId };
    return this.writes.write(caller, key, EDIT_ACTION, async (tx, locked) => {
      const before = involvementOf(locked, input.involvementId);
      if (input.role === 'LEAD' && before.role !== 'LEAD') refuseSecondLead(locked);
      const after = await this.involvements.update(tx, before.id, input.expectedVersion, {
        ...(input.role !== undefined && { role: input.role }),
        ...(input.level !== undefined && { level: input.level }),
      });
      const { party, ...row } = before;
      if (!after) throw conflict('involvement', toInvolvementModel(before, toPartyModel(party)));
      tx.record({ entity: 'involvement', entityId: before.id, operation: 'UPDATE', before: row, after });
      return { action: locked.action };
    });
  }

  removeInvolvement(caller: Caller, input: RemoveInvolvementInput): Promise<ActionWritten> {
    const key = { involvementId: input.involvementId };
    return this.writes.write(caller, key, EDIT_ACTION, async (tx, locked) => {
      const before = involvementOf(locked, input.involvementId);
      const { party, ...row } = before;
      if (!(await this.involvements.delete(tx, before.id, input.expectedVersion))) {
        throw conflict('involvement', toInvolvementModel(before, toPartyModel(party)));
      }
      tx.record({ entity: 'involvement', entityId: before.id, operation: 'DELETE', before: row, after: null });
      return { action: locked.action, involvements: locked.involvements.filter((i) => i !== before) };
    });
  }
}

function involvementOf(locked: ActionAggregate, id: string): InvolvementEntity {
  // ActionWrites found the action through this involvement, so it is there.
  return locked.involvements.find((i) => i.id === id) as InvolvementEntity;
}

function refuseSecondLead(locked: ActionAggregate): void {
  if (locked.involvements.some((i) => i.role === 'LEAD')) {
    throw actionError(
      ActionErrorReason.SECOND_LEAD,
      'role: the action already has a lead; make that party a partner first',
      {
        field: 'role',
      },
    );
  }
}
