import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ProgrammeModule } from '../programme/programme.module';
import { CompletionRowResolver } from './completion.resolver';
import { ReportingRoundsResolver } from './reporting-rounds.resolver';
import { ReportingRoundsService } from './reporting-rounds.service';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** Reporting rounds and their reports: opening, saving, submitting, returning, completion and closing. */
@Module({
  imports: [ProgrammeModule, ActionsModule],
  providers: [ReportingRoundsService, ReportsService, ReportingRoundsResolver, ReportsResolver, CompletionRowResolver],
  exports: [ReportingRoundsService, ReportsService],
})
export class ReportingModule {}
