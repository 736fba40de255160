import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { ReportingModule } from '../reporting/reporting.module';
import { LinkedReportService } from './linked-report.service';
import { ReportLinksResolver } from './report-links.resolver';
import { ReportLinksService } from './report-links.service';

/** Reporting by link, for partners without an account (rapportering via lenke); mail goes through the `Mailer`. */
@Module({
  imports: [ProgrammeModule, ReportingModule],
  providers: [ReportLinksService, LinkedReportService, ReportLinksResolver],
})
export class ReportLinksModule {}
