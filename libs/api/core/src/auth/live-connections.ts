import { Injectable, Logger } from '@nestjs/common';

interface Closable {
  close(code: number, reason: string): void;
}

/**
 * Every open live connection (GraphQL subscriptions, presence sockets) by user, so a connection is
 * closed when its token expires and the moment its user is deactivated.
 */
@Injectable()
export class LiveConnections {
  private readonly logger = new Logger('LiveConnections');
  private readonly byUser = new Map<string, Set<Closable>>();
  private readonly timers = new Map<Closable, NodeJS.Timeout>();

  register(userId: string, connection: Closable, expiresAt: Date): void {
    const connections = this.byUser.get(userId) ?? new Set<Closable>();
    connections.add(connection);
    this.byUser.set(userId, connections);
    const timer = setTimeout(
      () => {
        connection.close(4403, 'The sign-in has expired');
        this.unregister(connection);
      },
      Math.max(0, expiresAt.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.set(connection, timer);
  }

  unregister(connection: Closable): void {
    clearTimeout(this.timers.get(connection));
    this.timers.delete(connection);
    for (const [userId, connections] of this.byUser) {
      if (connections.delete(connection) && connections.size === 0) this.byUser.delete(userId);
    }
  }

  /** Closes every connection of a user, for example when an admin deactivates them. */
  closeUser(userId: string, reason: string): void {
    for (const connection of this.byUser.get(userId) ?? []) {
      connection.close(4403, reason);
      this.unregister(connection);
    }
    this.logger.log(`Closed the live connections of user ${userId}: ${reason}`);
  }
}
