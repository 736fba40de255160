import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';

/** The open data: the actions and the matrix as CSV and JSON for anyone, when the dashboard is public. */
@Module({ imports: [ProgrammeModule], controllers: [OpenDataController], providers: [OpenDataService] })
export class OpenDataModule {}
