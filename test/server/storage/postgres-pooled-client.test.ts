import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPooledClient } from '../../../src/server/storage/postgres/with-pooled-client';
import { postgresForTests } from './postgres-test-database';

const serverUrl = await postgresForTests();

describe.skipIf(serverUrl === undefined)('a pooled client whose connection is cut while checked out', () => {
  let pool: pg.Pool;
  let admin: pg.Client;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: serverUrl, max: 2 });
    pool.on('error', () => undefined);
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await pool?.end();
  });

  it('rejects the work (no unhandled error event) and leaves the pool serving', async () => {
    const work = withPooledClient(pool, async (client) => {
      await client.query('BEGIN');
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // The server ends this session while no statement runs: the notice arrives as an 'error' event.
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.query('SELECT 1');
    });
    await expect(work).rejects.toThrow();

    const { rows } = await pool.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows).toEqual([{ ok: 1 }]);
  });
});
