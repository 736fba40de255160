import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { ActionFieldsResolver } from './action-fields.resolver';
import { ActionsResolver } from './actions.resolver';
import { ActionsService } from './actions.service';
import { MilestonesQueries } from './milestones.queries';
import { MilestonesService } from './milestones.service';
import { StatusUpdateResolver } from './status-update.resolver';

/** Actions with their municipalities, milestones, involvements and history. */
@Module({
  imports: [ProgrammeModule],
  providers: [
    ActionsService,
    MilestonesService,
    MilestonesQueries,
    ActionsResolver,
    ActionFieldsResolver,
    StatusUpdateResolver,
  ],
})
export class ActionsModule {}
