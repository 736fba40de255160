import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type DocumentNode,
  type ExecutionArgs,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { CloseCode, type Context, handleProtocols, makeServer, MessageType, type Server } from 'graphql-ws';
import { type DatabaseNotice, LIVE_TRY_AGAIN_LATER } from '@tiltak/domain';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { LiveConnections } from '../auth/live-connections';
import type { AuthenticatedRequest } from '../auth/viewer';
import { VIEWER_RESOLVER, type ViewerResolver } from '../auth/viewer-resolver';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { isDatabaseUnavailable } from '../errors/database-unavailable';
import { formatGraphqlError } from '../errors/format-error';
import { DatabaseStatus } from '../health/database-status';
import { clientAddress } from '../limits/client-address';
import { countOperation } from '../limits/operation-rate';
import { RateLimits } from '../limits/rate-limits';
import { costBreach, documentRules, PARSE_OPTIONS, QUERY_LIMITS } from './query-limits';
import { sharedSubscriptions } from './shared-subscriptions';

/** The largest message a client may send; ws would otherwise take frames of 100 MiB. */
export const WS_MAX_PAYLOAD_BYTES = 64 * 1024;
/**
 * How the server closes a connection whose client reads too slowly, or not at all: nothing more
 * is kept for it. The client is expected to reconnect and subscribe again with `since`, and the
 * changes it missed are replayed from the log (the dashboard does both by itself).
 */
export const NOT_READING = { code: 4008, reason: 'Not reading: reconnect and catch up with since' } as const;
const INIT_TIMEOUT_MS = 3_000;
const KEEP_ALIVE_MS = 12_000;
/** A client that reads nothing will not answer the close either: this long after it, the socket goes. */
const CLOSE_GRACE_MS = 1_000;
const PATH = '/graphql';

/** What the server keeps for one connection: the socket, where it came from and who opened it. */
interface ConnectionExtra {
  socket: WebSocket;
  address: string;
  auth?: AuthenticatedRequest;
}

type ConnectionContext = Context<Record<string, unknown> | undefined, ConnectionExtra>;

/** The error with the code Apollo gives the same refusal over HTTP, keeping the original beneath. */
function asStage(error: unknown, code: string): GraphQLError {
  const original = error instanceof GraphQLError ? error : new GraphQLError(String(error));
  return new GraphQLError(original.message, {
    nodes: original.nodes,
    source: original.source,
    positions: original.positions,
    originalError: original.originalError ?? original,
    extensions: { ...original.extensions, code },
  });
}

/** As Apollo formats an error over HTTP: its code or INTERNAL_SERVER_ERROR, then Tiltak's formatter. */
function formatted(error: GraphQLError): GraphQLFormattedError {
  const json = error.toJSON();
  const code = json.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR';
  return formatGraphqlError({ ...json, extensions: { ...json.extensions, code } }, error);
}

/**
 * GraphQL subscriptions (and any other operation) over graphql-ws at /graphql, held to the same
 * rules as HTTP: the same validation rules and limits, introspection refused in production, the
 * same rate limits and the same error format. Apollo's settings reach none of this, so the server
 * is set up here rather than through Nest's `subscriptions` option, which also gives no way to
 * bound the message size.
 *
 * A connection authenticates in its init message: it is closed with 4403 when the token does not
 * hold, 1013 (try again later) when the token cannot be checked because the database is away,
 * 4408 when no init comes within 3 seconds, and 1009 when a message is over 64 KiB. Open
 * connections stay open while the database is away; a graphql-ws `ping` tells each when it goes
 * and when it is back (`DatabaseNotice`), and the change feed resumes where it was. It is
 * closed with 4008 (NOT_READING) when it has answered no ping for the configured read timeout, or
 * has more than SUBSCRIBER_BACKLOG_LIMIT results waiting for it: either way the server would
 * otherwise hold its changes in memory for as long as it stays connected. At most
 * `QUERY_LIMITS.operationsPerConnection` operations run at once on one connection; one more is
 * refused with TOO_MANY_OPERATIONS, the others go on.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('GraphqlWs');
  private wss?: WebSocketServer;
  private httpServer?: HttpServer;
  private stopNotices?: () => void;
  private readonly rules: ValidationRule[];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(VIEWER_RESOLVER) private readonly viewers: ViewerResolver,
    private readonly connections: LiveConnections,
    private readonly rateLimits: RateLimits,
    private readonly database: DatabaseStatus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rules = [...specifiedRules, ...documentRules(config.environment)];
  }

  onApplicationBootstrap(): void {
    const app = this.adapterHost.httpAdapter.getInstance() as { get(setting: string): unknown };
    const server = this.graphqlWs();
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: WS_MAX_PAYLOAD_BYTES,
      handleProtocols: (protocols) => handleProtocols(protocols),
    });
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) =>
      this.opened(server, socket, { socket, address: clientAddress(request, app) }),
    );
    this.wss = wss;
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
    this.httpServer.on('upgrade', this.upgrade);
    this.stopNotices = this.database.onChange((reachable) => this.notify({ database: reachable ? 'up' : 'down' }));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopNotices?.();
    this.httpServer?.off('upgrade', this.upgrade);
    const wss = this.wss;
    if (!wss) return;
    for (const client of wss.clients) client.close(1001, 'Going away');
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  /** Upgrades requests for /graphql; other paths (socket.io's) are left to their own listeners. */
  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss;
    if (!wss || new URL(request.url ?? '/', 'http://localhost').pathname !== PATH) return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  /**
   * Connects one socket to graphql-ws, with ws's own pings to find clients that went silent or
   * stopped reading: a pong comes back only once the client has read everything sent before the
   * ping, so the last pong says how recently it was reading.
   */
  private opened(server: Server<ConnectionExtra>, socket: WebSocket, extra: ConnectionExtra): void {
    // An oversized or broken frame: ws has already closed the socket (1009, 1002), there is
    // nothing more to do than note it.
    socket.on('error', (error) => this.logger.debug(`Socket from ${extra.address}: ${error.message}`));
    const { readTimeoutMs } = this.config.live;
    let readAt = Date.now();
    socket.on('pong', () => (readAt = Date.now()));
    const keepAlive = setInterval(
      () => {
        if (Date.now() - readAt < readTimeoutMs) return socket.ping();
        this.logger.log(`Closing a live connection from ${extra.address}: it read nothing for ${readTimeoutMs} ms`);
        this.dropSlowReader(socket);
      },
      Math.min(KEEP_ALIVE_MS, Math.ceil(readTimeoutMs / 4)),
    );
    const closed = server.opened(
      {
        protocol: socket.protocol,
        // A message the closing of the connection kept from going is no failure.
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve();
            socket.send(data, (error) => (error && socket.readyState === WebSocket.OPEN ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (receive) =>
          socket.on('message', (data: Buffer) => {
            receive(String(data)).catch((error: unknown) => {
              // The token check (or anything else before an operation runs) met a database that is away.
              if (isDatabaseUnavailable(error)) return socket.close(LIVE_TRY_AGAIN_LATER, 'Try again later');
              this.logger.error(`GraphQL over WebSocket: ${String(error)}`);
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      extra,
    );
    socket.once('close', (code: number, reason: Buffer) => {
      clearInterval(keepAlive);
      closed(code, String(reason)).catch((error: unknown) =>
        this.logger.warn(`Closing a connection from ${extra.address}: ${String(error)}`),
      );
    });
  }

  /** A graphql-ws ping with a payload: the protocol's own way to tell a client something outside any operation. */
  private notify(notice: DatabaseNotice): void {
    const message = JSON.stringify({ type: MessageType.Ping, payload: notice });
    for (const client of this.wss?.clients ?? []) {
      if (client.readyState === WebSocket.OPEN) client.send(message);
    }
  }

  /** Closes a connection with NOT_READING, and drops the socket if the close cannot be delivered. */
  private dropSlowReader(socket: WebSocket): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.close(NOT_READING.code, NOT_READING.reason);
    setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  private graphqlWs(): Server<ConnectionExtra> {
    return makeServer<Record<string, unknown> | undefined, ConnectionExtra>({
      schema: this.schemaHost.schema,
      connectionInitWaitTimeout: INIT_TIMEOUT_MS,
      onConnect: (ctx) => this.authenticate(ctx),
      onClose: (ctx) => this.connections.unregister(ctx.extra.socket),
      onSubscribe: (ctx, _id, payload) => this.admit(ctx, payload),
      subscribe: sharedSubscriptions((error) => this.logger.warn(`A shared subscription: ${String(error)}`)),
      onError: (_ctx, _id, _payload, errors) => errors.map(formatted),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(formatted) } : undefined,
    });
  }

  private async authenticate(ctx: ConnectionContext): Promise<boolean> {
    const header = ctx.connectionParams?.['authorization'];
    const token = typeof header === 'string' ? header.replace(/^Bearer\s+/i, '') : '';
    if (!token) {
      ctx.extra.auth = { viewer: null };
      return this.config.auth.publicDashboard;
    }
    const outcome = await this.viewers.resolve(token);
    if ('problem' in outcome) return false;
    ctx.extra.auth = { viewer: outcome.viewer, viewerName: outcome.name, sessionId: outcome.sessionId };
    this.connections.register(outcome.viewer.userId, outcome.sessionId, ctx.extra.socket, outcome.expiresAt);
    return true;
  }

  /** Parses, validates, counts and prices an operation, as Apollo and its plugins do over HTTP. */
  private async admit(
    ctx: ConnectionContext,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ): Promise<ExecutionArgs | GraphQLError[]> {
    // This operation is already among the connection's.
    if (Object.keys(ctx.subscriptions).length > QUERY_LIMITS.operationsPerConnection) {
      const limit = QUERY_LIMITS.operationsPerConnection;
      return [
        new ApiError(ApiErrorCode.TOO_MANY_OPERATIONS, `At most ${limit} operations may run at once on a connection.`, {
          limit,
        }),
      ];
    }
    const schema = this.schemaHost.schema;
    let document: DocumentNode;
    try {
      document = parse(payload.query, PARSE_OPTIONS);
    } catch (error) {
      return [asStage(error, 'GRAPHQL_PARSE_FAILED')];
    }
    const invalid = validate(schema, document, this.rules);
    if (invalid.length > 0) return invalid.map((error) => asStage(error, 'GRAPHQL_VALIDATION_FAILED'));
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [asStage('Unable to identify the operation.', 'OPERATION_RESOLUTION_FAILURE')];
    const auth = ctx.extra.auth ?? { viewer: null };
    try {
      await countOperation(this.rateLimits, document, operation, {
        userId: auth.viewer?.userId ?? null,
        address: ctx.extra.address,
      });
    } catch (error) {
      if (error instanceof ApiError) return [error];
      throw error;
    }
    const tooCostly = costBreach(schema, document, payload.operationName, payload.variables);
    if (tooCostly) return [tooCostly];
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: {
        req: auth,
        fellBehind: () => {
          this.logger.log(`Closing a live connection from ${ctx.extra.address}: it fell too far behind`);
          this.dropSlowReader(ctx.extra.socket);
        },
      },
    };
  }
}
