import { Args, ArgsType, Field, Int, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, PolicyService } from '@tiltak/api-core';
import { ActionRepository, ChangeLogRepository } from '@tiltak/api-data-access';
import { ChangeFeed, ChangeStream, type StreamItem } from '@tiltak/api-live';
import { actionIdOf, type ChangeEventRecord, type Principal } from '@tiltak/domain';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ActionModel, toActionModel } from '../models/action.model';
import { ProgrammeChangeModel, ProgrammeWriteModel } from '../models/change.model';
import { MunicipalityModel, toMunicipalityModel } from '../models/municipality.model';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
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

@ArgsType()
class RecentChangesArgs {
  @Field(() => Int, { nullable: true, description: 'How many writes, 1–50 (default 10).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  first?: number;
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
  ) {}

  @Subscription(() => ProgrammeChangeModel, {
    description: 'Every change the subscriber may see, in commit order; with `since`, first what they missed.',
    resolve: (item: StreamItem) => toChangeModel(item),
  })
  async programmeChanged(
    @Args() { since }: ProgrammeChangedArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ChangeStream> {
    // Subscriptions follow the period being run, also past a revision that starts the next one.
    let followed = (await this.context.currentProgramme()).id;
    return new ChangeStream(this.feed, since == null ? null : BigInt(since), (event) => {
      if (event.entity === 'programme' && event.operation === 'CREATE' && event.after?.['predecessorId'] === followed) {
        followed = event.entityId;
      }
      return this.visible(viewer, followed, event);
    });
  }

  @ResolveField(() => String, { nullable: true, description: 'Who made the change. Personal data.' })
  actor(@Parent() change: ProgrammeChangeModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? change.actorName : null;
  }

  @ResolveField(() => ActionModel, { nullable: true, description: 'The action as it is now, after the change.' })
  async action(@Parent() change: ProgrammeChangeModel): Promise<ActionModel | null> {
    const action = change.actionId ? await this.actions.actionById(change.actionId) : null;
    return action && toActionModel(action, this.context.today());
  }

  /** The same rules as queries: the programme's changes for readers, reports for those signed in, user changes for admins only. */
  private visible(viewer: Principal | null, programmeId: string, event: ChangeEventRecord): boolean {
    if (event.programmeId !== programmeId) return false;
    if (event.entity === 'user') return this.policy.allows(viewer, { kind: 'MANAGE_USERS' });
    // That someone was sent a report link, or had it withdrawn, is about people: not for signed-out readers.
    if (event.entity === 'report_link') return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' });
    // Proposals are the council's internal business, as the proposals query is.
    if (event.entity === 'action_proposal') return this.policy.allows(viewer, { kind: 'READ_ACTION_PROPOSALS' });
    // Snapshots are the council's papers, read as the snapshot queries are.
    if (event.entity === 'council_snapshot') return this.policy.allows(viewer, { kind: 'READ_COUNCIL_REPORTS' });
    if (event.entity === 'reporting_round' || event.entity === 'report') {
      return this.policy.allows(viewer, { kind: 'READ_REPORTS' });
    }
    return this.policy.allows(viewer, { kind: 'READ_PROGRAMME' });
  }
}

/** The latest saved changes, from the change log, for the overview's "latest changes" when a page opens. */
@Resolver(() => ProgrammeWriteModel)
export class RecentChangesResolver {
  constructor(
    private readonly changeLog: ChangeLogRepository,
    private readonly policy: PolicyService,
    private readonly context: ProgrammeContext,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => [ProgrammeWriteModel], {
    description: 'The programme’s latest saved changes, one per write, newest first (changes to accounts left out).',
  })
  async recentChanges(@Args() { first }: RecentChangesArgs): Promise<ProgrammeWriteModel[]> {
    const programme = await this.context.programme();
    return this.changeLog.recentWrites(programme.id, first ?? 10);
  }

  @ResolveField(() => String, { nullable: true, description: 'Who made the change. Personal data.' })
  actor(@Parent() write: ProgrammeWriteModel, @CurrentViewer() viewer: Principal | null): string | null {
    return this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) ? write.actorName : null;
  }

  @ResolveField(() => ActionModel, { nullable: true, description: 'The action as it is now; null once deleted.' })
  async action(@Parent() write: ProgrammeWriteModel, @LoaderScope() scope: object): Promise<ActionModel | null> {
    const action = write.actionId ? await this.loaders.for(scope).action.load(write.actionId) : null;
    return action && toActionModel(action, this.context.today());
  }

  @ResolveField(() => MunicipalityModel, { nullable: true })
  async municipality(
    @Parent() write: ProgrammeWriteModel,
    @LoaderScope() scope: object,
  ): Promise<MunicipalityModel | null> {
    const municipality = write.municipalityId
      ? await this.loaders.for(scope).municipality.load(write.municipalityId)
      : null;
    return municipality && toMunicipalityModel(municipality);
  }
}
