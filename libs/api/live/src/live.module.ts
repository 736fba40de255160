import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { DatabaseStatus, LiveConnections } from '@tiltak/api-core';
import { ChangeFeed } from './change-feed';
import { PresenceGateway } from './presence.gateway';

/** The change feed shared by every subscriber of this instance, and presence over socket.io. */
@Global()
@Module({ providers: [ChangeFeed, PresenceGateway], exports: [ChangeFeed] })
export class LiveModule implements OnModuleInit {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly connections: LiveConnections,
    private readonly database: DatabaseStatus,
  ) {}

  onModuleInit(): void {
    // Whichever instance ended a session (sign-out) or a user's sessions (a change of role,
    // deactivation), their live connections on this instance close the moment it hears.
    this.feed.onSessionsEnded(({ userId, familyId, reason }) =>
      familyId ? this.connections.closeSession(familyId, reason) : this.connections.closeUser(userId, reason),
    );
    // The feed's connection is the one always open: it is the first to know the database went or came back.
    this.feed.onConnection((connected) => (connected ? this.database.restored() : this.database.lost()));
  }
}
