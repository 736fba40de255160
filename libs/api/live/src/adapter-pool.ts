import type pg from 'pg';

export interface AdapterPool {
  /** What to hand to socket.io's PostgreSQL adapter in place of the pool. */
  pool: pg.Pool;
  /** After the adapter is closed: gives back the connection it may still hold. */
  close(): void;
}

/**
 * socket.io's PostgreSQL adapter takes its LISTEN connection in the background and, if it is closed
 * before that connection arrives (an app closed right after it started, as when its port turns out
 * to be taken), keeps the connection for ever; ending the pool then never finishes. Through this
 * stand-in, a connection that arrives after the close goes straight back, and one the adapter
 * still holds is given back by `close()`.
 */
export function adapterPool(pool: pg.Pool): AdapterPool {
  let closed = false;
  let held: pg.PoolClient | undefined;
  const connect = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if (closed) {
      client.release();
      // The adapter is closed: its late attempt waits for ever, holding nothing.
      return new Promise<never>(() => undefined);
    }
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      if (held === client) held = undefined;
      release(error);
    };
    held = client;
    return client;
  };
  // The adapter uses nothing else of the pool.
  const stand = { connect, query: pool.query.bind(pool) } as unknown as pg.Pool;
  return {
    pool: stand,
    close() {
      closed = true;
      held?.release(true);
      held = undefined;
    },
  };
}
