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
    // Whichever instance ended a session (sign-out) or a user's sessions (a change of role,
    // deactivation), their live connections on this instance close the moment it hears.
    this.feed.onSessionsEnded(({ userId, familyId, reason }) =>
      familyId ? this.connections.closeSession(familyId, reason) : this.connections.closeUser(userId, reason),
    );
  }
}
