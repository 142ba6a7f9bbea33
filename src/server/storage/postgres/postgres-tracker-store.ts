/**
 * The PostgreSQL adapter of the TrackerStore port (driver `pg`): it keeps accounts, trackers and hit facts in a
 * shared database so that any number of tracker processes can serve the same accounts, and it fails fast —
 * short connection and statement timeouts — so that a database outage becomes a quick rejection, never a hang.
 */
import pg from 'pg';
import type { PoolClient, PoolConfig } from 'pg';
import type { HitSignal } from '../../../core/tracking/hit-facts';
import type {
  Account,
  CreateTrackerOutcome,
  HitFact,
  NewAccount,
  NewTracker,
  RecordedHit,
  StoredTracker,
  StoredTrackerPage,
  TrackerPageQuery,
  TrackerQuota,
  TrackerStore,
  TrackerWithHits,
} from '../tracker-store';
import { applyMigrations } from './apply-migrations';
import { withPooledClient } from './with-pooled-client';

export interface PostgresTrackerStoreOptions {
  /** `postgres://user:password@host:port/database`, as given in DATABASE_URL. */
  connectionString: string;
  /** Pool size per process. */
  maxConnections?: number;
  /** How long to wait for a connection (also a free pool slot) before rejecting. */
  connectTimeoutMs?: number;
  /** Server-side limit on any one statement. */
  statementTimeoutMs?: number;
  /** Told about connection errors on idle clients (a restarting server), which would otherwise crash. */
  onConnectionError?: (error: Error) => void;
}

export interface PostgresTrackerStore extends TrackerStore {
  /** The pool, for adapters that share it (LISTEN/NOTIFY) and for tests. */
  readonly pool: pg.Pool;
}

interface TrackerRow {
  id: string;
  account_id: string;
  subject: string | null;
  recipient: string | null;
  template: string | null;
  links: string[];
  creator_client_key: string;
  created_at: Date;
}

interface HitRow {
  id: string;
  tracker_id: string;
  kind: HitFact['kind'];
  link_index: number | null;
  at: Date;
  signal: HitSignal;
  ip_prefix: string;
  ua_family: string;
  client_key: string;
}

const TRACKER_COLUMNS = 'id, account_id, subject, recipient, template, links, creator_client_key, created_at';
const HIT_COLUMNS = 'id, tracker_id, kind, link_index, at, signal, ip_prefix, ua_family, client_key';

/** SQLSTATEs worth one immediate retry: the statement lost a race, not a fight with the data. */
const RETRYABLE = new Set(['40001', '40P01']);

export function postgresPoolConfig(options: PostgresTrackerStoreOptions): PoolConfig {
  const statementTimeoutMs = options.statementTimeoutMs ?? 5000;
  return {
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    statement_timeout: statementTimeoutMs,
    // The client-side limit covers what statement_timeout cannot: a server that stopped answering at all.
    query_timeout: statementTimeoutMs + 1000,
    idle_in_transaction_session_timeout: 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'politely-tracker',
  };
}

/** `user@host:port/database` for messages: never the password. */
export function describeServer(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    return `${user}${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
  } catch {
    return 'an unparsable address';
  }
}

function toTracker(row: TrackerRow): StoredTracker {
  return {
    id: row.id,
    accountId: row.account_id,
    subject: row.subject,
    recipient: row.recipient,
    template: row.template,
    links: row.links,
    creatorClientKey: row.creator_client_key,
    createdAt: row.created_at,
  };
}

function toHit(row: HitRow): HitFact {
  return {
    id: row.id,
    trackerId: row.tracker_id,
    kind: row.kind,
    linkIndex: row.link_index,
    at: row.at,
    signal: row.signal,
    ipPrefix: row.ip_prefix,
    uaFamily: row.ua_family,
    clientKey: row.client_key,
  };
}

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/**
 * Connects, applies pending migrations (safe when several instances start at once) and returns the store.
 * Rejects when the database cannot be reached, so a misconfigured instance stops at start-up.
 */
export async function createPostgresTrackerStore(
  options: PostgresTrackerStoreOptions,
): Promise<PostgresTrackerStore> {
  const pool = new pg.Pool(postgresPoolConfig(options));
  const onConnectionError = options.onConnectionError ?? (() => undefined);
  // An idle client whose server went away emits 'error'; unhandled, that would end the process.
  pool.on('error', onConnectionError);
  try {
    await applyMigrations(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL at ${describeServer(options.connectionString)} (DATABASE_URL): ${reason}`, {
      cause: error,
    });
  }

  async function withRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        if (attempt < 3 && RETRYABLE.has(sqlState(error) ?? '')) continue;
        throw error;
      }
    }
  }

  async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await withPooledClient(pool, async (client) => {
          await client.query('BEGIN');
          try {
            const result = await work(client);
            await client.query('COMMIT');
            return result;
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
          }
        });
      } catch (error) {
        if (attempt < 3 && RETRYABLE.has(sqlState(error) ?? '')) continue;
        throw error;
      }
    }
  }

  async function hitsByTracker(trackerIds: string[]): Promise<Map<string, HitFact[]>> {
    const byTracker = new Map<string, HitFact[]>(trackerIds.map((id) => [id, []]));
    if (trackerIds.length === 0) return byTracker;
    const { rows } = await pool.query<HitRow>(
      `SELECT ${HIT_COLUMNS} FROM hits WHERE tracker_id = ANY($1::text[]) ORDER BY tracker_id, at, id`,
      [trackerIds],
    );
    for (const row of rows) byTracker.get(row.tracker_id)?.push(toHit(row));
    return byTracker;
  }

  const store: PostgresTrackerStore = {
    pool,

    async createAccount(account: NewAccount) {
      await pool.query('INSERT INTO accounts (id, name, api_key_hash, created_at) VALUES ($1, $2, $3, $4)', [
        account.id,
        account.name,
        account.apiKeyHash,
        account.createdAt,
      ]);
    },

    async findAccountByKeyHash(apiKeyHash: string): Promise<Account | null> {
      const { rows } = await pool.query<{ id: string; name: string; created_at: Date }>(
        'SELECT id, name, created_at FROM accounts WHERE api_key_hash = $1',
        [apiKeyHash],
      );
      const row = rows[0];
      return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
    },

    createTracker(tracker: NewTracker, quota: TrackerQuota | null): Promise<CreateTrackerOutcome> {
      return inTransaction(async (client) => {
        // Usage is counted even without a quota, so a quota switched on mid-month starts from the truth. The
        // row lock taken by ON CONFLICT serialises concurrent creates of one account and period, and the WHERE
        // is re-checked against the latest count, so exactly `limit` slots are ever handed out.
        const period = quota?.period ?? tracker.createdAt.toISOString().slice(0, 7);
        if (quota && quota.limit <= 0) return 'quota-exceeded';
        const slot = await client.query(
          `INSERT INTO tracker_quota_usage AS usage (account_id, period, used) VALUES ($1, $2, 1)
           ON CONFLICT (account_id, period) DO UPDATE SET used = usage.used + 1
           WHERE $3::integer IS NULL OR usage.used < $3::integer
           RETURNING used`,
          [tracker.accountId, period, quota?.limit ?? null],
        );
        if (slot.rowCount === 0) return 'quota-exceeded';
        await client.query(
          `INSERT INTO trackers (${TRACKER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8)`,
          [
            tracker.id,
            tracker.accountId,
            tracker.subject,
            tracker.recipient,
            tracker.template,
            tracker.links,
            tracker.creatorClientKey,
            tracker.createdAt,
          ],
        );
        return 'created';
      });
    },

    async getTracker(accountId: string, trackerId: string): Promise<TrackerWithHits | null> {
      const { rows } = await pool.query<TrackerRow>(
        `SELECT ${TRACKER_COLUMNS} FROM trackers WHERE account_id = $1 AND id = $2`,
        [accountId, trackerId],
      );
      const row = rows[0];
      if (!row) return null;
      const hits = await hitsByTracker([row.id]);
      return { tracker: toTracker(row), hits: hits.get(row.id) ?? [] };
    },

    async listTrackers(accountId: string, query: TrackerPageQuery): Promise<StoredTrackerPage> {
      // Keyset pagination: the row comparison walks trackers_account_listing from the cursor, however deep.
      const { rows } = query.after
        ? await pool.query<TrackerRow>(
            `SELECT ${TRACKER_COLUMNS} FROM trackers
             WHERE account_id = $1 AND (created_at, id) < ($2::timestamptz, $3::text)
             ORDER BY created_at DESC, id DESC LIMIT $4`,
            [accountId, query.after.createdAt, query.after.id, query.limit + 1],
          )
        : await pool.query<TrackerRow>(
            `SELECT ${TRACKER_COLUMNS} FROM trackers WHERE account_id = $1
             ORDER BY created_at DESC, id DESC LIMIT $2`,
            [accountId, query.limit + 1],
          );
      const page = rows.slice(0, query.limit);
      const hits = await hitsByTracker(page.map((row) => row.id));
      const last = page.at(-1);
      return {
        trackers: page.map((row) => ({ tracker: toTracker(row), hits: hits.get(row.id) ?? [] })),
        next: rows.length > query.limit && last ? { createdAt: last.created_at, id: last.id } : null,
      };
    },

    async deleteTracker(accountId: string, trackerId: string): Promise<boolean> {
      const result = await pool.query('DELETE FROM trackers WHERE account_id = $1 AND id = $2', [
        accountId,
        trackerId,
      ]);
      return (result.rowCount ?? 0) > 0;
    },

    async findLinkTarget(trackerId: string, linkIndex: number): Promise<string | null> {
      if (!Number.isInteger(linkIndex) || linkIndex < 0) return null;
      const { rows } = await pool.query<{ url: string | null }>(
        'SELECT links[$2::integer + 1] AS url FROM trackers WHERE id = $1',
        [trackerId, linkIndex],
      );
      return rows[0]?.url ?? null;
    },

    async recordHits(hits: readonly HitFact[]): Promise<RecordedHit[]> {
      if (hits.length === 0) return [];
      // One statement per batch: the arrays travel as nine parameters however many hits there are. Hits whose
      // id is stored already are skipped (ON CONFLICT), hits of a deleted tracker find no tracker row (JOIN,
      // locked FOR KEY SHARE so a concurrent delete cannot slip in between), and the earliest outside hit is
      // folded into the tracker with LEAST so that concurrent writers converge on the same answer.
      // A single statement is its own transaction, so no BEGIN/COMMIT round trips are needed.
      const { rows } = await withRetry(() =>
        pool.query<{
          account_id: string;
          creator_client_key: string;
          first_outside_at: Date | null;
          hit_ids: string[];
        }>(
          `WITH input AS (
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::timestamptz[],
                                  $6::text[], $7::text[], $8::text[], $9::text[])
                    WITH ORDINALITY
                    AS h(id, tracker_id, kind, link_index, at, signal, ip_prefix, ua_family, client_key, position)
           ),
           inserted AS (
             INSERT INTO hits (${HIT_COLUMNS})
             SELECT h.id, h.tracker_id, h.kind, h.link_index, h.at, h.signal, h.ip_prefix, h.ua_family, h.client_key
             FROM input h JOIN trackers t ON t.id = h.tracker_id
             ORDER BY h.position
             FOR KEY SHARE OF t
             ON CONFLICT (id) DO NOTHING
             RETURNING id, tracker_id, at, client_key
           ),
           outside AS (
             SELECT i.tracker_id, min(i.at) AS first_at
             FROM inserted i JOIN trackers t ON t.id = i.tracker_id
             WHERE i.client_key <> t.creator_client_key
             GROUP BY i.tracker_id
           ),
           moved AS (
             UPDATE trackers t SET first_outside_at = o.first_at
             FROM outside o
             WHERE t.id = o.tracker_id AND (t.first_outside_at IS NULL OR o.first_at < t.first_outside_at)
             RETURNING t.id, t.first_outside_at
           )
           -- One row per tracker rather than per hit: a batch usually touches few trackers.
           SELECT t.account_id, t.creator_client_key,
                  COALESCE(m.first_outside_at, t.first_outside_at) AS first_outside_at,
                  array_agg(i.id) AS hit_ids
           FROM inserted i
           JOIN trackers t ON t.id = i.tracker_id
           LEFT JOIN moved m ON m.id = i.tracker_id
           GROUP BY t.id, t.account_id, t.creator_client_key, m.first_outside_at, t.first_outside_at`,
          [
            hits.map((hit) => hit.id),
            hits.map((hit) => hit.trackerId),
            hits.map((hit) => hit.kind),
            hits.map((hit) => hit.linkIndex),
            hits.map((hit) => hit.at),
            hits.map((hit) => hit.signal),
            hits.map((hit) => hit.ipPrefix),
            hits.map((hit) => hit.uaFamily),
            hits.map((hit) => hit.clientKey),
          ],
        ),
      );
      const recorded = new Map(rows.flatMap((row) => row.hit_ids.map((id) => [id, row] as const)));
      // Report in the order the hits were given, which is the order they were accepted.
      return hits.flatMap((hit) => {
        const row = recorded.get(hit.id);
        if (!row) return [];
        // A repeated id within the batch was stored once; report it once.
        recorded.delete(hit.id);
        return [
          {
            hit,
            accountId: row.account_id,
            creatorClientKey: row.creator_client_key,
            firstOutsideAt: row.first_outside_at,
          },
        ];
      });
    },

    async deleteHitsOlderThan(cutoff: Date): Promise<number> {
      // In slices, so a large purge never holds many row locks or one long transaction.
      let deleted = 0;
      for (;;) {
        const result = await pool.query(
          'DELETE FROM hits WHERE id IN (SELECT id FROM hits WHERE at < $1 LIMIT 5000)',
          [cutoff],
        );
        const count = result.rowCount ?? 0;
        deleted += count;
        if (count < 5000) return deleted;
      }
    },

    async ping() {
      await pool.query('SELECT 1');
    },

    async close() {
      // Idempotent: a second close (a test's cleanup after the test closed it) is a no-op.
      if (!pool.ending) await pool.end();
    },
  };
  return store;
}
