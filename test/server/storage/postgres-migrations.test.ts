import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../../src/server/storage/postgres/apply-migrations';
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
    expect(definitionOf('hits_by_tracker')).toContain('(tracker_id, at, id)');
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
