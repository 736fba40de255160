import { Injectable } from '@nestjs/common';
import {
  type ActionAggregate,
  type ActionOrder,
  ActionRepository,
  ActionWriteRepository,
  ProgrammeRepository,
  ProgrammeWriter,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { type ActionScope, type Principal, statusUpdaterReach } from '@tiltak/domain';
import {
  type Caller,
  conflict,
  type Connection,
  type PageArgs,
  pageOf,
  PolicyService,
  toConnection,
} from '@tiltak/api-core';
import { type ActionModel, toActionModel } from '../models/action.model';
import { ProgrammeContext } from '../programme/programme-context';
import { ActionErrorReason, actionError } from './actions.errors';
import { archiveReferencePatch, requireArchiveReference } from '../archive/archive-reference.input';
import { type ActionParts, ActionWrites, type ActionWritten, checkDates, EDIT_ACTION, scopeOf } from './action-writes';
import { asRow, StatusWrites } from './status-writes';
import type {
  ActionChanges,
  ActionFilterInput,
  CreateActionInput,
  UpdateActionInput,
  UpdateActionMunicipalityInput,
  UpdateActionStatusInput,
} from './dto/action.inputs';

/** The rules for creating and updating actions, their status and their municipalities' own pace. */
@Injectable()
export class ActionsService {
  constructor(
    private readonly actionRepository: ActionRepository,
    private readonly actionWrites: ActionWriteRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly writer: ProgrammeWriter,
    private readonly writes: ActionWrites,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
    private readonly statusWrites: StatusWrites,
  ) {}

  async action(id: string): Promise<ActionModel | null> {
    const [programme, action] = await Promise.all([this.context.programme(), this.actionRepository.actionById(id)]);
    return action && action.programmeId === programme.id ? toActionModel(action, this.context.today()) : null;
  }

  async actions(
    viewer: Principal | null,
    { updatableByViewer, ...filter }: ActionFilterInput = {},
    pageArgs: PageArgs,
    order: ActionOrder = 'CODE',
  ): Promise<Connection<ActionModel>> {
    const programme = await this.context.programme();
    const today = this.context.today();
    const page = pageOf(pageArgs);
    const { actions, total } = await this.actionRepository.pageOfActions(
      programme.id,
      {
        ...filter,
        ...(updatableByViewer !== undefined && {
          updatable: { reach: statusUpdaterReach(viewer), within: updatableByViewer },
        }),
      },
      today,
      page,
      order,
    );
    return toConnection(
      actions.map((action) => toActionModel(action, today)),
      page,
      total,
    );
  }

  async createAction(caller: Caller, input: CreateActionInput): Promise<ActionModel> {
    this.policy.require(caller.viewer, { kind: 'CREATE_ACTION', municipalityIds: input.municipalityIds });
    const programme = await this.context.programme();
    checkDates(input.startDate, input.dueDate);
    const focusArea = await this.focusAreaOf(input.focusAreaId, programme.id);
    if (!input.code.startsWith(`${focusArea.code}-`)) {
      throw actionError(
        ActionErrorReason.CODE_NOT_OF_FOCUS_AREA,
        `code: actions in ${focusArea.name} have codes starting with ${focusArea.code}-`,
        { field: 'code' },
      );
    }
    const municipalityIds = await this.knownMunicipalities(input.municipalityIds, programme.regionId);
    const action = await this.writer.write(caller.actor, programme.id, async (tx) => {
      if (await this.actionWrites.codeTaken(tx, input.code)) {
        throw actionError(ActionErrorReason.CODE_TAKEN, `code: ${input.code} is already in use`, { field: 'code' });
      }
      const created = await this.actionWrites.create(
        tx,
        {
          focusAreaId: focusArea.id,
          code: input.code,
          title: input.title.trim(),
          description: input.description ?? '',
          startDate: input.startDate,
          dueDate: input.dueDate,
          weight: input.weight ?? 1,
        },
        municipalityIds,
      );
      tx.record({
        entity: 'action',
        entityId: created.id,
        operation: 'CREATE',
        before: null,
        after: { ...created, municipalityIds },
      });
      return created;
    });
    return toActionModel(action, this.context.today());
  }

  updateAction(caller: Caller, input: UpdateActionInput): Promise<ActionWritten> {
    return this.writes.write(caller, { actionId: input.actionId }, EDIT_ACTION, (tx, locked, today) =>
      this.applyUpdate(caller, tx, locked, today, input),
    );
  }

  /**
   * The checks an update makes of its fields before it writes anything, also those of a proposed
   * change. Answers the municipalities named, known to be the region's.
   */
  async checkChanges(locked: ActionAggregate, input: ActionChanges): Promise<string[] | undefined> {
    const programme = await this.context.programme();
    const municipalityIds =
      input.municipalityIds && (await this.knownMunicipalities(input.municipalityIds, programme.regionId));
    checkDates(input.startDate ?? locked.action.startDate, input.dueDate ?? locked.action.dueDate);
    requireArchiveReference(input);
    if (input.focusAreaId) await this.focusAreaOf(input.focusAreaId, programme.id);
    return municipalityIds;
  }

  /**
   * An update of the action locked in `tx`, whose EDIT_ACTION the caller holds: the one path of
   * `updateAction` and of an accepted proposal.
   */
  async applyUpdate(
    caller: Caller,
    tx: WriteTransaction,
    locked: ActionAggregate,
    today: string,
    input: ActionChanges & { expectedVersion: number },
  ): Promise<ActionParts> {
    const municipalityIds = await this.checkChanges(locked, input);
    if (municipalityIds) {
      // Taking a municipality off deletes its own figures: a coordinator adds or removes only their own.
      const current = locked.participations.map((p) => p.municipalityId);
      this.policy.require(caller.viewer, {
        kind: 'CHANGE_ACTION_MUNICIPALITIES',
        action: scopeOf(locked, await this.context.regionMunicipalityIds()),
        added: municipalityIds.filter((id) => !current.includes(id)),
        removed: current.filter((id) => !municipalityIds.includes(id)),
      });
    }
    const before = locked.action;
    const after = await this.actionWrites.update(tx, before.id, input.expectedVersion, {
      ...(input.title !== undefined && { title: input.title.trim() }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.focusAreaId !== undefined && { focusAreaId: input.focusAreaId }),
      ...(input.startDate !== undefined && { startDate: input.startDate }),
      ...(input.dueDate !== undefined && { dueDate: input.dueDate }),
      ...(input.weight !== undefined && { weight: input.weight }),
      ...archiveReferencePatch(input),
    });
    if (!after) throw conflict('action', toActionModel(before, today));
    tx.record({ entity: 'action', entityId: after.id, operation: 'UPDATE', before, after });
    if (!municipalityIds) return { ...locked, action: after };
    await this.replaceMunicipalities(tx, locked, municipalityIds);
    // The municipalities changed: their rows are read again after the commit.
    return { ...withoutParticipations(locked), action: after } satisfies ActionParts;
  }

  /** A lead's status update: the action changes and the history gains an entry, in one statement. */
  updateActionStatus(caller: Caller, input: UpdateActionStatusInput): Promise<ActionWritten> {
    const change = {
      status: input.status,
      progress: input.progress,
      health: input.health,
      comment: input.comment?.trim() ?? '',
    };
    const permission = (action: ActionScope) => ({ kind: 'UPDATE_ACTION_STATUS' as const, action });
    return this.writes.write(caller, { actionId: input.actionId }, permission, async (tx, locked, today) => {
      const plan = this.statusWrites.plan(locked, change, today);
      const action = await this.statusWrites.apply(tx, locked.action, input.expectedVersion, plan, today);
      return { ...locked, action };
    });
  }

  updateActionMunicipality(caller: Caller, input: UpdateActionMunicipalityInput): Promise<ActionWritten> {
    const permission = (action: ActionScope) => ({
      kind: 'EDIT_MUNICIPALITY_FIGURES' as const,
      action,
      municipalityId: input.municipalityId,
    });
    return this.writes.write(caller, { actionId: input.actionId }, permission, (tx, locked) =>
      this.statusWrites.applyToParticipation(tx, locked, input.municipalityId, input.expectedVersion, {
        ...(input.status !== undefined && { status: input.status }),
        ...(input.progress !== undefined && { progress: input.progress }),
        ...(input.note !== undefined && { note: input.note.trim() }),
      }),
    );
  }

  private async focusAreaOf(id: string, programmeId: string) {
    const [focusArea] = await this.programmes.focusAreasByIds([id]);
    if (!focusArea || focusArea.programmeId !== programmeId) {
      throw actionError(ActionErrorReason.UNKNOWN_REFERENCE, `focusAreaId: no focus area ${id}`, {
        field: 'focusAreaId',
      });
    }
    return focusArea;
  }

  private async knownMunicipalities(ids: string[], regionId: string): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.programmes.municipalitiesByIds(unique);
    const known = new Set(found.filter((m) => m.regionId === regionId).map((m) => m.id));
    const unknown = unique.find((id) => !known.has(id));
    if (unknown) {
      throw actionError(ActionErrorReason.UNKNOWN_REFERENCE, `municipalityIds: no municipality ${unknown}`, {
        field: 'municipalityIds',
      });
    }
    return unique;
  }

  private async replaceMunicipalities(tx: WriteTransaction, locked: ActionAggregate, wanted: string[]) {
    const actionId = locked.action.id;
    const current = new Set(locked.participations.map((p) => p.municipalityId));
    const removed = locked.participations.filter((p) => !wanted.includes(p.municipalityId));
    const added = wanted.filter((id) => !current.has(id));
    await this.actionWrites.replaceParticipations(tx, actionId, {
      add: added,
      remove: removed.map((p) => p.municipalityId),
    });
    for (const participation of removed.map(asRow)) {
      tx.record({
        entity: 'participation',
        entityId: `${actionId}:${participation.municipalityId}`,
        operation: 'DELETE',
        before: participation,
        after: null,
      });
    }
    for (const municipalityId of added) {
      tx.record({
        entity: 'participation',
        entityId: `${actionId}:${municipalityId}`,
        operation: 'CREATE',
        before: null,
        after: { actionId, municipalityId },
      });
    }
  }
}

function withoutParticipations({ participations, ...rest }: ActionAggregate): Omit<ActionAggregate, 'participations'> {
  void participations;
  return rest;
}
