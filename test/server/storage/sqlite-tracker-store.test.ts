import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteTrackerStore } from '../../../src/server/storage/sqlite/sqlite-tracker-store';
import { createThreadedSqliteTrackerStore } from '../../../src/server/storage/sqlite/threaded-sqlite-tracker-store';
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

describeTrackerStoreContract('SQLite on a worker thread', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'politely-sqlite-threaded-'));
  const store = await createThreadedSqliteTrackerStore({ path: join(dir, 'tracker.sqlite') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite on a worker thread, when the file cannot be opened', () => {
  it('rejects at start-up with a message naming the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'politely-sqlite-bad-'));
    const notADirectory = join(dir, 'plain-file');
    await writeFile(notADirectory, 'x');
    const path = join(notADirectory, 'tracker.sqlite');
    await expect(createThreadedSqliteTrackerStore({ path })).rejects.toThrow(path);
    await rm(dir, { recursive: true, force: true });
  });
});
