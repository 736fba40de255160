import { Injectable } from '@nestjs/common';
import {
  type EffortEntryEntity,
  type FundingLineEntity,
  FundingRepository,
  type FundingSums,
} from '@tiltak/api-data-access';
import DataLoader from 'dataloader';

function groupedBy<V>(fetch: (keys: readonly string[]) => Promise<V[]>, keyOf: (row: V) => string) {
  return new DataLoader<string, V[]>(async (keys) => {
    const groups = new Map<string, V[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

function createLoaders(funding: FundingRepository, programmeId: () => Promise<string>) {
  return {
    lines: groupedBy<FundingLineEntity>(
      (ids) => funding.linesOfActions(ids),
      (line) => line.actionId,
    ),
    effort: groupedBy<EffortEntryEntity>(
      (ids) => funding.effortOfActions(ids),
      (entry) => entry.actionId,
    ),
    actionSums: new DataLoader<string, FundingSums | null>(async (ids) => {
      const sums = new Map((await funding.sumsByAction(await programmeId(), ids)).map((row) => [row.key, row]));
      return ids.map((id) => sums.get(id) ?? null);
    }),
    /** Every focus area's and every municipality's totals in one statement each, whichever of them a request asks for. */
    focusAreaSums: new DataLoader<string, FundingSums | null>(async (ids) => {
      const sums = new Map((await funding.sumsByFocusArea(await programmeId())).map((row) => [row.key, row]));
      return ids.map((id) => sums.get(id) ?? null);
    }),
    goalSums: new DataLoader<string, FundingSums | null>(async (ids) => {
      const sums = new Map((await funding.sumsByGoal(await programmeId())).map((row) => [row.key, row]));
      return ids.map((id) => sums.get(id) ?? null);
    }),
    municipalitySums: new DataLoader<string, FundingSums | null>(async (ids) => {
      const sums = new Map((await funding.sumsByMunicipality(await programmeId())).map((row) => [row.key, row]));
      return ids.map((id) => sums.get(id) ?? null);
    }),
  };
}

export type FundingLoaders = ReturnType<typeof createLoaders>;

/** DataLoaders of money and effort for one operation (see `LoaderScope`), apart from the programme's own. */
@Injectable()
export class FundingLoaderSet {
  private readonly perScope = new WeakMap<object, FundingLoaders>();

  constructor(private readonly funding: FundingRepository) {}

  for(scope: object, programmeId: () => Promise<string>): FundingLoaders {
    let loaders = this.perScope.get(scope);
    if (!loaders) {
      loaders = createLoaders(this.funding, programmeId);
      this.perScope.set(scope, loaders);
    }
    return loaders;
  }
}
