import { Injectable } from '@nestjs/common';
import {
  ActionEntity,
  ActionRepository,
  ParticipationEntity,
  ProgrammeRepository,
  ProgrammeWriter,
  StatusUpdateEntity,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { actionProgress, assessHealth } from '@tiltak/domain';
import { type Caller, type Connection, type PageArgs, pageOf, PolicyService, toConnection } from '@tiltak/api-core';
import { type ActionModel, toActionModel } from '../models/action.model';
import { ProgrammeContext } from '../programme/programme-context';
import { ActionErrorReason, actionError, staleVersion } from './actions.errors';
import { actionForUpdate, actionScope, checkDates, updateActionIfVersion } from './action-writes';
import type {
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
    private readonly programmes: ProgrammeRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async action(id: string): Promise<ActionModel | null> {
    const [programme, action] = await Promise.all([this.context.programme(), this.actionRepository.actionById(id)]);
    return action && action.programmeId === programme.id ? toActionModel(action, this.context.today()) : null;
  }

  async actions(filter: ActionFilterInput = {}, pageArgs: PageArgs): Promise<Connection<ActionModel>> {
    const programme = await this.context.programme();
    const today = this.context.today();
    const page = pageOf(pageArgs);
    const { actions, total } = await this.actionRepository.pageOfActions(programme.id, filter, today, page);
    return toConnection(
      actions.map((action) => toActionModel(action, today)),
      page,
      total,
    );
  }

  async createAction(caller: Caller, input: CreateActionInput): Promise<ActionModel> {
    this.policy.require(caller.viewer, { kind: 'CREATE_ACTION', municipalityIds: input.municipalityIds });
    const programme = await this.context.programme();
    const today = this.context.today();
    checkDates(input.startDate, input.dueDate);
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const [focusArea] = await this.programmes.focusAreasByIds([input.focusAreaId], tx.manager);
      if (!focusArea || focusArea.programmeId !== programme.id) {
        throw actionError(ActionErrorReason.UNKNOWN_REFERENCE, `focusAreaId: no focus area ${input.focusAreaId}`, {
          field: 'focusAreaId',
        });
      }
      if (!input.code.startsWith(`${focusArea.code}-`)) {
        throw actionError(
          ActionErrorReason.CODE_NOT_OF_FOCUS_AREA,
          `code: actions in ${focusArea.name} have codes starting with ${focusArea.code}-`,
          { field: 'code' },
        );
      }
      if (await this.actionRepository.codeTaken(programme.id, input.code, tx.manager)) {
        throw actionError(ActionErrorReason.CODE_TAKEN, `code: ${input.code} is already in use`, { field: 'code' });
      }
      const municipalityIds = await this.knownMunicipalities(input.municipalityIds, programme.regionId, tx);

      const action = await tx.manager.save(
        tx.manager.create(ActionEntity, {
          programmeId: programme.id,
          focusAreaId: focusArea.id,
          code: input.code,
          title: input.title.trim(),
          description: input.description ?? '',
          startDate: input.startDate,
          dueDate: input.dueDate,
          weight: input.weight ?? 1,
          status: 'NOT_STARTED',
          progress: 0,
        }),
      );
      await tx.manager.insert(
        ParticipationEntity,
        municipalityIds.map((municipalityId) => ({ actionId: action.id, municipalityId })),
      );
      tx.record({
        entity: 'action',
        entityId: action.id,
        operation: 'CREATE',
        before: null,
        after: { ...action, municipalityIds },
      });
      return toActionModel(action, today);
    });
  }

  async updateAction(caller: Caller, input: UpdateActionInput): Promise<ActionModel> {
    const programme = await this.context.programme();
    const today = this.context.today();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await actionForUpdate(this.actionRepository, tx, input.actionId);
      const scope = await actionScope(tx, before.id);
      this.policy.require(caller.viewer, { kind: 'EDIT_ACTION', action: scope });
      if (input.municipalityIds) {
        // Moving an action is editing it where it goes, too: both ends must be the caller's.
        this.policy.require(caller.viewer, {
          kind: 'EDIT_ACTION',
          action: { ...scope, municipalityIds: input.municipalityIds },
        });
      }
      checkDates(input.startDate ?? before.startDate, input.dueDate ?? before.dueDate);
      if (input.focusAreaId) {
        const [focusArea] = await this.programmes.focusAreasByIds([input.focusAreaId], tx.manager);
        if (!focusArea || focusArea.programmeId !== programme.id) {
          throw actionError(ActionErrorReason.UNKNOWN_REFERENCE, `focusAreaId: no focus area ${input.focusAreaId}`, {
            field: 'focusAreaId',
          });
        }
      }
      const municipalityIds =
        input.municipalityIds && (await this.knownMunicipalities(input.municipalityIds, programme.regionId, tx));

      const after = await updateActionIfVersion(
        this.actionRepository,
        tx,
        before,
        input.expectedVersion,
        {
          ...(input.title !== undefined && { title: input.title.trim() }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.focusAreaId !== undefined && { focusAreaId: input.focusAreaId }),
          ...(input.startDate !== undefined && { startDate: input.startDate }),
          ...(input.dueDate !== undefined && { dueDate: input.dueDate }),
          ...(input.weight !== undefined && { weight: input.weight }),
        },
        today,
      );
      if (municipalityIds) await this.replaceMunicipalities(tx, after.id, municipalityIds);
      return toActionModel(after, today);
    });
  }

  /** A lead's status update: the action changes and the history gains an entry, in one transaction. */
  async updateActionStatus(caller: Caller, input: UpdateActionStatusInput): Promise<ActionModel> {
    const programme = await this.context.programme();
    const today = this.context.today();
    const comment = input.comment?.trim() ?? '';
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await actionForUpdate(this.actionRepository, tx, input.actionId);
      this.policy.require(caller.viewer, { kind: 'UPDATE_ACTION_STATUS', action: await actionScope(tx, before.id) });
      const milestones = await this.actionRepository.milestonesOfActions([before.id], tx.manager);
      if (input.progress !== undefined && milestones.length > 0) {
        throw actionError(
          ActionErrorReason.PROGRESS_FROM_MILESTONES,
          'progress: this action’s progress comes from its milestones; complete or reopen them instead',
          { field: 'progress' },
        );
      }
      const openMilestones = milestones.filter((m) => m.completedOn === null).length;
      if (input.status === 'COMPLETED' && openMilestones > 0 && !comment) {
        throw actionError(
          ActionErrorReason.MILESTONES_OPEN,
          `status: ${openMilestones} milestone(s) are still open; complete them or say in a comment why the action is done`,
          { field: 'status' },
        );
      }

      const status = input.status ?? before.status;
      const manualProgress = input.progress ?? before.manualProgress;
      const { progress } = actionProgress(
        milestones.map((m) => ({ weight: m.weight, completed: m.completedOn !== null })),
        manualProgress,
      );
      const computed = assessHealth({ status, progress, startDate: before.startDate, dueDate: before.dueDate, today });
      let healthOverride = before.healthOverride;
      let healthOverrideComment = before.healthOverrideComment;
      if (input.health !== undefined) {
        if (input.health === computed.health) {
          healthOverride = null;
          healthOverrideComment = null;
        } else if (!comment) {
          throw actionError(
            ActionErrorReason.OVERRIDE_NEEDS_COMMENT,
            `comment: the computed health is ${computed.health}; say why it should be ${input.health}`,
            { field: 'comment' },
          );
        } else {
          healthOverride = input.health;
          healthOverrideComment = comment;
        }
      }

      const after = await updateActionIfVersion(
        this.actionRepository,
        tx,
        before,
        input.expectedVersion,
        { status, manualProgress, progress, healthOverride, healthOverrideComment },
        today,
      );
      const entry = await tx.manager.save(
        tx.manager.create(StatusUpdateEntity, {
          actionId: after.id,
          status,
          progress,
          health: healthOverride ?? computed.health,
          comment,
          authorName: tx.actor.name,
        }),
      );
      tx.record({ entity: 'status_update', entityId: entry.id, operation: 'CREATE', before: null, after: entry });
      return toActionModel(after, today);
    });
  }

  async updateActionMunicipality(caller: Caller, input: UpdateActionMunicipalityInput): Promise<ActionModel> {
    const programme = await this.context.programme();
    const today = this.context.today();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const action = await actionForUpdate(this.actionRepository, tx, input.actionId);
      this.policy.require(caller.viewer, {
        kind: 'EDIT_MUNICIPALITY_FIGURES',
        action: await actionScope(tx, action.id),
        municipalityId: input.municipalityId,
      });
      const before = await this.actionRepository.participation(action.id, input.municipalityId, tx.manager);
      if (!before) {
        throw actionError(
          ActionErrorReason.NOT_A_MUNICIPALITY_OF_ACTION,
          `municipalityId: action ${action.code} does not concern that municipality`,
          { field: 'municipalityId' },
        );
      }
      const key = { action_id: action.id, municipality_id: input.municipalityId };
      const patch = {
        ...(input.status !== undefined && { status: input.status }),
        ...(input.progress !== undefined && { progress: input.progress }),
        ...(input.note !== undefined && { note: input.note.trim() }),
      };
      if (!(await tx.updateIfVersion(ParticipationEntity, key, input.expectedVersion, patch))) {
        throw staleVersion('municipality’s figures', before);
      }
      const after = await this.actionRepository.participation(action.id, input.municipalityId, tx.manager);
      tx.record({
        entity: 'participation',
        entityId: `${action.id}:${input.municipalityId}`,
        operation: 'UPDATE',
        before,
        after,
      });
      return toActionModel(action, today);
    });
  }

  private async knownMunicipalities(ids: string[], regionId: string, tx: WriteTransaction): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.programmes.municipalitiesByIds(unique, tx.manager);
    const known = new Set(found.filter((m) => m.regionId === regionId).map((m) => m.id));
    const unknown = unique.find((id) => !known.has(id));
    if (unknown) {
      throw actionError(ActionErrorReason.UNKNOWN_REFERENCE, `municipalityIds: no municipality ${unknown}`, {
        field: 'municipalityIds',
      });
    }
    return unique;
  }

  private async replaceMunicipalities(
    tx: WriteTransaction,
    actionId: string,
    municipalityIds: string[],
  ): Promise<void> {
    const current = await tx.manager.findBy(ParticipationEntity, { actionId });
    const wanted = new Set(municipalityIds);
    for (const participation of current.filter((p) => !wanted.has(p.municipalityId))) {
      await tx.manager.delete(ParticipationEntity, { actionId, municipalityId: participation.municipalityId });
      tx.record({
        entity: 'participation',
        entityId: `${actionId}:${participation.municipalityId}`,
        operation: 'DELETE',
        before: participation,
        after: null,
      });
    }
    const existing = new Set(current.map((p) => p.municipalityId));
    for (const municipalityId of municipalityIds.filter((id) => !existing.has(id))) {
      await tx.manager.insert(ParticipationEntity, { actionId, municipalityId });
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
