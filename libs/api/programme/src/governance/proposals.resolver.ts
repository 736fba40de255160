import { Args, ArgsType, Field, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, CurrentViewer, PolicyService } from '@tiltak/api-core';
import { type Principal, PROPOSAL_STATES, type ProposalState } from '@tiltak/domain';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ActionModel, toActionModel } from '../models/action.model';
import { ProgrammeContext } from '../programme/programme-context';
import { DecideActionProposalInput, ProposeActionChangeInput } from './dto/proposal.inputs';
import { ActionProposalModel, ProposalAbilitiesModel, ProposalStateEnum } from './models/proposal.model';
import { MAX_PROPOSALS, ProposalsService } from './proposals.service';

@ArgsType()
class ProposalsArgs {
  @Field(() => ProposalStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(PROPOSAL_STATES)
  state?: ProposalState;

  @Field(() => Boolean, { nullable: true, description: 'Only the viewer’s own proposals.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: `Newest first, at most this many, 1–${MAX_PROPOSALS} (default 50).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PROPOSALS)
  first?: number;
}

@ArgsType()
class ActionProposalsArgs {
  @Field(() => ProposalStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(PROPOSAL_STATES)
  state?: ProposalState;
}

@Resolver(() => ActionProposalModel)
export class ProposalsResolver {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly loaders: RequestLoaders,
    private readonly policy: PolicyService,
    private readonly context: ProgrammeContext,
  ) {}

  @Query(() => [ActionProposalModel], { description: 'Proposed changes to regional actions, newest first.' })
  actionProposals(
    @Args() { state, mine, first }: ProposalsArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ActionProposalModel[]> {
    return this.proposals.list(viewer, { state, mine }, first ?? 50);
  }

  @Mutation(() => ActionProposalModel, {
    description: 'A coordinator’s proposed change to an action of every municipality, for the secretariat.',
  })
  proposeActionChange(
    @Args('input') input: ProposeActionChangeInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionProposalModel> {
    return this.proposals.propose(caller, input);
  }

  @Mutation(() => ActionProposalModel, {
    description: 'Applies the proposal to the action as it was proposed; CONFLICT when the action changed since.',
  })
  acceptActionProposal(
    @Args('input') input: DecideActionProposalInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionProposalModel> {
    return this.proposals.accept(caller, input);
  }

  @Mutation(() => ActionProposalModel, { description: 'Rejects the proposal, saying why (comment).' })
  rejectActionProposal(
    @Args('input') input: DecideActionProposalInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionProposalModel> {
    return this.proposals.reject(caller, input);
  }

  @Mutation(() => ActionProposalModel, { description: 'Its proposer takes a pending proposal back.' })
  withdrawActionProposal(
    @Args('input') input: DecideActionProposalInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ActionProposalModel> {
    return this.proposals.withdraw(caller, input);
  }

  @ResolveField(() => ActionModel)
  async action(@Parent() proposal: ActionProposalModel, @LoaderScope() scope: object): Promise<ActionModel> {
    const action = await this.loaders.for(scope).action.load(proposal.actionId);
    if (!action) throw new Error(`Proposal ${proposal.id} has no action`);
    return toActionModel(action, this.context.today());
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Who proposed it; null for those who may not read names.',
  })
  proposedBy(@Parent() proposal: ActionProposalModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? proposal.proposedByName : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Who decided it; null as `proposedBy`.' })
  decidedBy(@Parent() proposal: ActionProposalModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? proposal.decidedByName : null;
  }

  @ResolveField(() => ProposalAbilitiesModel)
  viewerCan(
    @Parent() proposal: ActionProposalModel,
    @CurrentViewer() viewer: Principal | null,
  ): ProposalAbilitiesModel {
    const pending = proposal.state === 'PENDING';
    return {
      decide: pending && this.policy.allowsWrite(viewer, { kind: 'DECIDE_ACTION_PROPOSAL' }),
      withdraw:
        pending &&
        this.policy.allowsWrite(viewer, { kind: 'WITHDRAW_ACTION_PROPOSAL', proposedBy: proposal.proposedByUserId }),
    };
  }
}

/** `Action.proposals`: the changes proposed to one action, newest first. */
@Resolver(() => ActionModel)
export class ActionProposalsResolver {
  constructor(private readonly service: ProposalsService) {}

  @ResolveField(() => [ActionProposalModel], { description: 'Proposed changes to it, newest first (at most 100).' })
  proposals(
    @Parent() action: ActionModel,
    @Args() { state }: ActionProposalsArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ActionProposalModel[]> {
    return this.service.list(viewer, { state, actionIds: [action.id] }, MAX_PROPOSALS);
  }
}
