import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { RequestLoaders } from '../loaders/request-loaders';
import { AdoptionDecisionFieldsResolver, AdoptionFieldsResolver } from './adoption-fields.resolver';
import { ProgrammeChangesResolver, RecentChangesResolver } from './changes.resolver';
import { PeriodMiddleware } from './period.middleware';
import { ProgrammeContext } from './programme-context';
import {
  FocusAreaFieldsResolver,
  MunicipalityFieldsResolver,
  ProgrammeFieldsResolver,
  ProgrammeResolver,
} from './programme.resolver';
import { ProgrammeService } from './programme.service';
import { ProgressService } from './progress.service';
import { ViewerAbilitiesResolver } from './viewer-abilities.resolver';

/** The programme's frame: municipalities, focus areas, decisions, and the progress roll-ups. */
@Module({
  providers: [
    ProgrammeContext,
    RequestLoaders,
    ProgrammeService,
    ProgressService,
    ProgrammeResolver,
    ProgrammeFieldsResolver,
    FocusAreaFieldsResolver,
    MunicipalityFieldsResolver,
    ProgrammeChangesResolver,
    RecentChangesResolver,
    ViewerAbilitiesResolver,
    AdoptionFieldsResolver,
    AdoptionDecisionFieldsResolver,
    PeriodMiddleware,
  ],
  exports: [ProgrammeContext, RequestLoaders, ProgressService],
})
export class ProgrammeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PeriodMiddleware).forRoutes('*path');
  }
}
