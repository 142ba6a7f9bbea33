import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteTrackerStore } from '../../../src/server/storage/sqlite/sqlite-tracker-store';
import { describeTrackerStoreContract } from './tracker-store-contract';

describeTrackerStoreContract('SQLite in memory', () =>
  Promise.resolve({
    store: createSqliteTrackerStore({ path: ':memory:' }),
    cleanup: () => Promise.resolve(),
  }),
);

describeTrackerStoreContract('SQLite file (WAL)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'politely-sqlite-'));
  const store = createSqliteTrackerStore({ path: join(dir, 'nested', 'tracker.sqlite') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
