import { Module } from '@nestjs/common';
import { CouncilReportController } from './council-report.controller';
import { CouncilReportService } from './council-report.service';

/** The council report: a stored snapshot as a Word or PDF file, for the council, coordinators and admins. */
@Module({ controllers: [CouncilReportController], providers: [CouncilReportService] })
export class CouncilReportModule {}
