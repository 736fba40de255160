import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@tiltak/api-core';
import { actionProgress, assessHealth, HEALTH_THRESHOLDS, isStale, localFigures, osloDate } from '@tiltak/domain';
import { type ActionModel, ActionModel as ActionType } from '../models/action.model';
import {
  ActionMunicipalityModel,
  ActionProgressExplanationModel,
  InvolvementModel,
  MilestoneModel,
  StatusUpdateModel,
  toInvolvementModel,
  toMilestoneModel,
  toStatusUpdateModel,
} from '../models/action-parts.model';
import { FocusAreaModel, toFocusAreaModel } from '../models/focus-area.model';
import { toMunicipalityModel } from '../models/municipality.model';
import { toPartyModel } from '../models/party.model';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ProgrammeContext } from '../programme/programme-context';

/** An action's related records, each fetched in batches across the whole response. */
@Resolver(() => ActionType)
export class ActionFieldsResolver {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly context: ProgrammeContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ResolveField(() => FocusAreaModel)
  async focusArea(@Parent() action: ActionModel): Promise<FocusAreaModel> {
    const focusArea = await this.context.focusArea(action.focusAreaId);
    if (!focusArea) throw new Error(`Focus area ${action.focusAreaId} of action ${action.code} is missing`);
    return toFocusAreaModel(focusArea);
  }

  @ResolveField(() => [ActionMunicipalityModel], { description: 'The municipalities it concerns, by name.' })
  async municipalities(
    @Parent() action: ActionModel,
    @LoaderScope() scope: object,
  ): Promise<ActionMunicipalityModel[]> {
    const today = this.context.today();
    const participations = await this.loaders.for(scope).participations.load(action.id);
    return participations.map((p) => ({
      actionId: action.id,
      municipality: toMunicipalityModel(p.municipality),
      ...localFigures(action, p, today),
      ownStatus: p.status,
      ownProgress: p.progress,
      note: p.note,
      version: p.version,
    }));
  }

  @ResolveField(() => [InvolvementModel], { description: 'The lead first, then partners by name.' })
  async involvements(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<InvolvementModel[]> {
    const involvements = await this.loaders.for(scope).involvements.load(action.id);
    return involvements.map((i) => toInvolvementModel(i, toPartyModel(i.party)));
  }

  @ResolveField(() => InvolvementModel, { nullable: true })
  async lead(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<InvolvementModel | null> {
    const lead = (await this.loaders.for(scope).involvements.load(action.id)).find((i) => i.role === 'LEAD');
    return lead ? toInvolvementModel(lead, toPartyModel(lead.party)) : null;
  }

  @ResolveField(() => [MilestoneModel], { description: 'By due date.' })
  async milestones(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<MilestoneModel[]> {
    const today = this.context.today();
    return (await this.loaders.for(scope).milestones.load(action.id)).map((m) => toMilestoneModel(m, today));
  }

  @ResolveField(() => Date, { description: 'Its latest status update, or its creation when it has none.' })
  async lastUpdatedAt(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<Date> {
    return this.lastUpdate(action, scope);
  }

  @ResolveField(() => Boolean, {
    description: 'Unfinished, and without a status update for longer than the configured number of days.',
  })
  async stale(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<boolean> {
    return isStale({
      status: action.status,
      lastUpdatedOn: osloDate(await this.lastUpdate(action, scope)),
      today: this.context.today(),
      staleAfterDays: this.config.progress.staleAfterDays,
    });
  }

  private async lastUpdate(action: ActionModel, scope: object): Promise<Date> {
    const row = await this.loaders.for(scope).lastUpdate.load(action.id);
    return row?.lastUpdatedAt ?? action.updatedAt;
  }

  @ResolveField(() => [StatusUpdateModel], { description: 'The action’s history, newest first.' })
  async history(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<StatusUpdateModel[]> {
    return (await this.loaders.for(scope).history.load(action.id)).map(toStatusUpdateModel);
  }

  @ResolveField(() => ActionProgressExplanationModel, { description: 'How progress and health were computed.' })
  async progressExplanation(
    @Parent() action: ActionModel,
    @LoaderScope() scope: object,
  ): Promise<ActionProgressExplanationModel> {
    const milestones = await this.loaders.for(scope).milestones.load(action.id);
    const { progress, source } = actionProgress(
      milestones.map((m) => ({ weight: m.weight, completed: m.completedOn !== null })),
      action.manualProgress,
    );
    const assessed = assessHealth({ ...action, progress, today: this.context.today() });
    const totalWeight = milestones.reduce((sum, m) => sum + m.weight, 0);
    return {
      source,
      progress,
      method:
        source === 'MILESTONES'
          ? `Weight of completed milestones divided by the total weight (${totalWeight}), as a percentage, rounded.`
          : 'The figure the action’s lead set; the action has no milestones.',
      milestones: milestones.map((m) => ({
        milestoneId: m.id,
        title: m.title,
        weight: m.weight,
        completed: m.completedOn !== null,
      })),
      expectedProgress: assessed.expected,
      gap: assessed.gap,
      computedHealth: assessed.health,
      healthRule:
        `Expected progress grows steadily from the start date (0) to the due date (100). ` +
        `More than ${HEALTH_THRESHOLDS.atRisk} points behind is at risk, more than ${HEALTH_THRESHOLDS.offTrack} ` +
        `is off track, and so is an unfinished action past its due date. Completed and cancelled actions are on track.` +
        (action.healthOverride ? ` The lead overrode it: ${action.healthOverride.comment}` : ''),
    };
  }
}
