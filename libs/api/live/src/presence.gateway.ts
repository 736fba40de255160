import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiError,
  ApiErrorCode,
  clientAddress,
  isDatabaseUnavailable,
  LiveConnections,
  PolicyService,
  RateLimits,
  VIEWER_RESOLVER,
  type ViewerResolver,
} from '@tiltak/api-core';
import { ActionRepository, DatabaseConnections } from '@tiltak/api-data-access';
import type { Principal, PresenceClientEvents, PresenceEntry, PresenceServerEvents } from '@tiltak/domain';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { Server as HttpServer } from 'node:http';
import pg from 'pg';
import { Server, type Socket } from 'socket.io';
import { type AdapterPool, adapterPool } from './adapter-pool';

interface SocketData {
  viewer: Principal;
  name: string;
  /** Where the socket connects from, for the rate limits. */
  address: string;
  /** Whether the log already says this socket went over the rate limit. */
  overLimitNoted: boolean;
  /** The actions this tab is looking at, and the part of each it is editing. */
  editing: Record<string, string | null>;
}

type PresenceSocket = Socket<PresenceClientEvents, PresenceServerEvents, Record<string, never>, SocketData>;

/** The answer to `view`; a refusal names its code, and RATE_LIMITED when to try again. */
interface PresenceAnswer {
  ok: boolean;
  reason?: string;
  retryAfterSeconds?: number;
}

const room = (actionId: string) => `action:${actionId}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who is viewing an action and who is editing which part, over socket.io on the API's own HTTP
 * server. Ephemeral: nothing is stored. Instances share rooms through PostgreSQL, so people on
 * different instances see each other; a closed tab drops out within 10 seconds (ping every 4 s).
 */
@Injectable()
export class PresenceGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Presence');
  private io?: Server<PresenceClientEvents, PresenceServerEvents, Record<string, never>, SocketData>;
  private pool?: pg.Pool;
  private adapterConnections?: AdapterPool;
  /** Each socket's entry in LiveConnections, dropped when the socket goes. */
  private readonly registered = new WeakMap<PresenceSocket, { close(): void }>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(VIEWER_RESOLVER) private readonly viewers: ViewerResolver,
    private readonly database: DatabaseConnections,
    private readonly policy: PolicyService,
    private readonly connections: LiveConnections,
    private readonly actions: ActionRepository,
    private readonly rateLimits: RateLimits,
  ) {}

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
    this.pool = new pg.Pool({
      connectionString: this.database.url,
      ...this.database.poolOptions(2),
      application_name: 'tiltak-presence',
    });
    const report = (error: Error) => this.logger.warn(`Presence database connection: ${error.message}`);
    this.pool.on('error', report);
    // The adapter's listening connection has no error handler of its own: without one a database
    // restart would crash the process, and the dead connection would never go back to the pool
    // (which then never closes). The adapter itself reconnects when the connection ends. The
    // release waits a tick: a connection lent for one statement (`pool.query`) is released by the
    // pool's own error handler, which comes after this one and must find it still lent.
    this.pool.on('connect', (client) =>
      client.on('error', (error) => {
        report(error);
        process.nextTick(() => {
          try {
            client.release(error);
          } catch {
            // Idle in the pool, or released by `pool.query`: the pool drops it by itself.
          }
        });
      }),
    );
    this.adapterConnections = adapterPool(this.pool);
    const io = new Server<PresenceClientEvents, PresenceServerEvents, Record<string, never>, SocketData>(httpServer, {
      path: '/socket.io',
      serveClient: false,
      pingInterval: 4_000,
      pingTimeout: 4_000,
      adapter: createAdapter(this.adapterConnections.pool),
    });
    io.use((socket, next) => {
      this.authenticate(socket, next).catch((error: unknown) => {
        // The token could not be checked: the client is told to come back, not that it is signed out.
        if (isDatabaseUnavailable(error)) return next(new Error(ApiErrorCode.SERVICE_UNAVAILABLE));
        this.logger.error(`Presence handshake failed: ${String(error)}`);
        next(new Error('INTERNAL_SERVER_ERROR'));
      });
    });
    io.on('connection', (socket) => this.connected(socket));
    this.io = io;
  }

  async onApplicationShutdown(): Promise<void> {
    // close() also ends the clients' connections; the HTTP server itself is closed by Nest.
    await this.io?.close();
    this.adapterConnections?.close();
    await this.pool?.end();
  }

  private async authenticate(socket: PresenceSocket, next: (error?: Error) => void): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    const outcome = typeof token === 'string' ? await this.viewers.resolve(token) : { problem: 'No token' };
    if ('problem' in outcome) return next(new Error('UNAUTHENTICATED'));
    const app = this.adapterHost.httpAdapter.getInstance() as { get(setting: string): unknown };
    socket.data = {
      viewer: outcome.viewer,
      name: outcome.name,
      address: clientAddress(socket.request, app),
      overLimitNoted: false,
      editing: {},
    };
    const connection = { close: () => socket.disconnect(true) };
    this.registered.set(socket, connection);
    this.connections.register(outcome.viewer.userId, outcome.sessionId, connection, outcome.expiresAt);
    next();
  }

  private connected(socket: PresenceSocket): void {
    // A socket event has nobody to answer a failure to: log it, never let it reach the process.
    const settle = (what: string, work: Promise<void>): void => {
      work.catch((error: unknown) => this.logger.warn(`Presence ${what} failed: ${String(error)}`));
    };
    socket.on('view', (actionId, reply) => {
      const answer = typeof reply === 'function' ? (reply as (a: PresenceAnswer) => void) : () => undefined;
      const viewing = this.view(socket, actionId, answer).catch((error: unknown) => {
        // The page learns that it was not let in, and whether to try again, instead of waiting.
        const unavailable = isDatabaseUnavailable(error);
        answer({ ok: false, reason: unavailable ? ApiErrorCode.SERVICE_UNAVAILABLE : 'INTERNAL_SERVER_ERROR' });
        throw error;
      });
      settle('view', viewing);
    });
    socket.on('leave', (actionId) => settle('leave', this.leave(socket, actionId)));
    socket.on('editing', (actionId, field) => settle('editing', this.editing(socket, actionId, field)));
    socket.on('disconnect', () => {
      const connection = this.registered.get(socket);
      if (connection) this.connections.unregister(connection);
      for (const actionId of Object.keys(socket.data.editing)) settle('disconnect', this.announce(actionId));
    });
  }

  private async view(socket: PresenceSocket, actionId: unknown, answer: (a: PresenceAnswer) => void): Promise<void> {
    if (typeof actionId !== 'string' || !UUID.test(actionId)) return answer({ ok: false, reason: 'BAD_USER_INPUT' });
    const refusal = await this.overLimit(socket);
    if (refusal) return answer({ ok: false, reason: refusal.code, retryAfterSeconds: refusal.retryAfterSeconds });
    if (!this.policy.allows(socket.data.viewer, { kind: 'READ_PROGRAMME' }))
      return answer({ ok: false, reason: 'FORBIDDEN' });
    if (!(await this.actions.actionById(actionId))) return answer({ ok: false, reason: 'NOT_FOUND' });
    socket.data.editing[actionId] = null;
    await socket.join(room(actionId));
    answer({ ok: true });
    await this.announce(actionId);
  }

  private async editing(socket: PresenceSocket, actionId: unknown, field: unknown): Promise<void> {
    if (typeof actionId !== 'string' || !(actionId in socket.data.editing)) return;
    if (await this.overLimit(socket)) return;
    socket.data.editing[actionId] = typeof field === 'string' ? field.slice(0, 100) : null;
    await this.announce(actionId);
  }

  /**
   * Counts a `view` or `editing` against the presence rate limits; each sets every instance asking
   * who is in the room. `leave` is not counted: it only follows a `view`, and refusing it would
   * leave the user shown as present. An `editing` over the limit is ignored (it has no answer to
   * carry a refusal); the log says so once per socket.
   */
  private async overLimit(socket: PresenceSocket): Promise<{ code: string; retryAfterSeconds: number } | null> {
    try {
      await this.rateLimits.consume('presenceEvents', {
        userId: socket.data.viewer.userId,
        address: socket.data.address,
      });
      return null;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (!socket.data.overLimitNoted) {
        socket.data.overLimitNoted = true;
        this.logger.warn(`Presence events over the rate limit from ${socket.data.address}: ${error.message}`);
      }
      return { code: error.code, retryAfterSeconds: Number(error.extensions['retryAfterSeconds']) };
    }
  }

  private async leave(socket: PresenceSocket, actionId: unknown): Promise<void> {
    if (typeof actionId !== 'string' || !(actionId in socket.data.editing)) return;
    delete socket.data.editing[actionId];
    await socket.leave(room(actionId));
    await this.announce(actionId);
  }

  /** Sends everyone in the room the full list of who is there, across every instance. */
  private async announce(actionId: string): Promise<void> {
    try {
      await this.announceNow(actionId);
    } catch (error) {
      this.logger.warn(`Could not share presence for ${actionId}: ${String(error)}`);
    }
  }

  private async announceNow(actionId: string): Promise<void> {
    const io = this.io;
    if (!io) return;
    // Asks every instance who is in the room; one that has just gone away answers no more.
    const sockets = await io.in(room(actionId)).timeout(2_000).fetchSockets();
    const byUser = new Map<string, PresenceEntry>();
    for (const { data } of sockets) {
      const editing = data.editing[actionId] ?? null;
      const known = byUser.get(data.viewer.userId);
      if (!known || (editing && !known.editing))
        byUser.set(data.viewer.userId, { userId: data.viewer.userId, name: data.name, editing });
    }
    io.to(room(actionId)).emit(
      'presence',
      actionId,
      [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name)),
    );
  }
}
