import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { IndicatorsResolver } from './indicators.resolver';
import { IndicatorsService } from './indicators.service';

/** Indicators (indikatorer) and their yearly values per municipality. */
@Module({ imports: [ProgrammeModule], providers: [IndicatorsService, IndicatorsResolver] })
export class IndicatorsModule {}
