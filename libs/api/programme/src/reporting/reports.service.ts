import { Injectable } from '@nestjs/common';
import { type Caller, Clock, conflict, PolicyService } from '@tiltak/api-core';
import {
  type ActionAggregate,
  type Actor,
  type LockedReport,
  ProgrammeWriter,
  type ReportFilter,
  ReportingRepository,
  type ReportPatch,
  ReportOwnersRepository,
  type RoundReportEntity,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import {
  type ActionScope,
  assessHealth,
  type Health,
  isLate,
  needsNarrative,
  type Principal,
  roundClosesAt,
} from '@tiltak/domain';
import { ActionWrites, scopeOf } from '../actions/action-writes';
import { MilestonesService } from '../actions/milestones.service';
import { StatusWrites } from '../actions/status-writes';
import { ProgrammeContext } from '../programme/programme-context';
import { archiveReferencePatch, requireArchiveReference } from '../archive/archive-reference.input';
import type { FileReportInput, ReturnReportInput, SaveReportInput } from './dto/reporting.inputs';
import { type ReportModel, toReportModel } from './models/report.model';
import { ReportingErrorReason, reportingError } from './reporting.errors';

/** What a report's save or submission gives; the report is named apart (by id, or by the link). */
export type ReportAnswer = Omit<SaveReportInput, 'reportId'>;

/** Who may write to a report, decided on what the write locked. */
type Authorize = (action: ActionScope, report: RoundReportEntity) => void;

/**
 * Reports: saved as drafts, submitted (which moves the action's, or the municipality's, own figures
 * through the same path as a lead's update), returned by a coordinator, and submitted again.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportingRepository,
    private readonly owners: ReportOwnersRepository,
    private readonly writer: ProgrammeWriter,
    private readonly writes: ActionWrites,
    private readonly statusWrites: StatusWrites,
    private readonly milestones: MilestonesService,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async reportsOfRound(viewer: Principal | null, roundId: string, filter: ReportFilter): Promise<ReportModel[]> {
    this.policy.require(viewer, { kind: 'READ_REPORTS' });
    return (await this.reports.reportsOfRound(roundId, filter)).map(toReportModel);
  }

  /** What the viewer owes in open rounds, by the one owing rule, deadline first; returned ones among them. */
  async myReports(viewer: Principal | null): Promise<ReportModel[]> {
    this.policy.require(viewer, { kind: 'READ_REPORTS' });
    if (!viewer) return [];
    const owed = await this.owners.owedBy(viewer.userId);
    const programme = await this.context.programme();
    const ids = [...new Set(owed.map((row) => row.reportId))];
    const byId = new Map((await this.reports.reportsByIds(ids)).map((report) => [report.id, report]));
    const rounds = new Map((await this.reports.roundsByIds(owed.map((r) => r.roundId))).map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((report) => report && rounds.get(report.roundId)?.programmeId === programme.id)
      .map((report) => toReportModel(report as RoundReportEntity));
  }

  /** A signed-in user's save or submission: allowed as one who may update the action (or that municipality's figures). */
  saveReport(caller: Caller, input: SaveReportInput): Promise<ReportModel> {
    const { reportId, ...answer } = input;
    return this.save(caller.actor, reportId, answer, (action, report) =>
      this.policy.require(caller.viewer, { kind: 'SUBMIT_REPORT', action, municipalityId: report.municipalityId }),
    );
  }

  /**
   * The same save or submission by someone without an account, whose right to it the caller has
   * already established from a valid link. `actor` is who the history names.
   */
  saveByLink(actor: Actor, reportId: string, input: ReportAnswer): Promise<ReportModel> {
    return this.save(actor, reportId, input, () => undefined);
  }

  async returnReport(caller: Caller, input: ReturnReportInput): Promise<ReportModel> {
    const comment = input.comment.trim();
    if (!comment) {
      throw reportingError(ReportingErrorReason.COMMENT_REQUIRED, 'comment: say what should be looked at again', {
        field: 'comment',
      });
    }
    return this.writeReport(caller.actor, input.reportId, async (tx, _locked, { report, round }, scope) => {
      this.policy.require(caller.viewer, {
        kind: 'RETURN_REPORT',
        action: scope,
        municipalityId: report.municipalityId,
      });
      this.checkOpen(round);
      if (report.state !== 'SUBMITTED') {
        throw reportingError(ReportingErrorReason.NOT_SUBMITTED, 'Only a submitted report can be returned');
      }
      return this.update(tx, report, input.expectedVersion, {
        state: 'RETURNED',
        returnComment: comment,
        returnedAt: this.clock.now(),
        returnedByName: tx.actor.name,
      });
    });
  }

  /**
   * Files a submitted report: its case number and link in the archive. The coordinators who may
   * return it may file it (RETURN_REPORT's scope), also after the round closed, since a report is
   * usually journalled once it has gone to the council; its figures stay frozen.
   */
  async fileReport(caller: Caller, input: FileReportInput): Promise<ReportModel> {
    return this.writeReport(caller.actor, input.reportId, async (tx, _locked, { report }, scope) => {
      this.policy.require(caller.viewer, {
        kind: 'RETURN_REPORT',
        action: scope,
        municipalityId: report.municipalityId,
      });
      if (report.state !== 'SUBMITTED') {
        throw reportingError(ReportingErrorReason.NOT_SUBMITTED, 'Only a submitted report is filed in the archive');
      }
      requireArchiveReference(input);
      return this.update(tx, report, input.expectedVersion, archiveReferencePatch(input));
    });
  }

  /** The one path of every save and submission, whoever makes it. */
  private save(actor: Actor, reportId: string, input: ReportAnswer, authorize: Authorize): Promise<ReportModel> {
    return this.writeReport(actor, reportId, async (tx, locked, { report, round }, scope) => {
      authorize(scope, report);
      this.checkOpen(round);
      if (report.state === 'SUBMITTED') {
        throw reportingError(
          ReportingErrorReason.ALREADY_SUBMITTED,
          'This report is submitted; a coordinator can return it for changes',
        );
      }
      if (report.version !== input.expectedVersion) throw conflict('report', toReportModel(report));
      const given = {
        status: input.status ?? report.status,
        progress: input.progress ?? report.progress,
        health: input.health ?? report.health,
        narrative: input.narrative?.trim() ?? report.narrative,
      };
      if (report.municipalityId === null && input.progress !== undefined && locked.milestones.length > 0) {
        // Said now, not only at submission, so a draft never keeps a figure that cannot be submitted.
        this.statusWrites.assess(locked, { progress: input.progress, comment: '' }, this.clock.today());
      }
      if (!input.submit) {
        if (input.completeMilestoneIds?.length) {
          throw reportingError(
            ReportingErrorReason.MILESTONES_ONLY_ON_SUBMIT,
            'completeMilestoneIds: milestones are completed when the report is submitted',
            { field: 'completeMilestoneIds' },
          );
        }
        const state = report.state === 'NOT_STARTED' ? 'DRAFT' : report.state;
        return this.update(tx, report, report.version, { ...given, state });
      }
      const figures =
        report.municipalityId === null
          ? await this.submitToAction(tx, locked, given, input.completeMilestoneIds ?? [])
          : await this.submitToPart(tx, locked, report.municipalityId, given, input.completeMilestoneIds ?? []);
      const today = this.clock.today();
      return this.update(tx, report, report.version, {
        ...figures,
        narrative: given.narrative,
        state: 'SUBMITTED',
        late: isLate(round.deadline, today),
        submittedAt: this.clock.now(),
        submittedByName: tx.actor.name,
        submittedByUserId: tx.actor.userId,
      });
    });
  }

  /** The action's own report: milestones completed, then status, progress and health as a lead's update. */
  private async submitToAction(
    tx: WriteTransaction,
    locked: ActionAggregate,
    given: Given,
    milestoneIds: readonly string[],
  ): Promise<Figures> {
    const today = this.clock.today();
    const current = await this.completeMilestones(tx, locked, milestoneIds);
    const change = {
      ...(given.status !== null && { status: given.status }),
      ...(given.progress !== null && current.milestones.length === 0 && { progress: given.progress }),
      comment: given.narrative,
    };
    const { computed } = this.statusWrites.assess(current, change, today);
    // The reporter's judgement, else the lead's standing one, else the rules': a worry needs its reason,
    // and so does overruling the rules.
    this.requireNarrative(given.health ?? current.action.healthOverride ?? computed, given.narrative);
    if (given.health !== null && given.health !== computed && !given.narrative) {
      throw reportingError(
        ReportingErrorReason.NARRATIVE_REQUIRED,
        `narrative: the rules say ${computed}; say why it is ${given.health}`,
        { field: 'narrative' },
      );
    }
    const plan = this.statusWrites.plan(
      current,
      { ...change, ...(given.health !== null && { health: given.health }) },
      today,
    );
    const action = await this.statusWrites.apply(tx, current.action, current.action.version, plan, today);
    return { status: action.status, progress: action.progress, health: plan.entry.health };
  }

  /** A municipality's part: its own status and progress; health as the rules see those figures. */
  private async submitToPart(
    tx: WriteTransaction,
    locked: ActionAggregate,
    municipalityId: string,
    given: Given,
    milestoneIds: readonly string[],
  ): Promise<Figures> {
    const current = await this.completeMilestones(tx, locked, milestoneIds);
    const participation = current.participations.find((p) => p.municipalityId === municipalityId);
    const status = given.status ?? participation?.status ?? current.action.status;
    const progress = given.progress ?? participation?.progress ?? current.action.progress;
    const { action } = current;
    const computed = assessHealth({
      status,
      progress,
      startDate: action.startDate,
      dueDate: action.dueDate,
      today: this.clock.today(),
    }).health;
    const health = given.health ?? computed;
    this.requireNarrative(health, given.narrative);
    // Only what the reporter gave: a figure left empty keeps following the action's.
    const change = {
      ...(given.status !== null && { status }),
      ...(given.progress !== null && { progress }),
    };
    if (Object.keys(change).length > 0) {
      await this.statusWrites.applyToParticipation(tx, current, municipalityId, participation?.version ?? 0, change);
    }
    return { status, progress, health };
  }

  private async completeMilestones(
    tx: WriteTransaction,
    locked: ActionAggregate,
    ids: readonly string[],
  ): Promise<ActionAggregate> {
    const unknown = ids.find((id) => !locked.milestones.some((m) => m.id === id));
    if (unknown) {
      throw reportingError(
        ReportingErrorReason.MILESTONE_NOT_OF_ACTION,
        `completeMilestoneIds: ${unknown} is not a milestone of action ${locked.action.code}`,
        { field: 'completeMilestoneIds' },
      );
    }
    return this.milestones.completeWithin(tx, locked, [...new Set(ids)], this.clock.today());
  }

  private requireNarrative(health: Health, narrative: string): void {
    if (needsNarrative(health) && !narrative) {
      throw reportingError(
        ReportingErrorReason.NARRATIVE_REQUIRED,
        `narrative: the action is ${health === 'AT_RISK' ? 'at risk' : 'off track'}; say why and what is being done`,
        { field: 'narrative' },
      );
    }
  }

  /** Refuses every write to a report of a closed round, or of one whose time has run out but is not closed yet. */
  private checkOpen(round: LockedReport['round']): void {
    if (round.state === 'CLOSED' || roundClosesAt(round.deadline, round.graceDays) <= this.clock.now()) {
      throw reportingError(ReportingErrorReason.ROUND_CLOSED, 'This reporting round is closed; its reports are frozen');
    }
  }

  /**
   * The frame of a write to one report: the report's action locked first (as every write to an
   * action begins), then the report and its round, then the work, in one transaction.
   */
  private async writeReport(
    actor: Actor,
    reportId: string,
    work: (
      tx: WriteTransaction,
      locked: ActionAggregate,
      held: LockedReport,
      scope: ActionScope,
    ) => Promise<RoundReportEntity>,
  ): Promise<ReportModel> {
    const [programme, region] = await Promise.all([this.context.programme(), this.context.regionMunicipalityIds()]);
    const found = await this.reports.reportById(reportId);
    if (!found) throw notFound(reportId);
    const written = await this.writer.write(actor, programme.id, async (tx) => {
      const locked = await this.writes.lockForWrite(tx, { actionId: found.actionId });
      const held = await this.reports.lockReport(tx, reportId);
      if (!held) throw notFound(reportId);
      return work(tx, locked, held, scopeOf(locked, region));
    });
    return toReportModel(written);
  }

  private async update(
    tx: WriteTransaction,
    before: RoundReportEntity,
    expectedVersion: number,
    patch: ReportPatch,
  ): Promise<RoundReportEntity> {
    const after = await this.reports.updateReport(tx, before.id, expectedVersion, patch);
    if (!after) throw conflict('report', toReportModel(before));
    tx.record({ entity: 'report', entityId: before.id, operation: 'UPDATE', before, after });
    return after;
  }
}

type Given = Pick<RoundReportEntity, 'status' | 'progress' | 'health' | 'narrative'>;
type Figures = Required<Pick<ReportPatch, 'status' | 'progress' | 'health'>>;

function notFound(reportId: string) {
  return reportingError(ReportingErrorReason.REPORT_NOT_FOUND, `Report ${reportId} does not exist`, {
    field: 'reportId',
  });
}
