import { Injectable } from '@nestjs/common';
import {
  type ActionEntity,
  type ActionGoalEntity,
  ActionRepository,
  type FocusAreaEntity,
  type FundingLineEntity,
  FundingRepository,
  type GoalEntity,
  GoalRepository,
  type IndicatorEntity,
  IndicatorRepository,
  type IndicatorValueEntity,
  type InvolvementEntity,
  type MilestoneEntity,
  type MunicipalityEntity,
  type ParticipationEntity,
  type PartyEntity,
  PartyRepository,
  ProgrammeRepository,
} from '@tiltak/api-data-access';
import { ProgrammeContext } from '../programme/programme-context';

/** The current programme as the spreadsheets show it: what an export writes and an import is planned against. */
export interface ExchangeState {
  programmeId: string;
  today: string;
  focusAreas: FocusAreaEntity[];
  municipalities: MunicipalityEntity[];
  actions: ActionEntity[];
  participations: ParticipationEntity[];
  milestones: MilestoneEntity[];
  involvements: InvolvementEntity[];
  parties: PartyEntity[];
  goals: GoalEntity[];
  goalLinks: ActionGoalEntity[];
  indicators: IndicatorEntity[];
  indicatorValues: IndicatorValueEntity[];
}

/** Finding things by the names and codes a sheet gives them (names and codes compared without case). */
export interface Lookups {
  focusAreaById: Map<string, FocusAreaEntity>;
  focusAreaByCode: Map<string, FocusAreaEntity>;
  municipalityById: Map<string, MunicipalityEntity>;
  municipalityByName: Map<string, MunicipalityEntity>;
  goalById: Map<string, GoalEntity>;
  goalByCode: Map<string, GoalEntity>;
  partyById: Map<string, PartyEntity>;
  partyByName: Map<string, PartyEntity>;
  partyByNumber: Map<string, PartyEntity>;
  actionById: Map<string, ActionEntity>;
  actionByCode: Map<string, ActionEntity>;
  indicatorById: Map<string, IndicatorEntity>;
  indicatorByName: Map<string, IndicatorEntity>;
}

/** How a name or code is compared: without surrounding space or case. */
export const lookupKey = (text: string): string => text.trim().toLocaleLowerCase('nb');

function by<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const value = key(item);
    if (value !== null) map.set(value, item);
  }
  return map;
}

export function lookupsOf(state: ExchangeState): Lookups {
  return {
    focusAreaById: by(state.focusAreas, (f) => f.id),
    focusAreaByCode: by(state.focusAreas, (f) => lookupKey(f.code)),
    municipalityById: by(state.municipalities, (m) => m.id),
    municipalityByName: by(state.municipalities, (m) => lookupKey(m.name)),
    goalById: by(state.goals, (g) => g.id),
    goalByCode: by(state.goals, (g) => lookupKey(g.code)),
    partyById: by(state.parties, (p) => p.id),
    partyByName: by(state.parties, (p) => lookupKey(p.name)),
    partyByNumber: by(state.parties, (p) => p.organisationNumber),
    actionById: by(state.actions, (a) => a.id),
    actionByCode: by(state.actions, (a) => lookupKey(a.code)),
    indicatorById: by(state.indicators, (i) => i.id),
    indicatorByName: by(state.indicators, (i) => lookupKey(i.name)),
  };
}

/** Reads the current programme whole, as the exchange needs it: a handful of statements, whatever its size. */
@Injectable()
export class ExchangeStateReader {
  constructor(
    private readonly context: ProgrammeContext,
    private readonly programmes: ProgrammeRepository,
    private readonly actions: ActionRepository,
    private readonly parties: PartyRepository,
    private readonly goals: GoalRepository,
    private readonly indicators: IndicatorRepository,
    private readonly funding: FundingRepository,
  ) {}

  async read(): Promise<ExchangeState> {
    const programme = await this.context.programme();
    const [focusAreas, municipalities, actions, parties, goals, indicators] = await Promise.all([
      this.programmes.focusAreasOfProgramme(programme.id),
      this.programmes.municipalitiesOfRegion(programme.regionId),
      this.actions.actionsOfProgramme(programme.id),
      this.parties.partiesOfRegion(programme.regionId),
      this.goals.goalsOfRegion(programme.regionId),
      this.indicators.indicatorsOfProgramme(programme.id),
    ]);
    const actionIds = actions.map((a) => a.id);
    const [participations, milestones, involvements, goalLinks, indicatorValues] = await Promise.all([
      this.actions.participationsOfActions(actionIds),
      this.actions.milestonesOfActions(actionIds),
      this.actions.involvementsOfActions(actionIds),
      this.goals.goalLinksOfActions(actionIds),
      this.indicators.valuesOfIndicators(indicators.map((i) => i.id)),
    ]);
    return {
      programmeId: programme.id,
      today: this.context.today(),
      focusAreas,
      municipalities,
      actions,
      participations,
      milestones,
      involvements,
      parties,
      goals,
      goalLinks,
      indicators,
      indicatorValues,
    };
  }

  /** The funding lines of the state's actions: read only for an export to someone who may read money. */
  fundingLines(state: ExchangeState): Promise<FundingLineEntity[]> {
    return this.funding.linesOfActions(state.actions.map((a) => a.id));
  }
}
