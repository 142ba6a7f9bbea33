import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { tallyOf } from '../../../src/core/tracking/open-tally';
import { applyMigrations, loadMigrations } from '../../../src/server/storage/postgres/apply-migrations';
import {
  createPostgresTrackerStore,
  postgresPoolConfig,
} from '../../../src/server/storage/postgres/postgres-tracker-store';
import { createTestSchema, postgresForTests, type TestSchema } from './postgres-test-database';

const serverUrl = await postgresForTests();

describe.skipIf(serverUrl === undefined)('PostgreSQL migrations', () => {
  const opened: { pools: pg.Pool[]; schemas: TestSchema[] } = { pools: [], schemas: [] };
  afterEach(async () => {
    await Promise.all(opened.pools.splice(0).map((pool) => pool.end()));
    await Promise.all(opened.schemas.splice(0).map((schema) => schema.drop()));
  });

  async function freshSchema(): Promise<TestSchema> {
    const schema = await createTestSchema(serverUrl ?? '');
    opened.schemas.push(schema);
    return schema;
  }
  function poolFor(url: string): pg.Pool {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    opened.pools.push(pool);
    return pool;
  }

  it('applies each migration exactly once when several instances start at the same moment', async () => {
    const schema = await freshSchema();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => applyMigrations(poolFor(schema.url))));
    const latest = loadMigrations().length;

    expect(outcomes.flatMap((outcome) => outcome.applied).sort()).toEqual(
      Array.from({ length: latest }, (_, i) => i + 1),
    );
    expect(outcomes.every((outcome) => outcome.schemaVersion === latest)).toBe(true);
    const { rows } = await poolFor(schema.url).query<{ version: number }>(
      'SELECT version FROM schema_migrations',
    );
    expect(rows).toHaveLength(latest);
  });

  it('creates the indexes the account listing and the event list rely on', async () => {
    const schema = await freshSchema();
    const pool = poolFor(schema.url);
    await applyMigrations(pool);
    const { rows } = await pool.query<{ indexname: string; indexdef: string }>(
      'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1',
      [schema.schema],
    );
    const definitionOf = (name: string) => rows.find((row) => row.indexname === name)?.indexdef;
    expect(definitionOf('trackers_account_listing')).toContain('(account_id, created_at DESC, id DESC)');
    expect(definitionOf('hits_by_tracker_seq')).toContain('(tracker_id, seq)');
  });

  it('upgrades a database from before the hit cap in place: tallies counted, hits numbered, cap applied', async () => {
    const schema = await freshSchema();
    const pool = poolFor(schema.url);
    const [first] = loadMigrations();
    if (!first) throw new Error('no migrations found');
    await applyMigrations(pool, [first]);
    const t0 = Date.parse('2026-11-02T10:00:00.000Z');
    await pool.query("INSERT INTO accounts VALUES ('a1', 'Ada', 'hash', now())");
    await pool.query(
      "INSERT INTO trackers (id, account_id, links, creator_client_key, created_at) VALUES ('t1', 'a1', '{}', 'me|Chrome', now())",
    );
    // 30 loads by one reader, 61 s apart and stored out of order: each is an open.
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
    for (const hit of old) {
      await pool.query(
        `INSERT INTO hits (id, tracker_id, kind, link_index, at, signal, ip_prefix, ua_family, client_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          hit.id,
          hit.trackerId,
          hit.kind,
          hit.linkIndex,
          hit.at,
          hit.signal,
          hit.ipPrefix,
          hit.uaFamily,
          hit.clientKey,
        ],
      );
    }

    // A flooded tracker: 25,000 hits, three to an instant, so pages of 10,000 end inside one instant.
    await pool.query(
      "INSERT INTO trackers (id, account_id, links, creator_client_key, created_at) VALUES ('t2', 'a1', '{}', 'me|Chrome', now())",
    );
    await pool.query(
      `INSERT INTO hits (id, tracker_id, kind, link_index, at, signal, ip_prefix, ua_family, client_key)
       SELECT 'f' || lpad(i::text, 5, '0'), 't2', 'open', NULL, to_timestamp(($1::bigint + (i / 3) * 1000) / 1000.0),
              'human', '198.51.100.0', 'Firefox', CASE WHEN i % 3 = 0 THEN 'me|Chrome' ELSE '198.51.100.0|Firefox' END
       FROM generate_series(0, 24999) AS i`,
      [t0],
    );
    const flooded = Array.from({ length: 25_000 }, (_, i) => ({
      ...old[0]!,
      id: `f${String(i).padStart(5, '0')}`,
      trackerId: 't2',
      at: new Date(t0 + Math.floor(i / 3) * 1000),
      clientKey: i % 3 === 0 ? 'me|Chrome' : '198.51.100.0|Firefox',
    }));

    const store = await createPostgresTrackerStore({
      connectionString: schema.url,
      hitDetail: { firstKept: 5, recentKept: 10 },
    });
    try {
      const upgraded = await store.getTracker('a1', 't1', 200);
      expect(upgraded?.tally).toEqual(tallyOf(old, 'me|Chrome'));
      expect(upgraded?.tally).toMatchObject({
        hits: 30,
        opens: 30,
        lastOpenedAt: new Date(t0 + 29 * 61_000),
      });
      const { rows } = await pool.query<{ id: string; seq: number }>(
        'SELECT id, seq::integer AS seq FROM hits WHERE tracker_id = $1 ORDER BY seq',
        ['t1'],
      );
      expect(rows.map((row) => row.id)).toEqual([...old].reverse().map((hit) => hit.id));
      expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

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
    }
  });

  it('refuses to start when an applied migration was edited afterwards, naming it', async () => {
    const schema = await freshSchema();
    const pool = poolFor(schema.url);
    const [first] = loadMigrations();
    if (!first) throw new Error('no migrations found');
    await applyMigrations(pool, [first]);
    await expect(applyMigrations(pool, [{ ...first, sql: `${first.sql}\n-- edited` }])).rejects.toThrow(
      /migration 1 \(initial-schema\) was changed/,
    );
  });

  it('gives a migration longer than the pool allows a request, and waits as long for another instance', async () => {
    const schema = await freshSchema();
    const pool = new pg.Pool(postgresPoolConfig({ connectionString: schema.url, statementTimeoutMs: 200 }));
    opened.pools.push(pool);
    const slow = { version: 1, name: 'slow', sql: 'SELECT pg_sleep(1.5)' };
    await expect(pool.query('SELECT pg_sleep(0.5)')).rejects.toThrow(/timeout/);
    const [first, second] = await Promise.all([applyMigrations(pool, [slow]), applyMigrations(pool, [slow])]);
    expect([...first.applied, ...second.applied]).toEqual([1]);
  });

  it('leaves nothing half-applied when a migration fails', async () => {
    const schema = await freshSchema();
    const pool = poolFor(schema.url);
    const broken = {
      version: 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
    };
    await expect(applyMigrations(pool, [broken])).rejects.toThrow();
    const { rows } = await pool.query(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('half_done', 'schema_migrations')",
      [schema.schema],
    );
    expect(rows).toHaveLength(0);
  });
});
