import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, type Caller, Clock, PolicyService } from '@tiltak/api-core';
import {
  ProgrammeWriter,
  type SnapshotSummary,
  SnapshotRepository,
  type StoredSnapshot,
} from '@tiltak/api-data-access';
import { compareSnapshots, type Principal, type SnapshotDocument } from '@tiltak/domain';
import { ProgrammeContext } from '../programme/programme-context';
import type { CouncilSnapshotModel, ProgrammeChangesModel } from './snapshot.models';
import { takeSnapshot } from './take-snapshot';

const TITLE_MAX = 200;

function summaryOf(snapshot: StoredSnapshot): SnapshotSummary {
  const { document, ...head } = snapshot;
  return {
    ...head,
    asOf: document.asOf,
    progress: document.programme.progress,
    byHealth: document.programme.byHealth,
    actionCount: document.actions.length,
  };
}

export const toCouncilSnapshotModel = (summary: SnapshotSummary): CouncilSnapshotModel => ({
  id: summary.id,
  title: summary.title,
  trigger: summary.trigger,
  takenAt: summary.takenAt,
  asOf: summary.asOf,
  roundId: summary.roundId,
  roundName: summary.roundName,
  progress: summary.progress,
  byHealth: summary.byHealth,
  actionCount: summary.actionCount,
  takenBy: summary.takenBy,
  programmeId: summary.programmeId,
});

/**
 * Council snapshots of the period being read, and what changed between them or since one. Reads
 * need READ_COUNCIL_REPORTS; a snapshot of another period is not found through this one.
 */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Principal | null): Promise<CouncilSnapshotModel[]> {
    this.policy.require(viewer, { kind: 'READ_COUNCIL_REPORTS' });
    const programme = await this.context.programme();
    return (await this.snapshots.summariesOfProgramme(programme.id)).map(toCouncilSnapshotModel);
  }

  async one(viewer: Principal | null, id: string): Promise<CouncilSnapshotModel | null> {
    this.policy.require(viewer, { kind: 'READ_COUNCIL_REPORTS' });
    const snapshot = await this.ofViewedPeriod(id);
    return snapshot && toCouncilSnapshotModel(summaryOf(snapshot));
  }

  async changes(viewer: Principal | null, fromId: string, toId: string | null): Promise<ProgrammeChangesModel> {
    this.policy.require(viewer, { kind: 'READ_COUNCIL_REPORTS' });
    const from = await this.ofViewedPeriod(fromId);
    if (!from) throw notFound(fromId, 'fromSnapshotId');
    if (toId === null) return this.changesSince(from);
    const to = await this.ofViewedPeriod(toId);
    if (!to) throw notFound(toId, 'toSnapshotId');
    return changesModel(from, to.document, to);
  }

  /** From the period's latest snapshot to now; null while it has none. */
  async sinceLast(viewer: Principal | null): Promise<ProgrammeChangesModel | null> {
    this.policy.require(viewer, { kind: 'READ_COUNCIL_REPORTS' });
    const latest = await this.snapshots.latestSnapshot((await this.context.programme()).id);
    return latest && this.changesSince(latest);
  }

  async take(caller: Caller, rawTitle: string): Promise<CouncilSnapshotModel> {
    this.policy.require(caller.viewer, { kind: 'TAKE_COUNCIL_SNAPSHOT' });
    const title = rawTitle.trim();
    if (title.length < 1 || title.length > TITLE_MAX) {
      throw new ApiError(ApiErrorCode.BAD_USER_INPUT, `title: between 1 and ${TITLE_MAX} characters`, {
        field: 'title',
        reason: 'TITLE_LENGTH',
      });
    }
    const programme = await this.context.programme();
    const taken = await this.writer.write(
      caller.actor,
      programme.id,
      (tx) =>
        takeSnapshot(tx, this.snapshots, {
          title,
          trigger: 'MANUAL',
          roundId: null,
          takenBy: caller.actor.userId,
          now: this.clock.now(),
        }),
      { repeatableRead: true },
    );
    return toCouncilSnapshotModel(summaryOf(taken));
  }

  private async changesSince(from: StoredSnapshot): Promise<ProgrammeChangesModel> {
    const programme = await this.context.programme();
    const now = await this.snapshots.buildNow(programme.id, programme.regionId, this.clock.now());
    return changesModel(from, now, null);
  }

  private async ofViewedPeriod(id: string): Promise<StoredSnapshot | null> {
    const [snapshot, programme] = await Promise.all([this.snapshots.findSnapshot(id), this.context.programme()]);
    return snapshot && snapshot.programmeId === programme.id ? snapshot : null;
  }
}

function notFound(id: string, field: string): ApiError {
  return new ApiError(ApiErrorCode.NOT_FOUND, `There is no snapshot ${id} in this programme period`, {
    field,
    reason: 'SNAPSHOT_NOT_FOUND',
  });
}

function changesModel(from: StoredSnapshot, after: SnapshotDocument, to: StoredSnapshot | null): ProgrammeChangesModel {
  const changes = compareSnapshots(from.document, after);
  const names = new Map(after.municipalities.map((m) => [m.id, m.name]));
  const lists = [
    changes.statusChanges,
    changes.healthChanges,
    changes.milestonesCompleted,
    changes.milestonesSlipped,
    changes.newActions,
    changes.cancelledActions,
    changes.newRisks,
    changes.indicatorValuesAdded,
  ];
  return {
    ...changes,
    from: toCouncilSnapshotModel(summaryOf(from)),
    to: to && toCouncilSnapshotModel(summaryOf(to)),
    fromTakenAt: new Date(changes.fromTakenAt),
    toTakenAt: new Date(changes.toTakenAt),
    count: lists.reduce((sum, list) => sum + list.length, 0),
    indicatorValuesAdded: changes.indicatorValuesAdded.map((change) => ({
      ...change,
      municipalityName: names.get(change.municipalityId) ?? '',
    })),
  };
}
