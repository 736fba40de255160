import { Args, ArgsType, Context, Field, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, PolicyService } from '@tiltak/api-core';
import { ActionRepository } from '@tiltak/api-data-access';
import { ChangeFeed, ChangeStream, type StreamItem } from '@tiltak/api-live';
import { actionIdOf, type ChangeEventRecord, type Principal } from '@tiltak/domain';
import { IsOptional, Matches } from 'class-validator';
import { RequestLoaders } from '../loaders/request-loaders';
import { ActionModel, toActionModel } from '../models/action.model';
import { ProgrammeChangeModel } from '../models/change.model';
import { ProgrammeContext } from './programme-context';

@ArgsType()
class ProgrammeChangedArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The last seq the client saw: what came after is replayed first.',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'must be a seq this API gave out' })
  since?: string | null;
}

function toChangeModel(item: StreamItem): ProgrammeChangeModel {
  if ('reset' in item || 'caughtUp' in item) {
    return {
      seq: item.seq,
      reset: 'reset' in item,
      caughtUp: 'caughtUp' in item,
      entity: null,
      entityId: null,
      operation: null,
      occurredAt: null,
      actionId: null,
      actorName: null,
    };
  }
  return {
    seq: item.seq,
    reset: false,
    caughtUp: false,
    entity: item.entity,
    entityId: item.entityId,
    operation: item.operation,
    occurredAt: new Date(item.occurredAt),
    actionId: actionIdOf(item),
    actorName: item.actorName,
  };
}

/** Live changes to the programme over graphql-ws, each checked against the subscriber's permissions. */
@Resolver(() => ProgrammeChangeModel)
export class ProgrammeChangesResolver {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly policy: PolicyService,
    private readonly context: ProgrammeContext,
    private readonly actions: ActionRepository,
    private readonly loaders: RequestLoaders,
  ) {}

  @Subscription(() => ProgrammeChangeModel, {
    description: 'Every change the subscriber may see, in commit order; with `since`, first what they missed.',
    resolve: (item: StreamItem) => toChangeModel(item),
  })
  async programmeChanged(
    @Args() { since }: ProgrammeChangedArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ChangeStream> {
    const programme = await this.context.programme();
    return new ChangeStream(this.feed, since == null ? null : BigInt(since), (event) =>
      this.visible(viewer, programme.id, event),
    );
  }

  @ResolveField(() => String, { nullable: true, description: 'Who made the change. Personal data.' })
  actor(@Parent() change: ProgrammeChangeModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? change.actorName : null;
  }

  @ResolveField(() => ActionModel, { nullable: true, description: 'The action as it is now, after the change.' })
  async action(@Parent() change: ProgrammeChangeModel, @Context() ctx: { req: object }): Promise<ActionModel | null> {
    // The action's parts (milestones, parties, …) are read for this event, not taken from an earlier one.
    this.loaders.renew(ctx);
    const action = change.actionId ? await this.actions.actionById(change.actionId) : null;
    return action && toActionModel(action, this.context.today());
  }

  /** The same rules as queries: the programme's changes for readers, user changes for admins only. */
  private visible(viewer: Principal | null, programmeId: string, event: ChangeEventRecord): boolean {
    if (event.programmeId !== programmeId) return false;
    if (event.entity === 'user') return this.policy.allows(viewer, { kind: 'MANAGE_USERS' });
    return this.policy.allows(viewer, { kind: 'READ_PROGRAMME' });
  }
}
