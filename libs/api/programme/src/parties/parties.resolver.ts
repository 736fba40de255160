import { type Caller, CurrentCaller, CurrentViewer, PolicyService } from '@tiltak/api-core';
import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ActionModel, toActionModel } from '../models/action.model';
import { PartyAbilitiesModel } from '../models/abilities.model';
import { WhoDoesWhatRowModel } from '../models/matrix.model';
import { MunicipalityModel, toMunicipalityModel } from '../models/municipality.model';
import { ContactPersonModel, PartyModel } from '../models/party.model';
import type { Principal } from '@tiltak/domain';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ProgrammeContext } from '../programme/programme-context';
import { CreatePartyInput, PartiesArgs, UpdatePartyInput } from './dto/party.inputs';
import { PartiesService } from './parties.service';

@ArgsType()
class PartyArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@Resolver(() => PartyModel)
export class PartiesResolver {
  constructor(
    private readonly partiesService: PartiesService,
    private readonly loaders: RequestLoaders,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  @Query(() => [PartyModel], { description: 'The organisations that do the work, by name.' })
  parties(@Args() { kinds }: PartiesArgs): Promise<PartyModel[]> {
    return this.partiesService.parties(kinds);
  }

  @Query(() => PartyModel, { nullable: true })
  party(@Args() { id }: PartyArgs): Promise<PartyModel | null> {
    return this.partiesService.party(id);
  }

  @Query(() => [WhoDoesWhatRowModel], {
    description: 'Who does what: each party’s lead and partner, strategic and operational parts per focus area.',
  })
  whoDoesWhat(@Args() { kinds }: PartiesArgs): Promise<WhoDoesWhatRowModel[]> {
    return this.partiesService.whoDoesWhat(kinds);
  }

  @Mutation(() => PartyModel)
  createParty(@Args('input') input: CreatePartyInput, @CurrentCaller() caller: Caller): Promise<PartyModel> {
    return this.partiesService.createParty(caller, input);
  }

  @Mutation(() => PartyModel)
  updateParty(@Args('input') input: UpdatePartyInput, @CurrentCaller() caller: Caller): Promise<PartyModel> {
    return this.partiesService.updateParty(caller, input);
  }

  @ResolveField(() => ContactPersonModel, {
    nullable: true,
    description: 'Personal data: null for people who are not signed in.',
  })
  contact(@Parent() party: PartyModel, @CurrentViewer() viewer: Principal | null): ContactPersonModel | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? party.contactPerson : null;
  }

  @ResolveField(() => PartyAbilitiesModel, { description: 'What the viewer may do to it.' })
  viewerCan(@Parent() party: PartyModel, @CurrentViewer() viewer: Principal | null): PartyAbilitiesModel {
    return {
      edit: this.policy.allowsWrite(
        viewer,
        { kind: 'MANAGE_PARTIES' },
        { kind: 'MANAGE_PARTY', homeMunicipalityId: party.homeMunicipalityId },
      ),
    };
  }

  @ResolveField(() => MunicipalityModel, { nullable: true })
  async homeMunicipality(@Parent() party: PartyModel, @LoaderScope() scope: object): Promise<MunicipalityModel | null> {
    if (!party.homeMunicipalityId) return null;
    const municipality = await this.loaders.for(scope).municipality.load(party.homeMunicipalityId);
    return municipality && toMunicipalityModel(municipality);
  }

  @ResolveField(() => [ContactPersonModel], {
    nullable: true,
    description: 'The project leads who act for it and may update the actions it leads. Personal data, as `contact`.',
  })
  async projectLeads(
    @Parent() party: PartyModel,
    @LoaderScope() scope: object,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ContactPersonModel[] | null> {
    if (!this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' })) return null;
    const leads = await this.loaders.for(scope).projectLeads.load(party.id);
    return leads.map(({ name, email }) => ({ name, email }));
  }

  @ResolveField(() => [ActionModel], { description: 'The actions it leads or takes part in, by code.' })
  async actions(@Parent() party: PartyModel, @LoaderScope() scope: object): Promise<ActionModel[]> {
    const ids = (await this.loaders.for(scope).actionIdsOfParty.load(party.id)).map((row) => row.actionId);
    const today = this.context.today();
    const actions = await this.loaders.for(scope).action.loadMany(ids);
    return actions.flatMap((action) => (action && !(action instanceof Error) ? [toActionModel(action, today)] : []));
  }
}
