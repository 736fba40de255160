import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { SnapshotsResolver } from './snapshots.resolver';
import { SnapshotsService } from './snapshots.service';

/** Council snapshots (øyeblikksbilder) and what changed between them. */
@Module({
  imports: [ProgrammeModule],
  providers: [SnapshotsService, SnapshotsResolver],
})
export class SnapshotsModule {}
