import { Injectable } from '@nestjs/common';
import { type ContributionRow, ProgressRepository } from '@tiltak/api-data-access';
import { countHealth, rollUpProgress } from '@tiltak/domain';
import type { ProgressExplanationModel } from '../models/action.model';
import type { ProgressCellModel } from '../models/matrix.model';
import type { Loaders } from '../loaders/request-loaders';
import { ProgrammeContext } from './programme-context';

const ROLL_UP_METHOD =
  'Weighted mean of the actions’ progress on each municipality’s own figures (each action counts with its weight, ' +
  'once in every municipality it concerns), one decimal, cancelled actions skipped.';

/** Rolled-up progress: read from the kept figures for lists and the matrix, explained action by action on request. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly progressRepository: ProgressRepository,
    private readonly context: ProgrammeContext,
  ) {}

  async matrix(): Promise<ProgressCellModel[]> {
    const programme = await this.context.programme();
    const cells = await this.progressRepository.matrix(programme.id, programme.regionId, this.context.today());
    return cells.map((cell) => ({
      municipalityId: cell.municipalityId,
      focusAreaId: cell.focusAreaId,
      progress: cell.progress,
      actionCount: cell.actionCount,
      byStatus: {
        notStarted: cell.notStarted,
        inProgress: cell.inProgress,
        onHold: cell.onHold,
        completed: cell.completed,
        cancelled: cell.cancelled,
      },
      byHealth: { onTrack: cell.onTrack, atRisk: cell.atRisk, offTrack: cell.offTrack },
      overdueMilestones: cell.overdueMilestones,
    }));
  }

  async programmeProgress(): Promise<number | null> {
    return this.progressRepository.programmeProgress((await this.context.programme()).id);
  }

  /** Progress of one focus area (its column of the matrix), from one roll-up of all of them per request. */
  async focusAreaProgress(loaders: Loaders, focusAreaId: string): Promise<number | null> {
    const all = await loaders.once('focusAreaProgress', async () => {
      const rows = await this.progressRepository.focusAreaProgress((await this.context.programme()).id);
      return new Map(rows.map((row) => [row.key, row.progress]));
    });
    return all.get(focusAreaId) ?? null;
  }

  /** Progress of one municipality on its own figures, from one roll-up of all of them per request. */
  async municipalityProgress(loaders: Loaders, municipalityId: string): Promise<number | null> {
    const all = await loaders.once('municipalityProgress', async () => {
      const rows = await this.progressRepository.municipalityProgress((await this.context.programme()).id);
      return new Map(rows.map((row) => [row.key, row.progress]));
    });
    return all.get(municipalityId) ?? null;
  }

  /** Which actions a figure counts, with what weight, and the result by libs/domain's rule. */
  async explain(scope: { municipalityId?: string; focusAreaId?: string }): Promise<ProgressExplanationModel> {
    const programme = await this.context.programme();
    const rows = await this.progressRepository.contributions(programme.id, scope, this.context.today());
    return explanationOf(rows, ROLL_UP_METHOD);
  }
}

export function explanationOf(rows: ContributionRow[], method: string): ProgressExplanationModel {
  const rollUp = rollUpProgress(rows);
  return {
    progress: rollUp.progress,
    method,
    weightedSum: rollUp.weightedSum,
    totalWeight: rollUp.totalWeight,
    actionCount: rows.length,
    byHealth: countHealth(rows),
    overdueMilestones: rows.reduce((sum, row) => sum + row.overdueMilestones, 0),
    contributions: rows.map((row) => ({
      actionId: row.actionId,
      code: row.code,
      title: row.title,
      municipalityId: row.municipalityId,
      status: row.status,
      progress: row.progress,
      weight: row.weight,
      health: row.health,
      overdueMilestones: row.overdueMilestones,
      counted: row.status !== 'CANCELLED',
    })),
  };
}
