import { Field, ObjectType } from '@nestjs/graphql';

/**
 * What the viewer may do, answered by the API from the rules it enforces (libs/domain's policy),
 * so the dashboard shows a control only where the write behind it would be allowed, and never
 * rebuilds the rules itself. A write is still checked when it comes: these only spare a refusal.
 */
@ObjectType('ActionAbilities', { description: 'What the viewer may do to this action.' })
export class ActionAbilitiesModel {
  @Field(() => Boolean, { description: 'updateActionStatus: status, progress, health and a comment.' })
  updateStatus: boolean;

  @Field(() => Boolean, { description: 'updateAction: title, description, dates, focus area and weight.' })
  edit: boolean;

  @Field(() => Boolean, {
    description: 'updateAction’s municipalityIds: a coordinator adds or takes off only their own municipality.',
  })
  changeMunicipalities: boolean;

  @Field(() => Boolean, {
    description: 'createMilestone, completeMilestone, reopenMilestone, and new titles and dates.',
  })
  editMilestones: boolean;

  @Field(() => Boolean, { description: 'deleteMilestone, and a milestone’s weight.' })
  reshapeMilestones: boolean;

  @Field(() => Boolean, { description: 'addInvolvement, updateInvolvement and removeInvolvement.' })
  manageInvolvements: boolean;

  @Field(() => Boolean, { description: 'nameProjectLead and unnameProjectLead.' })
  nameProjectLeads: boolean;

  @Field(() => Boolean, {
    description: 'proposeActionChange: a coordinator of an action of every municipality proposes instead of editing.',
  })
  proposeChanges: boolean;
}

@ObjectType('PartyAbilities', { description: 'What the viewer may do to this party.' })
export class PartyAbilitiesModel {
  @Field(() => Boolean, { description: 'updateParty: a coordinator only the parties at home in their municipality.' })
  edit: boolean;
}

@ObjectType('MunicipalityAbilities', { description: 'What the viewer may do in this municipality.' })
export class MunicipalityAbilitiesModel {
  @Field(() => Boolean, { description: 'createAction for this municipality alone.' })
  createActions: boolean;

  @Field(() => Boolean, { description: 'createParty and updateParty for parties at home here.' })
  manageParties: boolean;

  @Field(() => Boolean, { description: 'setAdoption and setIndicatorValue for this municipality.' })
  recordDecisions: boolean;
}

@ObjectType('ViewerAbilities', { description: 'What the viewer may do, beyond any one record.' })
export class ViewerAbilitiesModel {
  @Field(() => Boolean, { description: 'createAction, for some municipality (see Municipality.viewerCan).' })
  createActions: boolean;

  @Field(() => Boolean, { description: 'createParty and updateParty, for some parties (see Party.viewerCan).' })
  manageParties: boolean;

  @Field(() => Boolean, { description: 'Parties at home in no municipality: networks, regional bodies.' })
  manageRegionalParties: boolean;

  @Field(() => Boolean, { description: 'Focus areas and indicators.' })
  manageProgramme: boolean;

  @Field(() => Boolean, { description: 'users, createUser and updateUser.' })
  manageUsers: boolean;

  @Field(() => Boolean, { description: 'mailOutbox: every mail sent or kept.' })
  readMailOutbox: boolean;

  @Field(() => Boolean, { description: 'acceptActionProposal and rejectActionProposal.' })
  decideProposals: boolean;

  @Field(() => Boolean, {
    description: 'councilSnapshots, programmeChanges, changesSinceLastCouncilReport and the council report files.',
  })
  readCouncilReports: boolean;

  @Field(() => Boolean, { description: 'takeCouncilSnapshot, in a period that has not ended.' })
  takeCouncilSnapshot: boolean;

  @Field(() => Boolean, { description: 'The spreadsheet downloads (/exchange/programme.xlsx and the CSV sheets).' })
  exportSpreadsheets: boolean;

  @Field(() => Boolean, {
    description: 'Spreadsheet uploads (/exchange/import); each row is still checked as the write it becomes.',
  })
  importSpreadsheets: boolean;
}
