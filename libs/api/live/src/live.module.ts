import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { LiveConnections } from '@tiltak/api-core';
import { ChangeFeed } from './change-feed';
import { PresenceGateway } from './presence.gateway';

/** The change feed shared by every subscriber of this instance, and presence over socket.io. */
@Global()
@Module({ providers: [ChangeFeed, PresenceGateway], exports: [ChangeFeed] })
export class LiveModule implements OnModuleInit {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly connections: LiveConnections,
  ) {}

  onModuleInit(): void {
    // A deactivated user's live connections close the moment the change reaches this instance.
    this.feed.listen((event) => {
      if (event.entity === 'user' && event.after?.['active'] === false) {
        this.connections.closeUser(event.entityId, 'The account was deactivated');
      }
    });
  }
}
