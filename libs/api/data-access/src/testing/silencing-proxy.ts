import { connect, createServer, type Socket } from 'node:net';

/** One connection through the proxy: the client's socket and the one to the server. */
interface Passage {
  client: Socket;
  server: Socket;
  silent: boolean;
}

/**
 * A TCP proxy between the API and PostgreSQL that can go silent the way a broken network does:
 * `silence()` keeps the connections open at that moment open, but drops every byte on them in both
 * directions and passes on no FIN or RST. Each side's TCP still acknowledges what it is sent, so
 * keepalive sees nothing wrong; only an application that waits for an answer can tell. Connections
 * opened afterwards pass normally.
 */
export class SilencingProxy {
  private readonly passages = new Set<Passage>();
  // Half-open allowed: a silent passage must not answer a FIN with its own.
  private readonly listener = createServer({ allowHalfOpen: true }, (client) => this.pass(client));
  /** The database's URL with the proxy's address in it. */
  url = '';

  private constructor(private readonly target: URL) {}

  /** A proxy in front of the server that `databaseUrl` names, on a free loopback port. */
  static async start(databaseUrl: string): Promise<SilencingProxy> {
    const proxy = new SilencingProxy(new URL(databaseUrl));
    await new Promise<void>((resolve) => proxy.listener.listen(0, '127.0.0.1', resolve));
    const through = new URL(databaseUrl);
    through.hostname = '127.0.0.1';
    through.port = String((proxy.listener.address() as { port: number }).port);
    proxy.url = through.toString();
    return proxy;
  }

  /** Connections open now go silent; returns how many. */
  silence(): number {
    for (const passage of this.passages) passage.silent = true;
    return this.passages.size;
  }

  /** Closes every connection, silent or not, and stops listening. */
  async close(): Promise<void> {
    for (const { client, server } of this.passages) {
      client.destroy();
      server.destroy();
    }
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  private pass(client: Socket): void {
    const server = connect({ port: Number(this.target.port || 5432), host: this.target.hostname, allowHalfOpen: true });
    const passage: Passage = { client, server, silent: false };
    this.passages.add(passage);
    const forward = (from: Socket, to: Socket) => {
      from.on('data', (bytes) => {
        if (!passage.silent) to.write(bytes);
      });
      // A silent passage passes on nothing, not even the end of the connection.
      from.on('end', () => {
        if (!passage.silent) to.end();
      });
      from.on('error', () => undefined);
      from.on('close', () => {
        if (!passage.silent) to.destroy();
        if (client.destroyed && server.destroyed) this.passages.delete(passage);
      });
    };
    forward(client, server);
    forward(server, client);
  }
}
