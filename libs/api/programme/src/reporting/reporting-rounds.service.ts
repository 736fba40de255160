import { Injectable, Logger } from '@nestjs/common';
import { type Caller, Clock, conflict, PolicyService } from '@tiltak/api-core';
import {
  type Actor,
  ProgrammeWriter,
  type ReportingRoundEntity,
  ReportingRepository,
  type RoundPatch,
  SnapshotRepository,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { isIsoDate, type Principal, type ReportingRoundState } from '@tiltak/domain';
import { ProgrammeContext } from '../programme/programme-context';
import { takeSnapshot } from '../snapshots/take-snapshot';
import type { OpenReportingRoundInput, UpdateReportingRoundInput } from './dto/reporting.inputs';
import { type ReportingRoundModel, toReportingRoundModel } from './models/reporting-round.model';
import { ReportingErrorReason, reportingError } from './reporting.errors';

const DEFAULTS = { graceDays: 7, reminderDaysBefore: [7, 1], reminderDaysAfter: [1] };

/** Who closes the rounds whose time has come, as the change log shows it. */
const SCHEDULE: Actor = { name: 'Tiltak', userId: null };

/** Reporting rounds: an admin opens one (with a report per action under way), changes it and closes it. */
@Injectable()
export class ReportingRoundsService {
  private readonly logger = new Logger('ReportingRounds');

  constructor(
    private readonly rounds: ReportingRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
    private readonly snapshots: SnapshotRepository,
  ) {}

  async roundsOfProgramme(viewer: Principal | null, state?: ReportingRoundState): Promise<ReportingRoundModel[]> {
    this.policy.require(viewer, { kind: 'READ_REPORTS' });
    const programme = await this.context.programme();
    return (await this.rounds.roundsOfProgramme(programme.id, state)).map(toReportingRoundModel);
  }

  async round(viewer: Principal | null, id: string): Promise<ReportingRoundModel | null> {
    this.policy.require(viewer, { kind: 'READ_REPORTS' });
    const programme = await this.context.programme();
    const [round] = await this.rounds.roundsByIds([id]);
    return round && round.programmeId === programme.id ? toReportingRoundModel(round) : null;
  }

  async openRound(caller: Caller, input: OpenReportingRoundInput): Promise<ReportingRoundModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_REPORTING_ROUNDS' });
    const programme = await this.context.programme();
    const today = this.clock.today();
    const graceDays = input.graceDays ?? DEFAULTS.graceDays;
    const settings = {
      name: input.name.trim(),
      deadline: input.deadline,
      graceDays,
      reminderDaysBefore: unique(input.reminderDaysBefore ?? DEFAULTS.reminderDaysBefore),
      // The default reminders after the deadline are those the grace period has room for.
      reminderDaysAfter: unique(input.reminderDaysAfter ?? DEFAULTS.reminderDaysAfter.filter((d) => d <= graceDays)),
    };
    this.checkSettings(settings, today);
    const actionIds = await this.reportingActions(programme.id, input.actionIds, today);
    const round = await this.writer.write(caller.actor, programme.id, async (tx) => {
      await this.checkName(tx, settings.name, null);
      const created = await this.rounds.createRound(tx, {
        ...settings,
        openedAt: this.clock.now(),
        openedByName: caller.actor.name,
      });
      const reports = await this.rounds.createReports(tx, created.id, actionIds);
      // One event for the round and its reports: they are made together and say nothing yet.
      tx.record({
        entity: 'reporting_round',
        entityId: created.id,
        operation: 'CREATE',
        before: null,
        after: { ...created, reports },
      });
      return created;
    });
    return toReportingRoundModel(round);
  }

  async updateRound(caller: Caller, input: UpdateReportingRoundInput): Promise<ReportingRoundModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_REPORTING_ROUNDS' });
    const programme = await this.context.programme();
    const today = this.clock.today();
    const round = await this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.openRoundForWrite(tx, input.roundId);
      const patch: RoundPatch = {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.deadline !== undefined && { deadline: input.deadline }),
        ...(input.graceDays !== undefined && { graceDays: input.graceDays }),
        ...(input.reminderDaysBefore !== undefined && { reminderDaysBefore: unique(input.reminderDaysBefore) }),
        ...(input.reminderDaysAfter !== undefined && { reminderDaysAfter: unique(input.reminderDaysAfter) }),
      };
      // A deadline kept as it was may lie in the past by now; only a new one must be ahead.
      this.checkSettings({ ...before, ...patch }, patch.deadline === undefined ? before.deadline : today);
      if (patch.name !== undefined) await this.checkName(tx, patch.name, before.id);
      const after = await this.rounds.updateRound(tx, before.id, input.expectedVersion, patch);
      if (!after) throw conflict('reporting round', toReportingRoundModel(before));
      tx.record({ entity: 'reporting_round', entityId: before.id, operation: 'UPDATE', before, after });
      return after;
    });
    return toReportingRoundModel(round);
  }

  /** An admin closes a round before its time. */
  async closeRound(caller: Caller, roundId: string, expectedVersion: number): Promise<ReportingRoundModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_REPORTING_ROUNDS' });
    const programme = await this.context.programme();
    const round = await this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.openRoundForWrite(tx, roundId);
      return this.close(tx, before, expectedVersion);
    });
    return toReportingRoundModel(round);
  }

  /**
   * Closes every open round whose time has come (the end of deadline plus grace days, Oslo time),
   * each in a write of its own, and answers their ids. Safe to run on several instances at once:
   * a round another closed first is left alone.
   */
  async closeDueRounds(): Promise<string[]> {
    const closed: string[] = [];
    for (const due of await this.rounds.dueRounds(this.clock.now())) {
      const done = await this.writer.write(SCHEDULE, due.programmeId, async (tx) => {
        const round = await this.rounds.lockRound(tx, due.id);
        if (!round || round.state !== 'OPEN') return false;
        await this.close(tx, round, round.version);
        return true;
      });
      if (done) closed.push(due.id);
    }
    if (closed.length > 0) this.logger.log(`Closed ${closed.length} reporting round(s) whose time had come`);
    return closed;
  }

  private async close(tx: WriteTransaction, before: ReportingRoundEntity, expectedVersion: number) {
    const after = await this.rounds.updateRound(tx, before.id, expectedVersion, {
      state: 'CLOSED',
      closedAt: this.clock.now(),
    });
    if (!after) throw conflict('reporting round', toReportingRoundModel(before));
    tx.record({ entity: 'reporting_round', entityId: before.id, operation: 'UPDATE', before, after });
    // The programme as the round leaves it, for the council: in the same write, so the two go together.
    await takeSnapshot(tx, this.snapshots, {
      title: after.name,
      trigger: 'ROUND_CLOSED',
      roundId: after.id,
      takenBy: tx.actor.userId,
      now: this.clock.now(),
    });
    return after;
  }

  private async openRoundForWrite(tx: WriteTransaction, roundId: string): Promise<ReportingRoundEntity> {
    const round = await this.rounds.lockRound(tx, roundId);
    if (!round) throw reportingError(ReportingErrorReason.ROUND_NOT_FOUND, `Reporting round ${roundId} does not exist`);
    if (round.state === 'CLOSED') {
      throw reportingError(ReportingErrorReason.ROUND_CLOSED, 'This reporting round is closed; its reports are frozen');
    }
    return round;
  }

  private checkSettings(
    round: { deadline: string; graceDays: number; reminderDaysBefore: number[]; reminderDaysAfter: number[] },
    earliestDeadline: string,
  ): void {
    if (!isIsoDate(round.deadline)) {
      throw reportingError(ReportingErrorReason.INVALID_DATE, `deadline: ${round.deadline} is not a calendar date`, {
        field: 'deadline',
      });
    }
    if (round.deadline < earliestDeadline) {
      throw reportingError(ReportingErrorReason.DEADLINE_IN_PAST, 'deadline: the deadline has already passed', {
        field: 'deadline',
      });
    }
    if (round.reminderDaysAfter.some((days) => days > round.graceDays)) {
      throw reportingError(
        ReportingErrorReason.REMINDER_AFTER_GRACE,
        'reminderDaysAfter: reminders after the deadline go within the grace period',
        { field: 'reminderDaysAfter' },
      );
    }
  }

  private async checkName(tx: WriteTransaction, name: string, exceptRoundId: string | null): Promise<void> {
    if (!name)
      throw reportingError(ReportingErrorReason.NAME_REQUIRED, 'name: give the round a name', { field: 'name' });
    if (await this.rounds.nameTaken(tx, name, exceptRoundId)) {
      throw reportingError(ReportingErrorReason.NAME_TAKEN, `name: there is already a round called ${name}`, {
        field: 'name',
      });
    }
  }

  /** The actions named, all of the programme's, or by default every action under way. */
  private async reportingActions(programmeId: string, named: string[] | undefined, today: string): Promise<string[]> {
    if (!named) {
      const underWay = await this.rounds.actionsUnderWay(programmeId, today);
      if (underWay.length === 0) {
        throw reportingError(ReportingErrorReason.NO_ACTIONS, 'actionIds: no action is under way to report', {
          field: 'actionIds',
        });
      }
      return underWay;
    }
    const wanted = unique(named);
    const known = new Set(await this.rounds.actionsOfProgramme(programmeId, wanted));
    const unknown = wanted.find((id) => !known.has(id));
    if (unknown) {
      throw reportingError(ReportingErrorReason.UNKNOWN_ACTION, `actionIds: no action ${unknown}`, {
        field: 'actionIds',
      });
    }
    return wanted;
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
