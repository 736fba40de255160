import { Injectable } from '@nestjs/common';
import {
  type NetworkEntity,
  type NetworkMembershipEntity,
  NetworkRepository,
  type RegionalRegisterCount,
  type RegisterCount,
} from '@tiltak/api-data-access';
import type { NetworkKind } from '@tiltak/domain';
import DataLoader from 'dataloader';
import { ProgrammeContext } from '../programme/programme-context';

/** A register indicator's figures for the programme's years so far: per municipality and for the region. */
export interface RegisterFigures {
  municipal: RegisterCount[];
  regional: RegionalRegisterCount[];
}

function createLoaders(networks: NetworkRepository, context: ProgrammeContext) {
  const grouped = <V>(fetch: (keys: readonly string[]) => Promise<V[]>, keyOf: (row: V) => string | null) =>
    new DataLoader<string, V[]>(async (keys) => {
      const groups = new Map<string, V[]>(keys.map((key) => [key, []]));
      for (const row of await fetch(keys)) groups.get(keyOf(row) ?? '')?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    });
  return {
    network: new DataLoader<string, NetworkEntity | null>(async (ids) => {
      const found = new Map((await networks.networksByIds(ids)).map((n) => [n.id, n]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    memberships: grouped<NetworkMembershipEntity>(
      (ids) => networks.membershipsOfNetworks(ids),
      (m) => m.networkId,
    ),
    foundedBy: grouped<NetworkEntity>(
      (ids) => networks.networksFoundedBy(ids),
      (n) => n.foundingActionId,
    ),
    /** Each register read once per request, however many indicators are computed from it. */
    register: new DataLoader<NetworkKind, RegisterFigures>((kinds) =>
      Promise.all(
        kinds.map(async (kind) => {
          const programme = await context.programme();
          // The programme's years up to this one: a year not yet begun has founded nothing.
          const to = Math.min(programme.endYear, Number(context.today().slice(0, 4)));
          const from = programme.startYear;
          const [municipal, regional] = await Promise.all([
            networks.municipalCounts(programme.regionId, kind, from, to),
            networks.regionalCounts(programme.regionId, kind, from, to),
          ]);
          return { municipal, regional };
        }),
      ),
    ),
  };
}

export type NetworkLoaderSet = ReturnType<typeof createLoaders>;

/** DataLoaders for the register, one set per operation (the same scope as RequestLoaders). */
@Injectable()
export class NetworkLoaders {
  private readonly perScope = new WeakMap<object, NetworkLoaderSet>();

  constructor(
    private readonly networks: NetworkRepository,
    private readonly context: ProgrammeContext,
  ) {}

  for(scope: object): NetworkLoaderSet {
    let loaders = this.perScope.get(scope);
    if (!loaders) {
      loaders = createLoaders(this.networks, this.context);
      this.perScope.set(scope, loaders);
    }
    return loaders;
  }
}
