import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ActionGoalsResolver, FocusAreaGoalResolver } from './goal-links.resolver';
import { GoalLinksService } from './goal-links.service';
import { GoalReadsService } from './goal-reads.service';
import { GoalFieldsResolver, GoalsResolver } from './goals.resolver';
import { GoalsService } from './goals.service';
import {
  InnovationPlanFieldsResolver,
  InnovationPlansResolver,
  InnovationPriorityFieldsResolver,
} from './innovation-plans.resolver';
import { InnovationPlansService } from './innovation-plans.service';

/** The strategy's goals and the regional innovation plan, and what focus areas and actions serve. */
@Module({
  imports: [ProgrammeModule, ActionsModule],
  providers: [
    GoalsService,
    GoalLinksService,
    GoalReadsService,
    InnovationPlansService,
    GoalsResolver,
    GoalFieldsResolver,
    InnovationPlansResolver,
    InnovationPlanFieldsResolver,
    InnovationPriorityFieldsResolver,
    FocusAreaGoalResolver,
    ActionGoalsResolver,
  ],
  exports: [GoalReadsService, GoalLinksService],
})
export class GoalsModule {}
