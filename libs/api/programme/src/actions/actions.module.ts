import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { ActionAbilitiesResolver } from './action-abilities.resolver';
import { ActionFieldsResolver } from './action-fields.resolver';
import { ActionsResolver } from './actions.resolver';
import { ActionsService } from './actions.service';
import { ActionWrites } from './action-writes';
import { InvolvementsService } from './involvements.service';
import { MilestoneFieldsResolver } from './milestone-fields.resolver';
import { MilestonesQueries } from './milestones.queries';
import { MilestonesService } from './milestones.service';
import { ProjectLeadsResolver } from './project-leads.resolver';
import { ProjectLeadsService } from './project-leads.service';
import { StatusUpdateResolver } from './status-update.resolver';
import { StatusWrites } from './status-writes';

/** Actions with their municipalities, milestones, involvements, named project leads and history. */
@Module({
  imports: [ProgrammeModule],
  providers: [
    ActionWrites,
    StatusWrites,
    ActionsService,
    MilestonesService,
    InvolvementsService,
    ProjectLeadsService,
    ProjectLeadsResolver,
    MilestonesQueries,
    ActionsResolver,
    ActionFieldsResolver,
    ActionAbilitiesResolver,
    StatusUpdateResolver,
    MilestoneFieldsResolver,
  ],
  exports: [ActionWrites, StatusWrites, MilestonesService, ActionsService, InvolvementsService],
})
export class ActionsModule {}
