import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, PolicyService } from '@tiltak/api-core';
import type { Permission, Principal } from '@tiltak/domain';
import { ActionAbilitiesModel } from '../models/abilities.model';
import { ActionModel } from '../models/action.model';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import { ProgrammeContext } from '../programme/programme-context';
import { scopeOf } from './action-writes';

/** `Action.viewerCan`: the viewer's permissions on an action, by the rules its writes are checked with. */
@Resolver(() => ActionModel)
export class ActionAbilitiesResolver {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly policy: PolicyService,
    private readonly context: ProgrammeContext,
  ) {}

  @ResolveField(() => ActionAbilitiesModel, {
    description: 'What the viewer may do to it, by the rules the API enforces on each write.',
  })
  async viewerCan(
    @Parent() action: ActionModel,
    @CurrentViewer() viewer: Principal | null,
    @LoaderScope() scope: object,
  ): Promise<ActionAbilitiesModel> {
    // The same loaders that answer the action's municipalities, lead and project leads: a page that
    // shows those pays nothing more, and a list of actions pays one batch for all of them.
    const loaders = this.loaders.for(scope);
    const [participations, involvements, projectLeads, region] = await Promise.all([
      loaders.participations.load(action.id),
      loaders.involvements.load(action.id),
      loaders.projectLeadsOfAction.load(action.id),
      this.context.regionMunicipalityIds(),
    ]);
    const on = scopeOf({ participations, involvements, projectLeads }, region);
    const may = (permission: Permission) => this.policy.allowsWrite(viewer, permission);
    const edit = may({ kind: 'EDIT_ACTION', action: on });
    return {
      updateStatus: may({ kind: 'UPDATE_ACTION_STATUS', action: on }),
      edit,
      // Adding or taking off the viewer's own municipality: what the rules allow with no other changed.
      changeMunicipalities: this.policy.allowsWrite(
        viewer,
        { kind: 'EDIT_ACTION', action: on },
        { kind: 'CHANGE_ACTION_MUNICIPALITIES', action: on, added: [], removed: [] },
      ),
      editMilestones: may({ kind: 'EDIT_MILESTONES', action: on }),
      reshapeMilestones: may({ kind: 'RESHAPE_MILESTONES', action: on }),
      manageInvolvements: edit,
      nameProjectLeads: edit,
      proposeChanges: may({ kind: 'PROPOSE_ACTION_CHANGE', action: on }),
    };
  }
}
