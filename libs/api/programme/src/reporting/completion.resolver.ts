import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { FocusAreaModel, toFocusAreaModel } from '../models/focus-area.model';
import { MunicipalityModel, toMunicipalityModel } from '../models/municipality.model';
import { ProgrammeContext } from '../programme/programme-context';
import { CompletionRowModel } from './models/completion.model';

/** Names the municipality or focus area a row of a round's completion counts. */
@Resolver(() => CompletionRowModel)
export class CompletionRowResolver {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly context: ProgrammeContext,
  ) {}

  @ResolveField(() => MunicipalityModel, { nullable: true })
  async municipality(
    @Parent() row: CompletionRowModel,
    @LoaderScope() scope: object,
  ): Promise<MunicipalityModel | null> {
    if (!row.municipalityId) return null;
    const municipality = await this.loaders.for(scope).municipality.load(row.municipalityId);
    return municipality && toMunicipalityModel(municipality);
  }

  @ResolveField(() => FocusAreaModel, { nullable: true })
  async focusArea(@Parent() row: CompletionRowModel): Promise<FocusAreaModel | null> {
    if (!row.focusAreaId) return null;
    const area = await this.context.focusArea(row.focusAreaId);
    return area && toFocusAreaModel(area);
  }
}
