import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, CurrentViewer, PolicyService } from '@tiltak/api-core';
import { SnapshotRepository } from '@tiltak/api-data-access';
import type { Principal } from '@tiltak/domain';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { CouncilSnapshotModel, ProgrammeChangesModel } from './snapshot.models';
import { SnapshotsService } from './snapshots.service';

@ArgsType()
class SnapshotIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
class ProgrammeChangesArgs {
  @Field(() => ID)
  @IsUUID()
  fromSnapshotId: string;

  @Field(() => ID, { nullable: true, description: 'null: compare with the programme now.' })
  @IsOptional()
  @IsUUID()
  toSnapshotId?: string | null;
}

@ArgsType()
class TakeSnapshotArgs {
  // The length is checked after trimming, as a typed BAD_USER_INPUT; this only bounds the request.
  @Field(() => String, { description: 'Trimmed, 1–200 characters; for example the council meeting it is for.' })
  @IsString()
  @MaxLength(10_000)
  title: string;
}

@Resolver(() => CouncilSnapshotModel)
export class SnapshotsResolver {
  constructor(
    private readonly service: SnapshotsService,
    private readonly snapshots: SnapshotRepository,
    private readonly policy: PolicyService,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => [CouncilSnapshotModel], { description: 'The snapshots of the period being read, newest first.' })
  councilSnapshots(@CurrentViewer() viewer: Principal | null): Promise<CouncilSnapshotModel[]> {
    return this.service.list(viewer);
  }

  @Query(() => CouncilSnapshotModel, { nullable: true })
  councilSnapshot(
    @Args() { id }: SnapshotIdArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<CouncilSnapshotModel | null> {
    return this.service.one(viewer, id);
  }

  @Query(() => ProgrammeChangesModel, {
    description: 'What changed from one snapshot to another, or to the programme now (toSnapshotId null).',
  })
  programmeChanges(
    @Args() { fromSnapshotId, toSnapshotId }: ProgrammeChangesArgs,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<ProgrammeChangesModel> {
    return this.service.changes(viewer, fromSnapshotId, toSnapshotId ?? null);
  }

  @Query(() => ProgrammeChangesModel, {
    nullable: true,
    description: 'From the period’s latest snapshot to now; null while the period has no snapshot.',
  })
  changesSinceLastCouncilReport(@CurrentViewer() viewer: Principal | null): Promise<ProgrammeChangesModel | null> {
    return this.service.sinceLast(viewer);
  }

  @Mutation(() => CouncilSnapshotModel, { description: 'Freezes the programme as it stands now, for the council.' })
  takeCouncilSnapshot(
    @Args() { title }: TakeSnapshotArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<CouncilSnapshotModel> {
    return this.service.take(caller, title);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Who took it; null when the schedule did, or for viewers who may not read personal data.',
  })
  async takenByName(
    @Parent() snapshot: CouncilSnapshotModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<string | null> {
    if (!snapshot.takenBy || !this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' })) return null;
    // Every taker's name once per request, however many snapshots the answer lists.
    const names = await this.loaders
      .for(scope)
      .once(`snapshotTakers:${snapshot.programmeId}`, () => this.snapshots.takerNames(snapshot.programmeId));
    return names.get(snapshot.takenBy) ?? null;
  }
}
