import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, CurrentViewer, PolicyService } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ActionModel } from '../models/action.model';
import { ProjectLeadModel, toProjectLeadModel } from '../models/action-parts.model';
import { ProjectLeadInput } from './dto/project-lead.inputs';
import { ProjectLeadsService } from './project-leads.service';

/** Project leads named on actions: who they are, naming and un-naming them. */
@Resolver(() => ActionModel)
export class ProjectLeadsResolver {
  constructor(
    private readonly service: ProjectLeadsService,
    private readonly loaders: RequestLoaders,
    private readonly policy: PolicyService,
  ) {}

  @ResolveField(() => [ProjectLeadModel], {
    nullable: true,
    description:
      'Project leads named on the action, besides those of the lead party. Personal data: null for people who are not signed in.',
  })
  async projectLeads(
    @Parent() action: ActionModel,
    @LoaderScope() scope: object,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ProjectLeadModel[] | null> {
    if (!this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' })) return null;
    const named = await this.loaders.for(scope).projectLeadsOfAction.load(action.id);
    return named.flatMap(({ user }) => toProjectLeadModel(user) ?? []);
  }

  @Query(() => [ProjectLeadModel], {
    description: 'Active project leads a coordinator can name on an action, by name. Coordinators and admins.',
  })
  projectLeadCandidates(@CurrentViewer() viewer: Principal | null): Promise<ProjectLeadModel[]> {
    return this.service.candidates(viewer);
  }

  @Mutation(() => ActionModel, { description: 'Names a project lead on an action, who may then update it.' })
  async nameProjectLead(
    @Args('input') input: ProjectLeadInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    const written = await this.service.name(caller, input);
    this.loaders.prime(scope, written.parts);
    return written.action;
  }

  @Mutation(() => ActionModel, { description: 'Takes a named project lead off an action.' })
  async unnameProjectLead(
    @Args('input') input: ProjectLeadInput,
    @CurrentCaller() caller: Caller,
    @LoaderScope() scope: object,
  ): Promise<ActionModel> {
    const written = await this.service.unname(caller, input);
    this.loaders.prime(scope, written.parts);
    return written.action;
  }
}
