import { Injectable } from '@nestjs/common';
import {
  type ActionAggregate,
  type MilestoneEntity,
  type MilestonePatch,
  type MilestoneWrite,
  MilestoneWriteRepository,
  type ProgressChange,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { type Caller, conflict } from '@tiltak/api-core';
import { toMilestoneModel } from '../models/action-parts.model';
import { ProgrammeContext } from '../programme/programme-context';
import {
  type ActionParts,
  type ActionPermission,
  ActionWrites,
  type ActionWritten,
  checkDate,
  EDIT_MILESTONES,
  progressOf,
  RESHAPE_MILESTONES,
} from './action-writes';
import type { CreateMilestoneInput, MilestoneVersionInput, UpdateMilestoneInput } from './dto/milestone.inputs';

/** Milestones in the order the API lists them: by due date, then as they were made. */
function inOrder(milestones: MilestoneEntity[]): MilestoneEntity[] {
  return [...milestones].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
}

/**
 * Milestones of an action. Every milestone change recomputes the action's progress from the
 * milestones read under the action's lock, and writes both in one statement, so the figure people
 * see is never out of step with its milestones, however many change at once.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly milestones: MilestoneWriteRepository,
    private readonly writes: ActionWrites,
    private readonly context: ProgrammeContext,
  ) {}

  createMilestone(caller: Caller, input: CreateMilestoneInput): Promise<ActionWritten> {
    checkDate('dueDate', input.dueDate);
    return this.writes.write(caller, { actionId: input.actionId }, EDIT_MILESTONES, async (tx, locked) => {
      const fields = {
        actionId: locked.action.id,
        title: input.title.trim(),
        dueDate: input.dueDate,
        weight: input.weight ?? 1,
      };
      const progress = this.progressAfter(locked, [...locked.milestones, { ...fields, completedOn: null }]);
      const written = (await this.milestones.create(tx, fields, progress)) as MilestoneWrite;
      this.log(tx, locked, 'CREATE', null, written);
      return this.after(locked, written, [...locked.milestones, written.milestone]);
    });
  }

  updateMilestone(caller: Caller, input: UpdateMilestoneInput): Promise<ActionWritten> {
    if (input.dueDate !== undefined) checkDate('dueDate', input.dueDate);
    // A new weight changes what the progress means: that is the coordinator's, as deleting is.
    const permission = input.weight === undefined ? EDIT_MILESTONES : RESHAPE_MILESTONES;
    return this.change(caller, input, permission, {
      ...(input.title !== undefined && { title: input.title.trim() }),
      ...(input.dueDate !== undefined && { dueDate: input.dueDate }),
      ...(input.weight !== undefined && { weight: input.weight }),
    });
  }

  completeMilestone(caller: Caller, input: MilestoneVersionInput): Promise<ActionWritten> {
    const completedOn = input.completedOn ?? this.context.today();
    checkDate('completedOn', completedOn);
    return this.change(caller, input, EDIT_MILESTONES, { completedOn });
  }

  reopenMilestone(caller: Caller, input: MilestoneVersionInput): Promise<ActionWritten> {
    return this.change(caller, input, EDIT_MILESTONES, { completedOn: null });
  }

  deleteMilestone(caller: Caller, input: MilestoneVersionInput): Promise<ActionWritten> {
    const key = { milestoneId: input.milestoneId };
    return this.writes.write(caller, key, RESHAPE_MILESTONES, async (tx, locked, today) => {
      const before = this.milestoneOf(locked, input.milestoneId);
      const remaining = locked.milestones.filter((m) => m !== before);
      const progress = this.progressAfter(locked, remaining);
      const written = await this.milestones.delete(tx, before.id, input.expectedVersion, progress);
      if (!written) throw conflict('milestone', toMilestoneModel(before, today));
      this.log(tx, locked, 'DELETE', before, { ...written, milestone: null });
      return this.after(locked, written, remaining);
    });
  }

  private change(
    caller: Caller,
    input: { milestoneId: string; expectedVersion: number },
    permission: ActionPermission,
    patch: MilestonePatch,
  ): Promise<ActionWritten> {
    const key = { milestoneId: input.milestoneId };
    return this.writes.write(caller, key, permission, async (tx, locked, today) => {
      const before = this.milestoneOf(locked, input.milestoneId);
      const progress = this.progressAfter(
        locked,
        locked.milestones.map((m) => (m === before ? { ...m, ...patch } : m)),
      );
      const written = await this.milestones.update(tx, before.id, input.expectedVersion, patch, progress);
      if (!written) throw conflict('milestone', toMilestoneModel(before, today));
      this.log(tx, locked, 'UPDATE', before, written);
      return this.after(
        locked,
        written,
        locked.milestones.map((m) => (m === before ? written.milestone : m)),
      );
    });
  }

  /**
   * Completes milestones inside a write that already holds the action's lock (a submitted report),
   * one after another, each moving the action's progress; those already completed stay as they are.
   */
  async completeWithin(
    tx: WriteTransaction,
    locked: ActionAggregate,
    milestoneIds: readonly string[],
    completedOn: string,
  ): Promise<ActionAggregate> {
    let current = locked;
    for (const id of milestoneIds) {
      const before = this.milestoneOf(current, id);
      if (before.completedOn !== null) continue;
      const patch = { completedOn };
      const milestones = current.milestones.map((m) => (m === before ? { ...m, ...patch } : m));
      const written = await this.milestones.update(
        tx,
        id,
        before.version,
        patch,
        this.progressAfter(current, milestones),
      );
      if (!written) throw conflict('milestone', toMilestoneModel(before, completedOn));
      this.log(tx, current, 'UPDATE', before, written);
      const after = this.after(
        current,
        written,
        current.milestones.map((m) => (m === before ? written.milestone : m)),
      );
      current = { ...current, action: after.action, milestones: after.milestones ?? current.milestones };
    }
    return current;
  }

  /** The action's new progress if these were its milestones, or null when it stays as it is. */
  private progressAfter(
    locked: ActionAggregate,
    milestones: readonly { weight: number; completedOn: string | null }[],
  ): ProgressChange {
    const progress = progressOf(milestones, locked.action.manualProgress);
    return progress === locked.action.progress ? null : { actionId: locked.action.id, progress };
  }

  private milestoneOf(locked: ActionAggregate, id: string): MilestoneEntity {
    // ActionWrites found the action through this milestone, so it is there.
    return locked.milestones.find((m) => m.id === id) as MilestoneEntity;
  }

  private log(
    tx: WriteTransaction,
    locked: ActionAggregate,
    operation: 'CREATE' | 'UPDATE' | 'DELETE',
    before: MilestoneEntity | null,
    written: { milestone: MilestoneEntity | null; action: MilestoneWrite['action'] },
  ): void {
    const id = (written.milestone ?? before)?.id as string;
    tx.record({ entity: 'milestone', entityId: id, operation, before, after: written.milestone });
    if (written.action) {
      tx.record({
        entity: 'action',
        entityId: locked.action.id,
        operation: 'UPDATE',
        before: locked.action,
        after: written.action,
      });
    }
  }

  private after(locked: ActionAggregate, written: MilestoneWrite, milestones: MilestoneEntity[]): ActionParts {
    return { ...locked, action: written.action ?? locked.action, milestones: inOrder(milestones) };
  }
}
