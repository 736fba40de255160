import { Injectable } from '@nestjs/common';
import {
  ActionRepository,
  type ActionEntity,
  type FocusAreaEntity,
  IndicatorRepository,
  type IndicatorValueEntity,
  type InvolvementEntity,
  type MilestoneEntity,
  type MunicipalityEntity,
  type ParticipationEntity,
  type PartyEntity,
  type ProjectLeadEntity,
  PartyRepository,
  ProgrammeRepository,
  type ProjectLeadRow,
  type StatusUpdateEntity,
} from '@tiltak/api-data-access';
import DataLoader from 'dataloader';

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
) {
  return {
    action: byKey<string, ActionEntity>(
      (ids) => actions.actionsByIds(ids),
      (a) => a.id,
    ),
    focusArea: byKey<string, FocusAreaEntity>(
      (ids) => programme.focusAreasByIds(ids),
      (f) => f.id,
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
    history: groupedBy<string, StatusUpdateEntity>(
      (ids) => actions.historyOfActions(ids),
      (s) => s.actionId,
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
    /** Work done once per request whatever asks for it, such as a roll-up over the whole programme. */
    once: memo(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Per-request DataLoaders, so a page of 100 actions with their parties, municipalities and
 * milestones costs a fixed number of queries. They live as long as the request object they hang on.
 */
@Injectable()
export class RequestLoaders {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(
    private readonly actions: ActionRepository,
    private readonly programme: ProgrammeRepository,
    private readonly parties: PartyRepository,
    private readonly indicators: IndicatorRepository,
  ) {}

  for(context: { req: object }): Loaders {
    let loaders = this.perRequest.get(context.req);
    if (!loaders) {
      loaders = createLoaders(this.actions, this.programme, this.parties, this.indicators);
      this.perRequest.set(context.req, loaders);
    }
    return loaders;
  }

  /**
   * Starts afresh for what comes next on this context. A subscription's context lasts as long as its
   * connection, so each live event must drop what an earlier one loaded, or it would show old rows.
   */
  renew(context: { req: object }): void {
    this.perRequest.delete(context.req);
  }
}
