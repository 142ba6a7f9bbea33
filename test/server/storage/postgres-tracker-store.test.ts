import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createPostgresTrackerStore } from '../../../src/server/storage/postgres/postgres-tracker-store';
import { describeTrackerStoreContract } from './tracker-store-contract';
import { createTestSchema, postgresForTests } from './postgres-test-database';

const serverUrl = await postgresForTests();

describe.skipIf(serverUrl === undefined)('PostgreSQL adapter against a real server', () => {
  describeTrackerStoreContract('PostgreSQL', async (options) => {
    const schema = await createTestSchema(serverUrl ?? '');
    const store = await createPostgresTrackerStore({ connectionString: schema.url, ...options });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await schema.drop();
      },
    };
  });
});

describe('PostgreSQL adapter start-up', () => {
  it('names the server and DATABASE_URL, never the password, when the database cannot be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const attempt = createPostgresTrackerStore({
      connectionString: `postgres://politely:s3cret-pw@127.0.0.1:${closed}/tracker`,
      connectTimeoutMs: 1000,
    });
    await expect(attempt).rejects.toThrow(
      `PostgreSQL at politely@127.0.0.1:${closed}/tracker (DATABASE_URL): `,
    );
    await expect(attempt).rejects.not.toThrow(/s3cret-pw/);
  });
});
