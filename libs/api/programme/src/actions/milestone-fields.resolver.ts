import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ActionModel, toActionModel } from '../models/action.model';
import { MilestoneModel } from '../models/action-parts.model';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ProgrammeContext } from '../programme/programme-context';

/** What a milestone listed on its own (due soon, overdue) needs to say whose it is. */
@Resolver(() => MilestoneModel)
export class MilestoneFieldsResolver {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly context: ProgrammeContext,
  ) {}

  @ResolveField(() => ActionModel, { description: 'The action it belongs to, with its municipalities and lead.' })
  async action(@Parent() milestone: MilestoneModel, @LoaderScope() scope: object): Promise<ActionModel> {
    const action = await this.loaders.for(scope).action.load(milestone.actionId);
    if (!action) throw new Error(`Action ${milestone.actionId} of milestone ${milestone.id} is missing`);
    return toActionModel(action, this.context.today());
  }
}
