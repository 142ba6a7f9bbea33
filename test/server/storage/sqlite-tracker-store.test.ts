import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tallyOf } from '../../../src/core/tracking/open-tally';
import { sqliteMigrations } from '../../../src/server/storage/sqlite/sqlite-migrations';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteTrackerStore } from '../../../src/server/storage/sqlite/sqlite-tracker-store';
import { createThreadedSqliteTrackerStore } from '../../../src/server/storage/sqlite/threaded-sqlite-tracker-store';
import { describeTrackerStoreContract } from './tracker-store-contract';

describeTrackerStoreContract('SQLite in memory', (options) =>
  Promise.resolve({
    store: createSqliteTrackerStore({ path: ':memory:', ...options }),
    cleanup: () => Promise.resolve(),
  }),
);

describeTrackerStoreContract('SQLite file (WAL)', async (options) => {
  const dir = await mkdtemp(join(tmpdir(), 'politely-sqlite-'));
  const store = createSqliteTrackerStore({ path: join(dir, 'nested', 'tracker.sqlite'), ...options });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeTrackerStoreContract('SQLite on a worker thread', async (options) => {
  const dir = await mkdtemp(join(tmpdir(), 'politely-sqlite-threaded-'));
  const store = await createThreadedSqliteTrackerStore({ path: join(dir, 'tracker.sqlite'), ...options });
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

describe('SQLite database from before the hit cap', () => {
  it('is upgraded in place on open: tallies counted, hits numbered, and the cap applied on the next write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'politely-sqlite-upgrade-'));
    const path = join(dir, 'tracker.sqlite');
    const t0 = Date.parse('2026-11-02T10:00:00.000Z');
    const old = Array.from({ length: 30 }, (_, i) => ({
      id: `h${String(29 - i).padStart(2, '0')}`,
      trackerId: 't1',
      kind: 'open' as const,
      linkIndex: null,
      at: new Date(t0 + (29 - i) * 61_000),
      signal: 'human' as const,
      ipPrefix: '198.51.100.0',
      uaFamily: 'Firefox',
      clientKey: '198.51.100.0|Firefox',
    }));
    const before = new Database(path);
    // The schema as it was before the cap: the first two migrations.
    sqliteMigrations.slice(0, 2).forEach((sql) => before.exec(sql));
    before.pragma('user_version = 2');
    before.exec(`INSERT INTO accounts VALUES ('a1', 'Ada', 'hash', ${t0});
      INSERT INTO trackers VALUES ('t1', 'a1', NULL, NULL, NULL, '[]', 'me|Chrome', ${t0});`);
    const insert = before.prepare('INSERT INTO hits VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    // A flooded tracker: 25,000 hits, three to an instant, so pages of 10,000 end inside one instant.
    before.exec(`INSERT INTO trackers VALUES ('t2', 'a1', NULL, NULL, NULL, '[]', 'me|Chrome', ${t0});`);
    const flooded = Array.from({ length: 25_000 }, (_, i) => ({
      ...old[0]!,
      id: `f${String(i).padStart(5, '0')}`,
      trackerId: 't2',
      at: new Date(t0 + Math.floor(i / 3) * 1000),
      clientKey: i % 3 === 0 ? 'me|Chrome' : '198.51.100.0|Firefox',
    }));
    before.transaction(() => {
      for (const hit of [...old, ...flooded]) {
        insert.run(
          hit.id,
          hit.trackerId,
          hit.kind,
          hit.linkIndex,
          hit.at.getTime(),
          hit.signal,
          hit.ipPrefix,
          hit.uaFamily,
          hit.clientKey,
        );
      }
    })();
    before.close();

    const store = createSqliteTrackerStore({ path, hitDetail: { firstKept: 5, recentKept: 10 } });
    try {
      const upgraded = await store.getTracker('a1', 't1', 200);
      expect(upgraded?.tally).toEqual(tallyOf(old, 'me|Chrome'));
      expect(upgraded?.tally).toMatchObject({ hits: 30, opens: 30 });
      expect(upgraded?.hits).toHaveLength(30);
      expect((await store.getTracker('a1', 't2'))?.tally).toEqual(tallyOf(flooded, 'me|Chrome'));

      const next = { ...old[0]!, id: 'h30', at: new Date(t0 + 30 * 61_000) };
      await store.recordHits([next]);
      const after = await store.getTracker('a1', 't1', 200);
      expect(after?.tally).toEqual(tallyOf([...old, next], 'me|Chrome'));
      expect(after?.hits.map((hit) => hit.id)).toEqual(
        ['h00', 'h01', 'h02', 'h03', 'h04'].concat(Array.from({ length: 10 }, (_, i) => `h${21 + i}`)),
      );
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
