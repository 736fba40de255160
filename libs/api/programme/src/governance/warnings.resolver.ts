import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConsistencyRepository } from '@tiltak/api-data-access';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ActionModel, toActionModel } from '../models/action.model';
import { FocusAreaModel, toFocusAreaModel } from '../models/focus-area.model';
import { MunicipalityModel, toMunicipalityModel } from '../models/municipality.model';
import { ProgrammeContext } from '../programme/programme-context';
import { ConsistencyWarningModel, toWarningModel } from './models/warning.model';

/**
 * Where the programme contradicts a municipality's decision. Read by everyone who reads the
 * programme: the decisions and the actions are public already.
 */
@Resolver(() => ConsistencyWarningModel)
export class WarningsResolver {
  constructor(
    private readonly consistency: ConsistencyRepository,
    private readonly context: ProgrammeContext,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => [ConsistencyWarningModel], {
    description: 'Actions in a focus area one of their municipalities rejected or has not adopted, by action code.',
  })
  async programmeWarnings(): Promise<ConsistencyWarningModel[]> {
    const programme = await this.context.programme();
    return (await this.consistency.warnings(programme.id, null)).map(toWarningModel);
  }

  @ResolveField(() => ActionModel)
  async action(@Parent() warning: ConsistencyWarningModel, @LoaderScope() scope: object): Promise<ActionModel> {
    const action = await this.loaders.for(scope).action.load(warning.actionId);
    if (!action) throw new Error(`Warning on a missing action ${warning.actionId}`);
    return toActionModel(action, this.context.today());
  }

  @ResolveField(() => MunicipalityModel)
  async municipality(
    @Parent() warning: ConsistencyWarningModel,
    @LoaderScope() scope: object,
  ): Promise<MunicipalityModel> {
    const municipality = await this.loaders.for(scope).municipality.load(warning.municipalityId);
    if (!municipality) throw new Error(`Warning on a missing municipality ${warning.municipalityId}`);
    return toMunicipalityModel(municipality);
  }

  @ResolveField(() => FocusAreaModel)
  async focusArea(@Parent() warning: ConsistencyWarningModel): Promise<FocusAreaModel> {
    const area = await this.context.focusArea(warning.focusAreaId);
    if (!area) throw new Error(`Warning on a missing focus area ${warning.focusAreaId}`);
    return toFocusAreaModel(area);
  }
}

/** `Action.warnings`: the same, for one action, from the request's one reading of all warnings. */
@Resolver(() => ActionModel)
export class ActionWarningsResolver {
  constructor(
    private readonly consistency: ConsistencyRepository,
    private readonly context: ProgrammeContext,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => [ConsistencyWarningModel], {
    description: 'Where it contradicts a municipality’s decision on its focus area.',
  })
  async warnings(@Parent() action: ActionModel, @LoaderScope() scope: object): Promise<ConsistencyWarningModel[]> {
    const programme = await this.context.programme();
    // One query for the whole request, however many actions a page lists.
    const all = await this.loaders
      .for(scope)
      .once('consistencyWarnings', () => this.consistency.warnings(programme.id, null));
    return all.filter((w) => w.actionId === action.id).map(toWarningModel);
  }
}
