/**
 * Test access to the shared PostgreSQL named by POSTGRES_TEST_URL: decides whether PostgreSQL tests run (skip
 * loudly locally, fail under CI=true), and hands each test a private schema that is dropped afterwards, so
 * test files can share one server without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresTestUrl, requireTool } from '../../support/require-tool';

const HINT =
  'Set POSTGRES_TEST_URL=postgres://postgres@127.0.0.1:PORT/postgres to a throwaway PostgreSQL ' +
  '(scripts/postgres-throwaway-cluster.sh starts one; .ci/run does it in CI).';

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server URL when PostgreSQL tests should run, else undefined (after a loud skip message; throws in CI). */
export async function postgresForTests(): Promise<string | undefined> {
  const url = postgresTestUrl();
  const reachable = url !== undefined && (await isReachable(url));
  const detail =
    url === undefined ? 'POSTGRES_TEST_URL is unset.' : `POSTGRES_TEST_URL (${redact(url)}) does not answer.`;
  return requireTool('PostgreSQL', reachable, `${detail} ${HINT}`) ? url : undefined;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** `url` with every connection's search_path set to `schema`, so unqualified tables land there. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

export interface TestSchema {
  schema: string;
  /** A connection string whose sessions use only this schema. */
  url: string;
  drop: () => Promise<void>;
}

/** Creates an empty schema with a random name; `drop` removes it with everything in it. */
export async function createTestSchema(serverUrl: string): Promise<TestSchema> {
  const schema = `politely_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    schema,
    url: withSearchPath(serverUrl, schema),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
