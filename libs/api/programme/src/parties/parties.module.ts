import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { PartiesResolver } from './parties.resolver';
import { PartiesService } from './parties.service';

/** Parties (aktører) and the who-does-what map. */
@Module({ imports: [ProgrammeModule], providers: [PartiesService, PartiesResolver], exports: [PartiesService] })
export class PartiesModule {}
