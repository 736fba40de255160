import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, PolicyService } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { AdoptionDecisionModel, toAdoptionDecisionModel } from '../models/adoption-decision.model';
import { AdoptionModel } from '../models/indicator.model';

@Resolver(() => AdoptionModel)
export class AdoptionFieldsResolver {
  constructor(private readonly loaders: RequestLoaders) {}

  @ResolveField(() => [AdoptionDecisionModel], {
    description: 'Every decision recorded on this subject, newest first; the first is the adoption as it stands.',
  })
  async decisions(@Parent() adoption: AdoptionModel, @LoaderScope() scope: object): Promise<AdoptionDecisionModel[]> {
    return (await this.loaders.for(scope).adoptionDecisions.load(adoption.id)).map(toAdoptionDecisionModel);
  }
}

@Resolver(() => AdoptionDecisionModel)
export class AdoptionDecisionFieldsResolver {
  constructor(private readonly policy: PolicyService) {}

  @ResolveField(() => String, { nullable: true, description: 'Who recorded it in Tiltak. Personal data.' })
  recordedBy(@Parent() decision: AdoptionDecisionModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? decision.recordedByName : null;
  }
}
