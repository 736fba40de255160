import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ProgrammeModule } from '../programme/programme.module';
import { FundingLoaderSet } from './funding-loaders';
import {
  ActionFundingResolver,
  EffortEntryFieldsResolver,
  FocusAreaFundingResolver,
  FundingLineFieldsResolver,
  FundingResolver,
  MunicipalityFundingResolver,
  ProgrammeFundingResolver,
} from './funding.resolver';
import { FundingService } from './funding.service';

/** Money and effort: budgets, funding lines, hours of own effort, and their totals. */
@Module({
  imports: [ProgrammeModule, ActionsModule],
  providers: [
    FundingService,
    FundingLoaderSet,
    FundingResolver,
    ActionFundingResolver,
    FundingLineFieldsResolver,
    EffortEntryFieldsResolver,
    FocusAreaFundingResolver,
    MunicipalityFundingResolver,
    ProgrammeFundingResolver,
  ],
  exports: [FundingService],
})
export class FundingModule {}
