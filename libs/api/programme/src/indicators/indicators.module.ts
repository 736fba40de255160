import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { ProgrammeModule } from '../programme/programme.module';
import {
  IndicatorFiguresResolver,
  IndicatorValueFieldsResolver,
  RegionalValueFieldsResolver,
} from './indicator-figures.resolver';
import { IndicatorsResolver } from './indicators.resolver';
import { IndicatorsService } from './indicators.service';

/** Indicators (indikatorer), their yearly values per municipality and the region's beside them. */
@Module({
  imports: [ProgrammeModule, NetworksModule],
  providers: [
    IndicatorsService,
    IndicatorsResolver,
    IndicatorFiguresResolver,
    IndicatorValueFieldsResolver,
    RegionalValueFieldsResolver,
  ],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
