import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, PolicyService } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import { StatusUpdateModel } from '../models/action-parts.model';

@Resolver(() => StatusUpdateModel)
export class StatusUpdateResolver {
  constructor(private readonly policy: PolicyService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Who wrote it. Personal data: null for people who are not signed in.',
  })
  author(@Parent() update: StatusUpdateModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? update.authorName : null;
  }
}
