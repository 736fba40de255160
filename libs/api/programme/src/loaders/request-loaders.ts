import { createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  ActionRepository,
  type ActionEntity,
  type AdoptionDecisionEntity,
  type CompletionTally,
  type ActionInPeriodRow,
  PeriodRepository,
  type ProgrammeEntity,
  IndicatorRepository,
  type IndicatorValueEntity,
  type InvolvementEntity,
  type MilestoneEntity,
  type MunicipalityEntity,
  type ParticipationEntity,
  type PartyEntity,
  type ProjectLeadEntity,
  PartyRepository,
  ReportingRepository,
  type ReportingRoundEntity,
  ReportOwnersRepository,
  ProgrammeRepository,
  type ProjectLeadRow,
  type PeriodHistoryEntry,
} from '@tiltak/api-data-access';
import DataLoader from 'dataloader';
import type { ActionParts } from '../actions/action-writes';

/** Builds a loader that fetches many rows at once and hands each key its own. */
function byKey<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K) {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key) ?? null);
  });
}

function groupedBy<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K) {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

function memo() {
  const results = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    if (!results.has(key)) results.set(key, compute());
    return results.get(key) as Promise<T>;
  };
}

function createLoaders(
  actions: ActionRepository,
  programme: ProgrammeRepository,
  parties: PartyRepository,
  indicators: IndicatorRepository,
  reporting: ReportingRepository,
  owners: ReportOwnersRepository,
  periods: PeriodRepository,
) {
  return {
    programme: byKey<string, ProgrammeEntity>(
      (ids) => programme.programmesByIds(ids),
      (p) => p.id,
    ),
    programmeSuccessor: byKey<string, ProgrammeEntity>(
      (ids) => periods.successorsOf(ids),
      (p) => p.predecessorId ?? '',
    ),
    actionPredecessor: byKey<string, ActionInPeriodRow>(
      (ids) => periods.predecessorsOfActions(ids),
      (row) => row.forActionId,
    ),
    actionSuccessor: byKey<string, ActionInPeriodRow>(
      (ids) => periods.successorsOfActions(ids),
      (row) => row.forActionId,
    ),
    action: byKey<string, ActionEntity>(
      (ids) => actions.actionsByIds(ids),
      (a) => a.id,
    ),
    municipality: byKey<string, MunicipalityEntity>(
      (ids) => programme.municipalitiesByIds(ids),
      (m) => m.id,
    ),
    party: byKey<string, PartyEntity>(
      (ids) => parties.partiesByIds(ids),
      (p) => p.id,
    ),
    milestones: groupedBy<string, MilestoneEntity>(
      (ids) => actions.milestonesOfActions(ids),
      (m) => m.actionId,
    ),
    participations: groupedBy<string, ParticipationEntity>(
      (ids) => actions.participationsOfActions(ids),
      (p) => p.actionId,
    ),
    involvements: groupedBy<string, InvolvementEntity>(
      (ids) => actions.involvementsOfActions(ids),
      (i) => i.actionId,
    ),
    projectLeadsOfAction: groupedBy<string, ProjectLeadEntity>(
      (ids) => actions.projectLeadsOfActions(ids),
      (p) => p.actionId,
    ),
    lastUpdate: byKey<string, { actionId: string; lastUpdatedAt: Date }>(
      (ids) => actions.lastUpdatesOfActions(ids),
      (row) => row.actionId,
    ),
    history: groupedBy<string, PeriodHistoryEntry>(
      (ids) => actions.historyOfActions(ids),
      (s) => s.forActionId,
    ),
    actionIdsOfParty: groupedBy<string, { partyId: string; actionId: string }>(
      (ids) => parties.actionIdsOfParties(ids),
      (row) => row.partyId,
    ),
    projectLeads: groupedBy<string, ProjectLeadRow>(
      (ids) => parties.projectLeadsOfParties(ids),
      (row) => row.partyId,
    ),
    indicatorValues: groupedBy<string, IndicatorValueEntity>(
      (ids) => indicators.valuesOfIndicators(ids),
      (v) => v.indicatorId,
    ),
    adoptionDecisions: groupedBy<string, AdoptionDecisionEntity>(
      (ids) => programme.decisionsOfAdoptions(ids),
      (d) => d.adoptionId,
    ),
    reportingRound: byKey<string, ReportingRoundEntity>(
      (ids) => reporting.roundsByIds(ids),
      (r) => r.id,
    ),
    /** Each round's reports by municipality and by focus area, for a list of rounds in two queries. */
    completionByMunicipality: groupedBy<string, CompletionTally>(
      (ids) => reporting.byMunicipality(ids),
      (t) => t.roundId,
    ),
    completionByFocusArea: groupedBy<string, CompletionTally>(
      (ids) => reporting.byFocusArea(ids),
      (t) => t.roundId,
    ),
    /** The names of those who owe each report. */
    reportOwners: new DataLoader<string, string[]>(async (ids) => {
      const names = await owners.ownerNames(ids);
      return ids.map((id) => names.get(id) ?? []);
    }),
    /** Work done once per request whatever asks for it, such as a roll-up over the whole programme. */
    once: memo(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * What one set of loaders lives for: an HTTP request, or one event of a subscription. A
 * subscription runs its selection once per event with the event as its root value; keyed on the
 * connection instead, an event could carry rows cached from an earlier one.
 */
export const LoaderScope = createParamDecorator((_: unknown, context: ExecutionContext): object => {
  const graphql = GqlExecutionContext.create(context);
  const info = graphql.getInfo<GraphQLResolveInfo>();
  const root: unknown = info.rootValue;
  if (info.operation.operation === 'subscription' && typeof root === 'object' && root !== null) return root;
  return graphql.getContext<{ req: object }>().req;
});

/**
 * DataLoaders for one operation (see `LoaderScope`), so a page of 100 actions with their parties,
 * municipalities and milestones costs a fixed number of queries.
 */
@Injectable()
export class RequestLoaders {
  private readonly perScope = new WeakMap<object, Loaders>();

  constructor(
    private readonly actions: ActionRepository,
    private readonly programme: ProgrammeRepository,
    private readonly parties: PartyRepository,
    private readonly indicators: IndicatorRepository,
    private readonly reporting: ReportingRepository,
    private readonly owners: ReportOwnersRepository,
    private readonly periods: PeriodRepository,
  ) {}

  for(scope: object): Loaders {
    let loaders = this.perScope.get(scope);
    if (!loaders) {
      loaders = createLoaders(
        this.actions,
        this.programme,
        this.parties,
        this.indicators,
        this.reporting,
        this.owners,
        this.periods,
      );
      this.perScope.set(scope, loaders);
    }
    return loaders;
  }

  /** Hands the loaders what a write already read under its lock, so its answer costs no second read. */
  prime(scope: object, parts: ActionParts): void {
    const loaders = this.for(scope);
    const id = parts.action.id;
    loaders.action.clear(id).prime(id, parts.action);
    if (parts.milestones) loaders.milestones.clear(id).prime(id, parts.milestones);
    if (parts.participations) loaders.participations.clear(id).prime(id, parts.participations);
    if (parts.involvements) loaders.involvements.clear(id).prime(id, parts.involvements);
    if (parts.projectLeads) loaders.projectLeadsOfAction.clear(id).prime(id, parts.projectLeads);
  }
}
