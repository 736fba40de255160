import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ActionProposalEntity } from '@tiltak/api-data-access';
import { PROPOSAL_STATES, type ProposalState } from '@tiltak/domain';

export const ProposalStateEnum = Object.fromEntries(PROPOSAL_STATES.map((v) => [v, v])) as Record<
  ProposalState,
  ProposalState
>;
registerEnumType(ProposalStateEnum, {
  name: 'ProposalState',
  description: 'PENDING waits for the secretariat; ACCEPTED was applied to the action; WITHDRAWN by its proposer.',
});

@ObjectType('ActionChanges', { description: 'What a proposal would change; a null field stays as it is.' })
export class ActionChangesModel {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => ID, { nullable: true })
  focusAreaId?: string;

  @Field(() => [ID], { nullable: true })
  municipalityIds?: string[];

  @Field(() => String, { nullable: true })
  startDate?: string;

  @Field(() => String, { nullable: true })
  dueDate?: string;

  @Field(() => Int, { nullable: true })
  weight?: number;
}

@ObjectType('ActionProposal', {
  description: 'A change to a regional action proposed by a coordinator, for the secretariat to accept or reject.',
})
export class ActionProposalModel {
  @Field(() => ID)
  id: string;

  actionId: string;
  /** Personal data: reaches the response only through `proposedBy`'s permission check. */
  proposedByName: string;
  proposedByUserId: string;
  decidedByName: string | null;

  @Field(() => Int, { description: 'The action’s version the proposal was made against.' })
  baseVersion: number;

  @Field(() => ActionChangesModel)
  changes: ActionChangesModel;

  @Field(() => String)
  comment: string;

  @Field(() => ProposalStateEnum)
  state: ProposalState;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionComment: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

export function toProposalModel(entity: ActionProposalEntity): ActionProposalModel {
  return {
    id: entity.id,
    actionId: entity.actionId,
    proposedByName: entity.proposedByName,
    proposedByUserId: entity.proposedBy,
    decidedByName: entity.decidedByName,
    baseVersion: entity.baseVersion,
    changes: entity.changes,
    comment: entity.comment,
    state: entity.state,
    decidedAt: entity.decidedAt,
    decisionComment: entity.decisionComment,
    createdAt: entity.createdAt,
    version: entity.version,
  };
}

@ObjectType('ProposalAbilities', { description: 'What the viewer may do with a proposal now.' })
export class ProposalAbilitiesModel {
  @Field(() => Boolean, { description: 'Accept or reject it.' })
  decide: boolean;

  @Field(() => Boolean)
  withdraw: boolean;
}
