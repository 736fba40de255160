import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tiltak/api-core';
import {
  type ContributionRow,
  type ExpectationRow,
  expectedOfSums as expectedOf,
  matrixCellFigures,
  ProgressRepository,
  sumExpectations as sumOf,
} from '@tiltak/api-data-access';
import { countHealth, expectedProgress, rollUpProgress, staleBoundary } from '@tiltak/domain';
import type { ProgressExplanationModel } from '../models/action.model';
import type { ProgressCellModel } from '../models/matrix.model';
import type { ProgrammeStandingModel } from '../models/programme.model';
import type { Loaders } from '../loaders/request-loaders';
import { ProgrammeContext } from './programme-context';

const ROLL_UP_METHOD =
  'Weighted mean of the actions’ progress on each municipality’s own figures (each action counts with its weight, ' +
  'once in every municipality it concerns), one decimal, cancelled actions skipped.' +
  ' Expected progress is the same weighted mean of each action’s expected progress: the share of the time from its' +
  ' start to its due date that has passed by today, so a steady pace would be on it.';

/** Rolled-up progress: read from the kept figures for lists and the matrix, explained action by action on request. */
@Injectable()
export class ProgressService {
  private readonly staleAfterDays: number;

  constructor(
    private readonly progressRepository: ProgressRepository,
    private readonly context: ProgrammeContext,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.staleAfterDays = config.progress.staleAfterDays;
  }

  /**
   * Expected progress and stale actions of every cell, one statement per request whatever asks.
   * They are computed from the actions on each read rather than kept: they move with the calendar
   * every day, and the statement is one pass over the programme's actions.
   */
  private expectations(loaders: Loaders): Promise<ExpectationRow[]> {
    return loaders.once('expectations', async () => {
      const today = this.context.today();
      return this.progressRepository.expectations(
        (await this.context.programme()).id,
        today,
        staleBoundary(today, this.staleAfterDays),
      );
    });
  }

  async matrix(loaders: Loaders): Promise<ProgressCellModel[]> {
    const programme = await this.context.programme();
    const [cells, expectations] = await Promise.all([
      this.progressRepository.matrix(programme.id, programme.regionId, this.context.today()),
      this.expectations(loaders),
    ]);
    return matrixCellFigures(cells, expectations);
  }

  /** Expected progress of the programme and its actions by health and staleness, each action once. */
  async standing(loaders: Loaders): Promise<ProgrammeStandingModel> {
    const rows = await this.expectations(loaders);
    // Counted once per action, as the actions list counts them; expected rolls up every cell, as progress does.
    const sums = sumOf(rows.filter((row) => row.municipalityId === null));
    return {
      expectedProgress: expectedOf(sumOf(rows.filter((row) => row.municipalityId !== null))),
      onTrack: sums.counted - sums.atRisk - sums.offTrack,
      atRisk: sums.atRisk,
      offTrack: sums.offTrack,
      stale: sums.stale,
      staleAfterDays: this.staleAfterDays,
    };
  }

  /** Expected progress of a focus area over its cells, rolled up as its progress is. */
  async focusAreaExpected(loaders: Loaders, focusAreaId: string): Promise<number | null> {
    const rows = await this.expectations(loaders);
    return expectedOf(sumOf(rows.filter((row) => row.municipalityId !== null && row.focusAreaId === focusAreaId)));
  }

  /** Expected progress of a municipality over its cells, rolled up as its progress is. */
  async municipalityExpected(loaders: Loaders, municipalityId: string): Promise<number | null> {
    const rows = await this.expectations(loaders);
    return expectedOf(sumOf(rows.filter((row) => row.municipalityId === municipalityId)));
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
    const today = this.context.today();
    const rows = await this.progressRepository.contributions(programme.id, scope, today);
    return explanationOf(rows, ROLL_UP_METHOD, today);
  }
}

export function explanationOf(rows: ContributionRow[], method: string, today: string): ProgressExplanationModel {
  const rollUp = rollUpProgress(rows);
  const expected = rows.map((row) => expectedProgress(row.startDate, row.dueDate, today));
  const expectedRollUp = rollUpProgress(rows.map((row, i) => ({ ...row, progress: expected[i] })));
  return {
    progress: rollUp.progress,
    expectedProgress: expectedRollUp.progress,
    expectedWeightedSum: expectedRollUp.weightedSum,
    method,
    weightedSum: rollUp.weightedSum,
    totalWeight: rollUp.totalWeight,
    actionCount: rows.length,
    byHealth: countHealth(rows),
    overdueMilestones: rows.reduce((sum, row) => sum + row.overdueMilestones, 0),
    contributions: rows.map((row, i) => ({
      actionId: row.actionId,
      code: row.code,
      title: row.title,
      municipalityId: row.municipalityId,
      status: row.status,
      progress: row.progress,
      weight: row.weight,
      health: row.health,
      expectedProgress: expected[i],
      overdueMilestones: row.overdueMilestones,
      counted: row.status !== 'CANCELLED',
    })),
  };
}
