import { Injectable } from '@nestjs/common';
import { ActionRepository } from '@tiltak/api-data-access';
import { type MilestoneModel, toMilestoneModel } from '../models/action-parts.model';
import { ProgrammeContext } from '../programme/programme-context';

@Injectable()
export class MilestonesQueries {
  constructor(
    private readonly actions: ActionRepository,
    private readonly context: ProgrammeContext,
  ) {}

  async upcoming(days: number, limit: number): Promise<MilestoneModel[]> {
    const programme = await this.context.programme();
    const today = this.context.today();
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const milestones = await this.actions.openMilestonesDue(programme.id, today, until, limit);
    return milestones.map((m) => toMilestoneModel(m, today));
  }

  async overdue(limit: number): Promise<MilestoneModel[]> {
    const programme = await this.context.programme();
    const today = this.context.today();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const milestones = await this.actions.openMilestonesDue(programme.id, null, yesterday, limit);
    return milestones.map((m) => toMilestoneModel(m, today));
  }
}
