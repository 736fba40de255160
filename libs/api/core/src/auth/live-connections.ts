import { Injectable, Logger } from '@nestjs/common';

interface Closable {
  close(code: number, reason: string): void;
}

interface Registration {
  userId: string;
  sessionId: string;
  timer: NodeJS.Timeout;
}

/**
 * Every open live connection (GraphQL subscriptions, presence sockets) of this instance, by user
 * and session, so a connection is closed when its token expires, and the moment its session ends
 * or its user's powers change: the live module hears of those from every instance through
 * PostgreSQL and calls `closeSession` or `closeUser` here.
 */
@Injectable()
export class LiveConnections {
  private readonly logger = new Logger('LiveConnections');
  private readonly registrations = new Map<Closable, Registration>();

  register(userId: string, sessionId: string, connection: Closable, expiresAt: Date): void {
    const timer = setTimeout(
      () => this.close(connection, 'The sign-in has expired'),
      Math.max(0, expiresAt.getTime() - Date.now()),
    );
    timer.unref();
    this.registrations.set(connection, { userId, sessionId, timer });
  }

  unregister(connection: Closable): void {
    clearTimeout(this.registrations.get(connection)?.timer);
    this.registrations.delete(connection);
  }

  /** Closes every connection of a user, for example when an admin changes their role or deactivates them. */
  closeUser(userId: string, reason: string): void {
    this.closeWhere((registration) => registration.userId === userId, `user ${userId}`, reason);
  }

  /** Closes the connections opened in one session, when its user signs out. */
  closeSession(sessionId: string, reason: string): void {
    this.closeWhere((registration) => registration.sessionId === sessionId, `session ${sessionId}`, reason);
  }

  private closeWhere(matches: (registration: Registration) => boolean, whose: string, reason: string): void {
    const closing = [...this.registrations].filter(([, registration]) => matches(registration));
    for (const [connection] of closing) this.close(connection, reason);
    if (closing.length > 0) this.logger.log(`Closed ${closing.length} live connection(s) of ${whose}: ${reason}`);
  }

  private close(connection: Closable, reason: string): void {
    this.unregister(connection);
    connection.close(4403, reason);
  }
}
