import { Injectable } from '@nestjs/common';
import { type Caller, conflict, PolicyService } from '@tiltak/api-core';
import {
  type ActionAggregate,
  type ActionProposalEntity,
  ActionProposalRepository,
  type ProposalDecision,
  type ProposedActionChanges,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import type { Principal, ProposalState } from '@tiltak/domain';
import { ActionsService } from '../actions/actions.service';
import { ActionWrites } from '../actions/action-writes';
import { toActionModel } from '../models/action.model';
import type { ActionChanges } from '../actions/dto/action.inputs';
import { ProgrammeContext } from '../programme/programme-context';
import type { DecideActionProposalInput, ProposeActionChangeInput } from './dto/proposal.inputs';
import { GovernanceErrorReason, governanceError } from './governance.errors';
import { type ActionProposalModel, toProposalModel } from './models/proposal.model';

/** What accepting does to the locked action before the proposal is marked decided. */
type ApplyDecision = (
  tx: WriteTransaction,
  locked: ActionAggregate,
  today: string,
  proposal: ActionProposalEntity,
) => Promise<void>;

/** What a list of proposals holds at most: a page of the newest. */
export const MAX_PROPOSALS = 100;

/**
 * Proposed changes to regional actions. Every write locks the action first (then the proposal),
 * like every other write to an action, so a decision and an ordinary update never cross.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ActionProposalRepository,
    private readonly writes: ActionWrites,
    private readonly actions: ActionsService,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async list(
    viewer: Principal | null,
    filter: { state?: ProposalState; mine?: boolean; actionIds?: readonly string[] },
    limit: number,
  ): Promise<ActionProposalModel[]> {
    this.policy.require(viewer, { kind: 'READ_ACTION_PROPOSALS' });
    const programme = await this.context.programme();
    const rows = await this.proposals.proposalsOfProgramme(
      programme.id,
      {
        state: filter.state,
        actionIds: filter.actionIds,
        ...(filter.mine && { proposedBy: viewer?.userId }),
      },
      Math.min(limit, MAX_PROPOSALS),
    );
    return rows.map(toProposalModel);
  }

  /** A coordinator's proposal: checked as the update would be, stored, and the action left as it is. */
  async propose(caller: Caller, input: ProposeActionChangeInput): Promise<ActionProposalModel> {
    const changes = proposedChanges(input.changes);
    if (Object.keys(changes).length === 0) {
      throw governanceError(GovernanceErrorReason.NO_CHANGES, 'changes: say what should change', {
        field: 'changes',
      });
    }
    const comment = input.comment.trim();
    if (!comment) {
      throw governanceError(GovernanceErrorReason.REASON_REQUIRED, 'comment: say why', { field: 'comment' });
    }
    let created: ActionProposalEntity | undefined;
    await this.writes.write(
      caller,
      { actionId: input.actionId },
      (action) => ({ kind: 'PROPOSE_ACTION_CHANGE', action }),
      async (tx, locked, today) => {
        if (locked.action.version !== input.expectedVersion) {
          throw conflict('action', toActionModel(locked.action, today));
        }
        await this.actions.checkChanges(locked, changes);
        created = await this.proposals.create(tx, {
          actionId: locked.action.id,
          proposedBy: signedIn(caller),
          baseVersion: locked.action.version,
          changes,
          comment,
        });
        record(tx, null, created);
        return locked;
      },
    );
    if (!created) throw new Error('The proposal was not written');
    return toProposalModel(created);
  }

  /** Applies the proposal through the ordinary update, on the version it was made against. */
  accept(caller: Caller, input: DecideActionProposalInput): Promise<ActionProposalModel> {
    return this.decide(caller, input, 'ACCEPTED', async (tx, locked, today, proposal) => {
      await this.actions.applyUpdate(caller, tx, locked, today, {
        ...proposal.changes,
        expectedVersion: proposal.baseVersion,
      });
    });
  }

  reject(caller: Caller, input: DecideActionProposalInput): Promise<ActionProposalModel> {
    if (!input.comment?.trim()) {
      throw governanceError(GovernanceErrorReason.REASON_REQUIRED, 'comment: say why it is rejected', {
        field: 'comment',
      });
    }
    return this.decide(caller, input, 'REJECTED');
  }

  withdraw(caller: Caller, input: DecideActionProposalInput): Promise<ActionProposalModel> {
    return this.decide(caller, input, 'WITHDRAWN');
  }

  private async decide(
    caller: Caller,
    input: DecideActionProposalInput,
    state: ProposalDecision['state'],
    apply?: ApplyDecision,
  ): Promise<ActionProposalModel> {
    const found = await this.proposals.proposalById(input.proposalId);
    const programme = await this.context.programme();
    if (!found) throw notFound(input.proposalId);
    let decided: ActionProposalEntity | null = null;
    const permission = () =>
      state === 'WITHDRAWN'
        ? ({ kind: 'WITHDRAW_ACTION_PROPOSAL', proposedBy: found.proposedBy } as const)
        : ({ kind: 'DECIDE_ACTION_PROPOSAL' } as const);
    await this.writes.write(caller, { actionId: found.actionId }, permission, async (tx, locked, today) => {
      if (locked.action.programmeId !== programme.id) throw notFound(input.proposalId);
      const proposal = await this.proposals.lock(tx, input.proposalId);
      if (!proposal) throw notFound(input.proposalId);
      if (proposal.version !== input.expectedVersion) throw conflict('proposal', toProposalModel(proposal));
      if (proposal.state !== 'PENDING') {
        throw governanceError(GovernanceErrorReason.NOT_PENDING, `This proposal is already ${proposal.state}`, {
          current: toProposalModel(proposal),
        });
      }
      if (apply) await apply(tx, locked, today, proposal);
      decided = await this.proposals.decide(tx, proposal.id, proposal.version, {
        state,
        decidedBy: signedIn(caller),
        decisionComment: input.comment?.trim() || null,
      });
      if (!decided) throw conflict('proposal', toProposalModel(proposal));
      record(tx, proposal, decided);
      return locked;
    });
    if (!decided) throw new Error('The decision was not written');
    return toProposalModel(decided);
  }
}

/** The changes as stored: only the fields given, titles trimmed as the update trims them. */
function proposedChanges(input: ActionChanges): ProposedActionChanges {
  const changes: ProposedActionChanges = {
    ...(input.title !== undefined && input.title !== null && { title: input.title.trim() }),
    ...(input.description !== undefined && input.description !== null && { description: input.description }),
    ...(input.focusAreaId !== undefined && input.focusAreaId !== null && { focusAreaId: input.focusAreaId }),
    ...(input.municipalityIds !== undefined &&
      input.municipalityIds !== null && { municipalityIds: [...new Set(input.municipalityIds)] }),
    ...(input.startDate !== undefined && input.startDate !== null && { startDate: input.startDate }),
    ...(input.dueDate !== undefined && input.dueDate !== null && { dueDate: input.dueDate }),
    ...(input.weight !== undefined && input.weight !== null && { weight: input.weight }),
  };
  return changes;
}

function record(tx: WriteTransaction, before: ActionProposalEntity | null, after: ActionProposalEntity): void {
  tx.record({
    entity: 'action_proposal',
    entityId: after.id,
    operation: before ? 'UPDATE' : 'CREATE',
    before,
    after,
  });
}

/** The caller's user id; every proposal write is checked to have one before it gets here. */
function signedIn(caller: Caller): string {
  if (!caller.actor.userId) throw new Error('A proposal write without a signed-in user');
  return caller.actor.userId;
}

function notFound(id: string) {
  return governanceError(GovernanceErrorReason.PROPOSAL_NOT_FOUND, `Proposal ${id} does not exist`, {
    field: 'proposalId',
  });
}
