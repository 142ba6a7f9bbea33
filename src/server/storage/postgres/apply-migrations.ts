/**
 * Applies the versioned SQL migrations in `./migrations/` to a PostgreSQL database under a transaction-scoped
 * advisory lock, so any number of tracker instances may start at once: exactly one applies each pending
 * migration, the others wait for it and then find nothing left to do.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { countExistingTallies, TALLY_MIGRATION } from './count-existing-tallies';
import { withPooledClient } from './with-pooled-client';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every instance of every version takes the same lock; the number is arbitrary but fixed forever. */
const MIGRATION_LOCK_KEY = 7_031_004_417;

const MIGRATION_FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** Reads `NNNN-name.sql` files in version order; a gap or a duplicate version is a packaging bug. */
export function loadMigrations(directory: URL = new URL('./migrations/', import.meta.url)): Migration[] {
  const migrations = readdirSync(directory)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(new URL(file, directory), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `PostgreSQL migrations must be numbered 0001, 0002, … without gaps; found ${migration.version}`,
      );
    }
  });
  return migrations;
}

function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export interface MigrationOutcome {
  applied: number[];
  /** The highest version recorded in the database after this run. */
  schemaVersion: number;
}

/** A query run on the migrating connection, with the migration's own (long) time limit. */
export type MigrationQuery = <R extends QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<QueryResult<R>>;

/**
 * How long one migration statement (or the wait for another instance's migration) may take. The pool's
 * 5-second limits suit requests, not a one-time rewrite of every hit; a failed start-up is retried anyway.
 */
const MIGRATION_TIMEOUT_MS = 30 * 60_000;

/** Data work that belongs to a migration, run right after its SQL in the same transaction. */
async function afterMigration(version: number, query: MigrationQuery): Promise<void> {
  if (version === TALLY_MIGRATION) await countExistingTallies(query);
}

/**
 * Brings the schema up to date in one transaction. An already-applied migration whose text has changed is
 * refused with an error naming it, because silently diverging schemas are worse than a failed start.
 * A database that is AHEAD of this code (a newer instance migrated it during a rolling deploy) is accepted:
 * migrations only ever add, so older code keeps working.
 */
export async function applyMigrations(
  pool: Pool,
  migrations: Migration[] = loadMigrations(),
): Promise<MigrationOutcome> {
  return withPooledClient(pool, async (client: PoolClient) => {
    // pg's client honours `query_timeout` per query (lib/client.js), though its QueryConfig type omits it.
    const query: MigrationQuery = <R extends QueryResultRow>(text: string, values?: unknown[]) =>
      client.query<R>({ text, values, query_timeout: MIGRATION_TIMEOUT_MS } as QueryConfig);
    try {
      await client.query('BEGIN');
      await query(`SET LOCAL statement_timeout = ${MIGRATION_TIMEOUT_MS}`);
      await query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
      const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      );
      const recorded = new Map(rows.map((row) => [row.version, row]));
      const applied: number[] = [];
      for (const migration of migrations) {
        const checksum = checksumOf(migration.sql);
        const previous = recorded.get(migration.version);
        if (previous) {
          if (previous.checksum !== checksum) {
            throw new Error(
              `PostgreSQL migration ${migration.version} (${previous.name}) was changed after it was applied; ` +
                'add a new migration instead of editing an applied one',
            );
          }
          continue;
        }
        await query(migration.sql);
        await afterMigration(migration.version, query);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          checksum,
        ]);
        applied.push(migration.version);
      }
      await client.query('COMMIT');
      const schemaVersion = Math.max(0, ...rows.map((row) => row.version), ...applied);
      return { applied, schemaVersion };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
