import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, CurrentViewer, PolicyService } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import { ProgrammeRepository } from '@tiltak/api-data-access';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ActionModel, toActionModel } from '../models/action.model';
import { PartyModel, toPartyModel } from '../models/party.model';
import { ProgrammeContext } from '../programme/programme-context';
import {
  CreateNetworkInput,
  NetworkArgs,
  NetworksArgs,
  SetNetworkMembershipInput,
  UpdateNetworkInput,
} from './dto/network.inputs';
import {
  NetworkAbilitiesModel,
  NetworkMembershipModel,
  NetworkModel,
  toMembershipModel,
  toNetworkModel,
} from './models/network.model';
import { NetworkLoaders } from './network-loaders';
import { NetworksService } from './networks.service';

@Resolver(() => NetworkModel)
export class NetworksResolver {
  constructor(
    private readonly service: NetworksService,
    private readonly networkLoaders: NetworkLoaders,
    private readonly loaders: RequestLoaders,
    private readonly context: ProgrammeContext,
    private readonly programmes: ProgrammeRepository,
    private readonly policy: PolicyService,
  ) {}

  @Query(() => [NetworkModel], { description: 'The region’s register of networks and clusters, newest first.' })
  networks(@Args() { kind }: NetworksArgs): Promise<NetworkModel[]> {
    return this.service.networksOfRegion(kind);
  }

  @Query(() => NetworkModel, { nullable: true })
  network(@Args() { id }: NetworkArgs): Promise<NetworkModel | null> {
    return this.service.network(id);
  }

  @Mutation(() => NetworkModel, { description: 'Adds a network or cluster to the register (MANAGE_PROGRAMME).' })
  createNetwork(@Args('input') input: CreateNetworkInput, @CurrentCaller() caller: Caller): Promise<NetworkModel> {
    return this.service.createNetwork(caller, input);
  }

  @Mutation(() => NetworkModel)
  updateNetwork(@Args('input') input: UpdateNetworkInput, @CurrentCaller() caller: Caller): Promise<NetworkModel> {
    return this.service.updateNetwork(caller, input);
  }

  @Mutation(() => NetworkMembershipModel, {
    description: 'How many businesses of a municipality are members: its coordinator, or MANAGE_PROGRAMME.',
  })
  setNetworkMembership(
    @Args('input') input: SetNetworkMembershipInput,
    @CurrentCaller() caller: Caller,
  ): Promise<NetworkMembershipModel> {
    return this.service.setMembership(caller, input);
  }

  @ResolveField(() => [NetworkMembershipModel], { description: 'Member businesses per municipality, by name.' })
  async memberships(@Parent() network: NetworkModel, @LoaderScope() scope: object): Promise<NetworkMembershipModel[]> {
    return (await this.networkLoaders.for(scope).memberships.load(network.id)).map((m) => toMembershipModel(m));
  }

  @ResolveField(() => Int, { description: 'Member businesses in all municipalities together.' })
  async totalMembers(@Parent() network: NetworkModel, @LoaderScope() scope: object): Promise<number> {
    const memberships = await this.networkLoaders.for(scope).memberships.load(network.id);
    return memberships.reduce((sum, m) => sum + m.members, 0);
  }

  @ResolveField(() => PartyModel, { nullable: true, description: 'The party it acts as in actions.' })
  async party(@Parent() network: NetworkModel, @LoaderScope() scope: object): Promise<PartyModel | null> {
    if (!network.partyId) return null;
    const party = await this.loaders.for(scope).party.load(network.partyId);
    return party ? toPartyModel(party) : null;
  }

  @ResolveField(() => ActionModel, { nullable: true, description: 'The action that founded it.' })
  async foundingAction(@Parent() network: NetworkModel, @LoaderScope() scope: object): Promise<ActionModel | null> {
    if (!network.foundingActionId) return null;
    const action = await this.loaders.for(scope).action.load(network.foundingActionId);
    return action ? toActionModel(action, this.context.today()) : null;
  }

  @ResolveField(() => NetworkAbilitiesModel)
  async viewerCan(
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<NetworkAbilitiesModel> {
    const municipalities = await this.loaders
      .for(scope)
      .once('region municipalities', async () =>
        this.programmes.municipalitiesOfRegion((await this.context.programme()).regionId),
      );
    return {
      edit: this.policy.allowsWrite(viewer, { kind: 'MANAGE_PROGRAMME' }),
      recordMembersIn: municipalities
        .filter((m) => this.policy.allowsWrite(viewer, { kind: 'RECORD_NETWORK_MEMBERSHIP', municipalityId: m.id }))
        .map((m) => m.id),
    };
  }
}

/** An action's side of the link: the networks and clusters it founded. */
@Resolver(() => ActionModel)
export class ActionNetworksResolver {
  constructor(private readonly networkLoaders: NetworkLoaders) {}

  @ResolveField(() => [NetworkModel], { description: 'The networks and clusters this action founded.' })
  async foundedNetworks(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<NetworkModel[]> {
    return (await this.networkLoaders.for(scope).foundedBy.load(action.id)).map(toNetworkModel);
  }
}
