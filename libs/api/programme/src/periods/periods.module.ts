import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { ActionPeriodFieldsResolver, PeriodsResolver, ProgrammePeriodFieldsResolver } from './periods.resolver';
import { PeriodsService } from './periods.service';

/** Programme periods and the revision (rullering) that starts the next one. */
@Module({
  imports: [ProgrammeModule],
  providers: [PeriodsService, PeriodsResolver, ProgrammePeriodFieldsResolver, ActionPeriodFieldsResolver],
})
export class PeriodsModule {}
