import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Caller, Clock, conflict, PolicyService } from '@tiltak/api-core';
import {
  type CopiedRow,
  PeriodCopyRepository,
  PeriodRepository,
  ProgrammeRepository,
  ProgrammeWriter,
  SnapshotRepository,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { type ProgrammeModel, toProgrammeModel } from '../models/programme.model';
import { ProgrammeContext } from '../programme/programme-context';
import { takeSnapshot } from '../snapshots/take-snapshot';
import type { StartProgrammePeriodInput } from './dto/period.inputs';
import { PeriodErrorReason, periodError } from './periods.errors';

/** Programme periods: which there are, and the revision (rullering) that starts the next one. */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly periods: PeriodRepository,
    private readonly copies: PeriodCopyRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
    private readonly snapshots: SnapshotRepository,
  ) {}

  /** The region's periods, newest first. */
  async list(): Promise<ProgrammeModel[]> {
    const current = await this.context.currentProgramme();
    return (await this.programmes.programmesOfRegion(current.regionId)).map(toProgrammeModel);
  }

  /**
   * Ends the current period and starts the next in one write: focus areas copied, the actions
   * carried over copied with their parts and pointing to their predecessors, the others ended with
   * their reasons, indicators copied without values, each municipality's adoption proposed, and
   * the ending period's open reporting rounds closed (their reports frozen as they stand).
   */
  async startProgrammePeriod(caller: Caller, input: StartProgrammePeriodInput): Promise<ProgrammeModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const endings = input.endings.map((e) => ({ actionId: e.actionId, reason: e.reason.trim() }));
    const blank = endings.findIndex((e) => e.reason === '');
    if (blank >= 0) {
      throw periodError(PeriodErrorReason.REASON_REQUIRED, 'An ended action needs a reason', `endings.${blank}.reason`);
    }
    if (input.endYear < input.startYear) {
      throw periodError(PeriodErrorReason.INVALID_PERIOD, 'endYear: the period cannot end before it starts', 'endYear');
    }
    // The current period, never the one the request reads: a revision always starts from the period being run.
    const current = await this.context.currentProgramme();
    const newId = randomUUID();
    // The revision's changes belong to the new period, which its subscribers follow from now on.
    const started = await this.writer.write(caller.actor, newId, async (tx) => {
      const { programme: before, actions } = await this.periods.lockPeriod(tx, current.id);
      if (!before || before.state !== 'CURRENT' || before.version !== input.expectedVersion) {
        const now = before?.state === 'CURRENT' ? before : await this.programmes.currentProgramme();
        throw conflict('programme period', now && toProgrammeModel(now));
      }
      this.checkDecisions(
        actions.map((a) => a.id),
        input.carryOver,
        endings.map((e) => e.actionId),
      );
      if (input.startYear <= before.startYear) {
        throw periodError(
          PeriodErrorReason.INVALID_PERIOD,
          `startYear: the new period starts after ${before.startYear}, when the current one started`,
          'startYear',
        );
      }
      const slug = input.slug ?? `handlingsprogram-${input.startYear}-${input.endYear}`;
      if (await this.periods.slugTaken(tx, before.regionId, slug)) {
        throw periodError(PeriodErrorReason.SLUG_TAKEN, `slug: ${slug} is already in use`, 'slug');
      }

      for (const round of await this.periods.closeOpenRounds(tx, before.id, this.clock.now())) {
        tx.record({ entity: 'reporting_round', entityId: round.id, operation: 'UPDATE', before: null, after: round });
        // Each round closed by the revision leaves its snapshot of the ending period, as a round closed by hand does.
        await takeSnapshot(tx, this.snapshots, {
          programmeId: before.id,
          title: round.name,
          trigger: 'ROUND_CLOSED',
          roundId: round.id,
          takenBy: tx.actor.userId,
          now: this.clock.now(),
        });
      }
      const ended = await this.periods.endPeriod(tx, before.id);
      tx.record({ entity: 'programme', entityId: before.id, operation: 'UPDATE', before, after: ended });
      const period = await this.periods.createPeriod(tx, {
        id: newId,
        regionId: before.regionId,
        slug,
        name: input.name.trim(),
        startYear: input.startYear,
        endYear: input.endYear,
        predecessorId: before.id,
      });
      tx.record({ entity: 'programme', entityId: period.id, operation: 'CREATE', before: null, after: period });
      await this.copy(
        tx,
        { fromProgrammeId: before.id, toProgrammeId: period.id },
        input.carryOver,
        before.regionId,
        input.startYear,
      );
      for (const action of await this.periods.endActions(tx, endings)) {
        tx.record({ entity: 'action', entityId: action.id, operation: 'UPDATE', before: null, after: action });
      }
      return period;
    });
    // This instance reads the new period at once; the others hear of it from the change feed.
    this.context.forgetProgrammes();
    return toProgrammeModel(started);
  }

  /** Every action of the period decided once: carried over, or ended with a reason. */
  private checkDecisions(periodActions: string[], carryOver: string[], ended: string[]): void {
    const known = new Set(periodActions);
    const decided = new Set<string>();
    for (const [field, ids] of [
      ['carryOver', carryOver],
      ['endings', ended],
    ] as const) {
      ids.forEach((id, index) => {
        if (!known.has(id)) {
          throw periodError(
            PeriodErrorReason.UNKNOWN_ACTION,
            `${field}: ${id} is not an action of the current period`,
            `${field}.${index}`,
          );
        }
        if (decided.has(id)) {
          throw periodError(
            PeriodErrorReason.ACTION_DECIDED_TWICE,
            `${field}: ${id} is decided on twice`,
            `${field}.${index}`,
          );
        }
        decided.add(id);
      });
    }
    const undecided = periodActions.filter((id) => !decided.has(id));
    if (undecided.length > 0) {
      throw periodError(
        PeriodErrorReason.ACTION_NOT_DECIDED,
        `${undecided.length} action(s) of the current period are neither carried over nor ended: ${undecided.join(', ')}`,
        'carryOver',
      );
    }
  }

  private async copy(
    tx: WriteTransaction,
    copy: { fromProgrammeId: string; toProgrammeId: string },
    carryOver: string[],
    regionId: string,
    fromYear: number,
  ): Promise<void> {
    const logged = (entity: string, rows: CopiedRow[]) => {
      for (const row of rows) {
        const after = { id: row.id, copiedFrom: row.fromId || null, ...(row.actionId && { actionId: row.actionId }) };
        tx.record({ entity, entityId: row.id, operation: 'CREATE', before: null, after });
      }
    };
    logged('focus_area', await this.copies.focusAreas(tx, copy));
    logged('action', await this.copies.actions(tx, copy, carryOver));
    logged('participation', await this.copies.participations(tx, copy));
    logged('involvement', await this.copies.involvements(tx, copy));
    logged('project_lead', await this.copies.projectLeads(tx, copy));
    logged('action_goal', await this.copies.actionGoals(tx, copy));
    logged('action_innovation_priority', await this.copies.actionInnovationPriorities(tx, copy));
    logged('funding_line', await this.copies.fundingLines(tx, copy, fromYear));
    logged('effort_entry', await this.copies.effortEntries(tx, copy, fromYear));
    logged('milestone', await this.copies.openMilestones(tx, copy));
    logged('indicator', await this.copies.indicators(tx, copy));
    logged('adoption', await this.copies.adoptions(tx, copy, regionId));
    logged('adoption_decision', await this.copies.adoptionDecisions(tx, copy));
  }
}
