import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  IndicatorRepository,
  type MunicipalityEntity,
  type NetworkEntity,
  ProgrammeRepository,
  type TypedYearSum,
} from '@tiltak/api-data-access';
import { registerKindOf } from '@tiltak/domain';
import DataLoader from 'dataloader';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { IndicatorModel, IndicatorValueModel, toIndicatorValueModel } from '../models/indicator.model';
import { MunicipalityModel, toMunicipalityModel } from '../models/municipality.model';
import { NetworkModel, toNetworkModel } from '../networks/models/network.model';
import { RegionalIndicatorValueModel } from '../networks/models/regional-value.model';
import { NetworkLoaders } from '../networks/network-loaders';
import { ProgrammeContext } from '../programme/programme-context';
import { regionalFromRegister, regionalFromTyped } from './regional-values';

type TypedSumsLoader = DataLoader<string, TypedYearSum[]>;

/**
 * An indicator's values: typed ones as stored, register ones computed from the register of networks
 * and clusters; and beside them the region's value per year, each with how it was made.
 */
@Resolver(() => IndicatorModel)
export class IndicatorFiguresResolver {
  /** Per operation: the typed values' yearly sums of every indicator asked for, in one query. */
  private readonly typedSums = new WeakMap<object, TypedSumsLoader>();

  constructor(
    private readonly indicators: IndicatorRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly loaders: RequestLoaders,
    private readonly networkLoaders: NetworkLoaders,
    private readonly context: ProgrammeContext,
  ) {}

  @ResolveField(() => [IndicatorValueModel], {
    description:
      'Yearly values per municipality, oldest first: typed, or computed from the register (every year so far).',
  })
  async values(@Parent() indicator: IndicatorModel, @LoaderScope() scope: object): Promise<IndicatorValueModel[]> {
    const kind = registerKindOf(indicator.source);
    if (!kind) return (await this.loaders.for(scope).indicatorValues.load(indicator.id)).map(toIndicatorValueModel);
    const { municipal } = await this.networkLoaders.for(scope).register.load(kind);
    return municipal.map((count) => ({
      municipalityId: count.municipalityId,
      year: count.year,
      value: count.networkIds.length,
      version: 0,
      computed: true,
      networkIds: count.networkIds,
    }));
  }

  @ResolveField(() => [RegionalIndicatorValueModel], {
    description: 'The region’s value per year, oldest first, beside the municipalities’ values.',
  })
  async regionalValues(
    @Parent() indicator: IndicatorModel,
    @LoaderScope() scope: object,
  ): Promise<Omit<RegionalIndicatorValueModel, 'missingMunicipalities'>[]> {
    const municipalities = await this.regionMunicipalities(scope);
    const ids = municipalities.map((m) => m.id);
    const kind = registerKindOf(indicator.source);
    if (kind) return regionalFromRegister((await this.networkLoaders.for(scope).register.load(kind)).regional, ids);
    return regionalFromTyped(await this.typedSumsLoader(scope).load(indicator.id), ids, indicator.summable);
  }

  private typedSumsLoader(scope: object) {
    let loader = this.typedSums.get(scope);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const programme = await this.context.programme();
        const rows = await this.indicators.typedYearSums(ids, programme.regionId);
        return ids.map((id) => rows.filter((row) => row.indicatorId === id));
      });
      this.typedSums.set(scope, loader);
    }
    return loader;
  }

  private regionMunicipalities(scope: object) {
    return this.loaders
      .for(scope)
      .once('region municipalities', async () =>
        this.programmes.municipalitiesOfRegion((await this.context.programme()).regionId),
      );
  }
}

@Resolver(() => IndicatorValueModel)
export class IndicatorValueFieldsResolver {
  constructor(private readonly networkLoaders: NetworkLoaders) {}

  @ResolveField(() => [NetworkModel], {
    description: 'A computed value’s networks: what it counts. Empty for typed ones.',
  })
  async networks(@Parent() value: IndicatorValueModel, @LoaderScope() scope: object): Promise<NetworkModel[]> {
    return networksOf(this.networkLoaders, scope, value.networkIds);
  }
}

@Resolver(() => RegionalIndicatorValueModel)
export class RegionalValueFieldsResolver {
  constructor(
    private readonly networkLoaders: NetworkLoaders,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => [NetworkModel], { description: 'Register indicators: the networks counted, each once.' })
  async networks(@Parent() value: RegionalIndicatorValueModel, @LoaderScope() scope: object): Promise<NetworkModel[]> {
    return networksOf(this.networkLoaders, scope, value.networkIds);
  }

  @ResolveField(() => [MunicipalityModel])
  async missingMunicipalities(
    @Parent() value: RegionalIndicatorValueModel & { missingMunicipalityIds: string[] },
    @LoaderScope() scope: object,
  ): Promise<MunicipalityModel[]> {
    const found = await this.loaders.for(scope).municipality.loadMany(value.missingMunicipalityIds);
    return found
      .filter((m): m is MunicipalityEntity => m !== null && !(m instanceof Error))
      .map(toMunicipalityModel)
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  }
}

async function networksOf(loaders: NetworkLoaders, scope: object, ids: string[]): Promise<NetworkModel[]> {
  const found = await loaders.for(scope).network.loadMany(ids);
  return found
    .filter((n): n is NetworkEntity => n !== null && !(n instanceof Error))
    .map(toNetworkModel)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
