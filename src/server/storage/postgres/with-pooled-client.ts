/**
 * Checks a client out of a `pg` pool for a unit of work and always gives it back, guaranteeing that a
 * connection lost while the client is checked out (a server restart sends "terminating connection" between
 * two statements) rejects the work instead of surfacing as an unhandled 'error' event that ends the process,
 * and that such a broken client is destroyed rather than returned to the pool.
 */
import type { Pool, PoolClient } from 'pg';

export async function withPooledClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  // The pool listens for errors only on idle clients; while checked out, this listener is the only one.
  client.on('error', onError);
  try {
    return await work(client);
  } finally {
    client.removeListener('error', onError);
    client.release(lost);
  }
}
