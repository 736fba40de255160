import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { NetworkLoaders } from './network-loaders';
import { ActionNetworksResolver, NetworksResolver } from './networks.resolver';
import { NetworksService } from './networks.service';

/** The register of networks and clusters, from which the "new networks" and "new clusters" indicators come. */
@Module({
  imports: [ProgrammeModule],
  providers: [NetworksService, NetworkLoaders, NetworksResolver, ActionNetworksResolver],
  exports: [NetworkLoaders],
})
export class NetworksModule {}
