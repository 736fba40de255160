import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { FundingModule } from '../funding/funding.module';
import { GoalsModule } from '../goals/goals.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { PartiesModule } from '../parties/parties.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ExchangeController } from './exchange.controller';
import { ExchangeStateReader } from './exchange-state';
import { ExportService } from './export.service';
import { ImportRunner } from './import-runner';
import { ImportService } from './import.service';
import { ImportWrites } from './import-writes';

/** Spreadsheets out and in: the programme as .xlsx and CSV, and uploads applied as ordinary writes. */
@Module({
  imports: [ProgrammeModule, ActionsModule, PartiesModule, GoalsModule, FundingModule, IndicatorsModule],
  controllers: [ExchangeController],
  providers: [ExchangeStateReader, ExportService, ImportService, ImportRunner, ImportWrites],
})
export class ExchangeModule {}
