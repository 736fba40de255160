import { Injectable } from '@nestjs/common';
import { type Caller, conflict, PolicyService } from '@tiltak/api-core';
import {
  type ActionAggregate,
  ActionWriteRepository,
  type FundingLineEntity,
  type FundingLineFields,
  FundingRepository,
  ProgrammeWriter,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { type ActionScope, type Principal, sourceNeedsMunicipality, sourceNeedsName } from '@tiltak/domain';
import { ActionWrites, type ActionWritten, EDIT_ACTION, scopeOf } from '../actions/action-writes';
import { type ActionModel, toActionModel } from '../models/action.model';
import { ProgrammeContext } from '../programme/programme-context';
import type {
  DeleteFundingLineInput,
  RecordFundingLineInput,
  SetActionBudgetInput,
  SetEffortHoursInput,
  UpdateFundingLineInput,
} from './dto/funding.inputs';
import { FundingErrorReason, fundingError } from './funding.errors';
import {
  type EffortEntryModel,
  type FundingLineModel,
  toEffortEntryModel,
  toFundingLineModel,
} from './models/funding.model';

/** The municipality a line's permission turns on: its own for a municipal share, none for any other source. */
const shareOf = (line: Pick<FundingLineEntity, 'source' | 'municipalityId'>) =>
  line.source === 'MUNICIPALITY' ? line.municipalityId : null;

/**
 * An action's money and effort: its budget, its funding lines and the hours its parties put in.
 * Every write locks the action first (as every write to an action does), checks the caller on
 * what it locked, validates, then writes with the version guard and logs the change.
 */
@Injectable()
export class FundingService {
  constructor(
    private readonly funding: FundingRepository,
    private readonly actionWrites: ActionWriteRepository,
    private readonly writes: ActionWrites,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  /** Reading money is for those signed in: a public dashboard shows progress, not amounts. */
  requireReader(viewer: Principal | null): void {
    this.policy.require(viewer, { kind: 'READ_FUNDING' });
  }

  setBudget(caller: Caller, input: SetActionBudgetInput): Promise<ActionWritten> {
    return this.writes.write(caller, { actionId: input.actionId }, EDIT_ACTION, async (tx, locked, today) => {
      const before = locked.action;
      const after = await this.actionWrites.update(tx, before.id, input.expectedVersion, { budget: input.budget });
      if (!after) throw conflict('action', toActionModel(before, today));
      tx.record({ entity: 'action', entityId: after.id, operation: 'UPDATE', before, after });
      return { ...locked, action: after };
    });
  }

  recordLine(caller: Caller, input: RecordFundingLineInput): Promise<FundingLineModel> {
    return this.onAction(caller, input.actionId, async (tx, locked) => {
      const wanted: FundingLineFields = {
        source: input.source,
        municipalityId: input.municipalityId ?? null,
        sourceName: input.sourceName?.trim() || null,
        status: input.status,
        amount: input.amount,
        year: input.year,
        reference: input.reference?.trim() || null,
      };
      this.requireLine(caller.viewer, scopeOf(locked, await this.context.regionMunicipalityIds()), wanted);
      checkLine(locked, wanted);
      const line = await this.funding.createLine(tx, locked.action.id, wanted);
      tx.record({ entity: 'funding_line', entityId: line.id, operation: 'CREATE', before: null, after: line });
      return toFundingLineModel(line);
    });
  }

  updateLine(caller: Caller, input: UpdateFundingLineInput): Promise<FundingLineModel> {
    return this.onLine(caller, input.fundingLineId, async (tx, locked, before) => {
      const source = input.source ?? before.source;
      const wanted: FundingLineFields = {
        source,
        // A line that stops being a municipal share names no municipality any more, unless the input insists.
        municipalityId:
          input.municipalityId !== undefined
            ? input.municipalityId
            : sourceNeedsMunicipality(source)
              ? before.municipalityId
              : null,
        sourceName: input.sourceName !== undefined ? input.sourceName?.trim() || null : before.sourceName,
        status: input.status ?? before.status,
        amount: input.amount ?? before.amount,
        year: input.year ?? before.year,
        reference: input.reference !== undefined ? input.reference?.trim() || null : before.reference,
      };
      // Moving a line to another source or municipality needs the right to it as it becomes, too.
      this.requireLine(caller.viewer, scopeOf(locked, await this.context.regionMunicipalityIds()), wanted);
      if (before.version !== input.expectedVersion) throw conflict('funding line', toFundingLineModel(before));
      checkLine(locked, wanted);
      const after = await this.funding.updateLine(tx, before.id, input.expectedVersion, wanted);
      if (!after) throw conflict('funding line', toFundingLineModel(before));
      tx.record({ entity: 'funding_line', entityId: after.id, operation: 'UPDATE', before, after });
      return toFundingLineModel(after);
    });
  }

  /** Deletes a line; answers its action. */
  async deleteLine(caller: Caller, input: DeleteFundingLineInput): Promise<ActionModel> {
    const action = await this.onLine(caller, input.fundingLineId, async (tx, locked, before) => {
      if (!(await this.funding.deleteLine(tx, before.id, input.expectedVersion))) {
        throw conflict('funding line', toFundingLineModel(before));
      }
      tx.record({ entity: 'funding_line', entityId: before.id, operation: 'DELETE', before, after: null });
      return locked.action;
    });
    return toActionModel(action, this.context.today());
  }

  setEffort(caller: Caller, input: SetEffortHoursInput): Promise<EffortEntryModel> {
    return this.onAction(caller, input.actionId, async (tx, locked) => {
      this.policy.require(caller.viewer, {
        kind: 'RECORD_EFFORT',
        action: scopeOf(locked, await this.context.regionMunicipalityIds()),
        partyId: input.partyId,
      });
      if (!locked.involvements.some((i) => i.partyId === input.partyId)) {
        throw fundingError(
          FundingErrorReason.PARTY_NOT_INVOLVED,
          `partyId: the party takes no part in action ${locked.action.code}`,
          'partyId',
        );
      }
      const key = { actionId: input.actionId, partyId: input.partyId, year: input.year };
      const before = await this.funding.lockEffort(tx, key);
      const entityId = `${key.actionId}:${key.partyId}:${key.year}`;
      if (!before) {
        // An entry the caller believed in but that is not there: their picture is stale.
        if (input.expectedVersion != null) throw conflict('effort entry', null);
        const created = await this.funding.createEffort(tx, key, input.hours);
        tx.record({ entity: 'effort_entry', entityId, operation: 'CREATE', before: null, after: created });
        return toEffortEntryModel(created);
      }
      const after =
        input.expectedVersion == null
          ? null
          : await this.funding.updateEffort(tx, key, input.expectedVersion, input.hours);
      if (!after) throw conflict('effort entry', toEffortEntryModel(before));
      tx.record({ entity: 'effort_entry', entityId, operation: 'UPDATE', before, after });
      return toEffortEntryModel(after);
    });
  }

  private requireLine(viewer: Principal | null, action: ActionScope, line: FundingLineFields): void {
    this.policy.require(viewer, { kind: 'EDIT_FUNDING_LINE', action, municipalityId: shareOf(line) });
  }

  /** One transaction with the action's row locked and its aggregate read. */
  private async onAction<T>(
    caller: Caller,
    actionId: string,
    work: (tx: WriteTransaction, locked: ActionAggregate) => Promise<T>,
  ): Promise<T> {
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) =>
      work(tx, await this.writes.lockForWrite(tx, { actionId })),
    );
  }

  /**
   * The same, for a write to one line: its action locked first, then the line, and the caller
   * checked on the line as it is (so a line is neither changed nor moved by one who may not touch it).
   */
  private async onLine<T>(
    caller: Caller,
    lineId: string,
    work: (tx: WriteTransaction, locked: ActionAggregate, line: FundingLineEntity) => Promise<T>,
  ): Promise<T> {
    const found = await this.funding.lineById(lineId);
    if (!found) throw lineNotFound(lineId);
    return this.onAction(caller, found.actionId, async (tx, locked) => {
      const line = await this.funding.lockLine(tx, lineId);
      // A line never moves to another action; gone since it was read, it is not found.
      if (!line || line.actionId !== locked.action.id) throw lineNotFound(lineId);
      this.requireLine(caller.viewer, scopeOf(locked, await this.context.regionMunicipalityIds()), line);
      return work(tx, locked, line);
    });
  }
}

/** The rules of a line's fields among themselves and against the action; nothing is written when one fails. */
function checkLine(locked: ActionAggregate, line: FundingLineFields): void {
  if (line.amount <= 0) {
    throw fundingError(
      FundingErrorReason.AMOUNT_NOT_POSITIVE,
      'amount: a funding line is more than 0 kroner',
      'amount',
    );
  }
  if (sourceNeedsMunicipality(line.source)) {
    if (!line.municipalityId) {
      throw fundingError(
        FundingErrorReason.MUNICIPALITY_REQUIRED,
        'municipalityId: a municipal share names its municipality',
        'municipalityId',
      );
    }
    if (!locked.participations.some((p) => p.municipalityId === line.municipalityId)) {
      throw fundingError(
        FundingErrorReason.NOT_A_MUNICIPALITY_OF_ACTION,
        `municipalityId: the municipality takes no part in action ${locked.action.code}`,
        'municipalityId',
      );
    }
  } else if (line.municipalityId) {
    throw fundingError(
      FundingErrorReason.MUNICIPALITY_NOT_ALLOWED,
      'municipalityId: only a municipal share names a municipality',
      'municipalityId',
    );
  }
  if (sourceNeedsName(line.source) && !line.sourceName) {
    throw fundingError(
      FundingErrorReason.SOURCE_NAME_REQUIRED,
      `sourceName: say whose money it is (${line.source})`,
      'sourceName',
    );
  }
}

function lineNotFound(id: string) {
  return fundingError(FundingErrorReason.FUNDING_LINE_NOT_FOUND, `Funding line ${id} does not exist`, 'fundingLineId');
}
