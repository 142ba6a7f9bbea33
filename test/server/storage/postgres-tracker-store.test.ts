import { describe } from 'vitest';
import { createPostgresTrackerStore } from '../../../src/server/storage/postgres/postgres-tracker-store';
import { describeTrackerStoreContract } from './tracker-store-contract';
import { createTestSchema, postgresForTests } from './postgres-test-database';

const serverUrl = await postgresForTests();

describe.skipIf(serverUrl === undefined)('PostgreSQL adapter against a real server', () => {
  describeTrackerStoreContract('PostgreSQL', async () => {
    const schema = await createTestSchema(serverUrl ?? '');
    const store = await createPostgresTrackerStore({ connectionString: schema.url });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await schema.drop();
      },
    };
  });
});
