import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, PolicyService } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import { MunicipalityAbilitiesModel, ViewerAbilitiesModel } from '../models/abilities.model';
import { MunicipalityModel } from '../models/municipality.model';
import { ProgrammeService } from './programme.service';

/** What the viewer may do in a municipality, by the rules the API checks the writes with. */
function inMunicipality(policy: PolicyService, viewer: Principal | null, municipalityId: string) {
  return {
    createActions: policy.allowsWrite(viewer, { kind: 'CREATE_ACTION', municipalityIds: [municipalityId] }),
    manageParties: policy.allowsWrite(
      viewer,
      { kind: 'MANAGE_PARTIES' },
      { kind: 'MANAGE_PARTY', homeMunicipalityId: municipalityId },
    ),
    recordDecisions: policy.allowsWrite(viewer, { kind: 'RECORD_FOR_MUNICIPALITY', municipalityId }),
  };
}

/** `viewerCan` at the top and on each municipality: the viewer's abilities beyond any one action or party. */
@Resolver(() => MunicipalityModel)
export class ViewerAbilitiesResolver {
  constructor(
    private readonly programmeService: ProgrammeService,
    private readonly policy: PolicyService,
  ) {}

  @Query(() => ViewerAbilitiesModel, {
    name: 'viewerCan',
    description: 'What the viewer may do, by the rules the API enforces; all false for signed-out visitors.',
  })
  async abilities(@CurrentViewer() viewer: Principal | null): Promise<ViewerAbilitiesModel> {
    const municipalities = await this.programmeService.municipalities();
    const somewhere = municipalities.map((m) => inMunicipality(this.policy, viewer, m.id));
    return {
      createActions: somewhere.some((m) => m.createActions),
      manageParties: this.policy.allowsWrite(viewer, { kind: 'MANAGE_PARTIES' }),
      manageRegionalParties: this.policy.allowsWrite(
        viewer,
        { kind: 'MANAGE_PARTIES' },
        { kind: 'MANAGE_PARTY', homeMunicipalityId: null },
      ),
      manageProgramme: this.policy.allowsWrite(viewer, { kind: 'MANAGE_PROGRAMME' }),
      manageUsers: this.policy.allows(viewer, { kind: 'MANAGE_USERS' }),
      readMailOutbox: this.policy.allows(viewer, { kind: 'READ_MAIL_OUTBOX' }),
      decideProposals: this.policy.allowsWrite(viewer, { kind: 'DECIDE_ACTION_PROPOSAL' }),
      readCouncilReports: this.policy.allows(viewer, { kind: 'READ_COUNCIL_REPORTS' }),
      takeCouncilSnapshot: this.policy.allowsWrite(viewer, { kind: 'TAKE_COUNCIL_SNAPSHOT' }),
      exportSpreadsheets: this.policy.allows(viewer, { kind: 'EXPORT_SPREADSHEETS' }),
      importSpreadsheets: this.policy.allowsWrite(viewer, { kind: 'IMPORT_SPREADSHEETS' }),
    };
  }

  @ResolveField(() => MunicipalityAbilitiesModel, { description: 'What the viewer may do in it.' })
  viewerCan(
    @Parent() municipality: MunicipalityModel,
    @CurrentViewer() viewer: Principal | null,
  ): MunicipalityAbilitiesModel {
    return inMunicipality(this.policy, viewer, municipality.id);
  }
}
