/**
 * The PostgreSQL adapter of the TrackerStore port (driver `pg`): it keeps accounts, trackers (with the tally
 * of their hits) and a bounded number of hit facts per tracker in a shared database so that any number of
 * tracker processes can serve the same accounts, and it fails fast — short connection and statement
 * timeouts — so that a database outage becomes a quick rejection, never a hang.
 */
import pg from 'pg';
import type { PoolClient, PoolConfig } from 'pg';
import { addToTally, byTimeThenId, tallyOf, type OpenTally } from '../../../core/tracking/open-tally';
import {
  droppedSeqRange,
  hitPageSize,
  recordedHitsOf,
  wantsRecount,
  type TouchedTracker,
} from '../hit-detail';
import {
  DEFAULT_HIT_DETAIL,
  type Account,
  type CreateTrackerOutcome,
  type HitDetailLimits,
  type HitFact,
  type HitPage,
  type HitPageQuery,
  type NewAccount,
  type NewTracker,
  type RecordedHit,
  type StoredTrackerPage,
  type TrackerPageQuery,
  type TrackerQuota,
  type TrackerStore,
  type TrackerWithHits,
} from '../tracker-store';
import { applyMigrations } from './apply-migrations';
import {
  HIT_COLUMNS,
  NEW_TRACKER_COLUMNS,
  TRACKER_COLUMNS,
  toHit,
  toTally,
  toTracker,
  type HitRow,
  type TallyColumns,
  type TrackerRow,
} from './postgres-rows';
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
  /** How many hits per tracker are kept in detail; DEFAULT_HIT_DETAIL unless given. */
  hitDetail?: HitDetailLimits;
}

export interface PostgresTrackerStore extends TrackerStore {
  /** The pool, for adapters that share it (LISTEN/NOTIFY) and for tests. */
  readonly pool: pg.Pool;
}

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

  const limits = options.hitDetail ?? DEFAULT_HIT_DETAIL;

  async function hitPage(trackerId: string, limit: number, beforeSeq: number | null): Promise<HitPage> {
    const size = hitPageSize(limit);
    // One extra row tells whether an older page follows.
    const { rows } = await pool.query<HitRow>(
      `SELECT seq, ${HIT_COLUMNS} FROM hits WHERE tracker_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`,
      [trackerId, beforeSeq ?? Number.MAX_SAFE_INTEGER, size + 1],
    );
    const page = rows.slice(0, size);
    const oldest = page.at(-1);
    return {
      hits: page.map(toHit).sort(byTimeThenId),
      next: rows.length > size && oldest ? { seq: Number(oldest.seq) } : null,
    };
  }

  /**
   * One batch, in one transaction: the touched trackers are locked (in id order, so two writers cannot
   * deadlock) for the whole write, which makes every writer of a tracker, on any instance, take turns; so the
   * duplicate check, the recording numbers and the tally are all decided against the latest committed state.
   */
  async function recordHitsIn(client: PoolClient, hits: readonly HitFact[]): Promise<RecordedHit[]> {
    const { rows: trackers } = await client.query<
      TallyColumns & { id: string; account_id: string; creator_client_key: string }
    >(
      `SELECT id, account_id, creator_client_key, hit_count, opens, machine_opens, clicks, first_opened_at,
              last_opened_at, first_outside_at, last_hit_at, recent_opens
       FROM trackers WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [[...new Set(hits.map((hit) => hit.trackerId))]],
    );
    const touched = new Map<string, TouchedTracker>(
      trackers.map((row) => [
        row.id,
        {
          accountId: row.account_id,
          creatorClientKey: row.creator_client_key,
          tally: toTally(row),
          fresh: [],
        },
      ]),
    );
    // Hits of deleted trackers are dropped; hits whose id is still kept were recorded before.
    const candidates = hits.filter((hit) => touched.has(hit.trackerId));
    if (candidates.length === 0) return [];
    const { rows: kept } = await client.query<{ id: string }>(
      'SELECT id FROM hits WHERE id = ANY($1::text[])',
      [candidates.map((hit) => hit.id)],
    );
    const seen = new Set(kept.map((row) => row.id));
    const fresh: { hit: HitFact; seq: number }[] = [];
    for (const hit of candidates) {
      const entry = touched.get(hit.trackerId);
      if (!entry || seen.has(hit.id)) continue;
      seen.add(hit.id);
      entry.fresh.push(hit);
      fresh.push({ hit, seq: entry.tally.hits + entry.fresh.length });
    }
    if (fresh.length === 0) return [];
    // One statement per batch: the arrays travel as ten parameters however many hits there are.
    await client.query(
      `INSERT INTO hits (${HIT_COLUMNS}, seq)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::timestamptz[], $6::text[],
                            $7::text[], $8::text[], $9::text[], $10::bigint[])
       ON CONFLICT (id) DO NOTHING`,
      [
        fresh.map(({ hit }) => hit.id),
        fresh.map(({ hit }) => hit.trackerId),
        fresh.map(({ hit }) => hit.kind),
        fresh.map(({ hit }) => hit.linkIndex),
        fresh.map(({ hit }) => hit.at),
        fresh.map(({ hit }) => hit.signal),
        fresh.map(({ hit }) => hit.ipPrefix),
        fresh.map(({ hit }) => hit.uaFamily),
        fresh.map(({ hit }) => hit.clientKey),
        fresh.map(({ seq }) => seq),
      ],
    );
    const updates: { id: string; tally: OpenTally; dropAfter: number; dropThrough: number }[] = [];
    for (const [trackerId, entry] of touched) {
      if (entry.fresh.length === 0) continue;
      let recount = false;
      if (wantsRecount(limits, entry.tally, entry.fresh)) {
        const { rows } = await client.query<{ n: number }>(
          'SELECT count(*)::integer AS n FROM hits WHERE tracker_id = $1',
          [trackerId],
        );
        recount = rows[0]?.n === entry.tally.hits + entry.fresh.length;
      }
      if (recount) {
        const { rows } = await client.query<HitRow>(`SELECT ${HIT_COLUMNS} FROM hits WHERE tracker_id = $1`, [
          trackerId,
        ]);
        entry.tally = tallyOf(rows.map(toHit), entry.creatorClientKey);
      } else {
        entry.tally = addToTally(entry.tally, entry.fresh, entry.creatorClientKey);
      }
      const dropped = droppedSeqRange(limits, entry.tally.hits);
      updates.push({
        id: trackerId,
        tally: entry.tally,
        dropAfter: dropped?.after ?? 0,
        dropThrough: dropped?.through ?? 0,
      });
    }
    await client.query(
      `UPDATE trackers t SET hit_count = u.hit_count, opens = u.opens, machine_opens = u.machine_opens,
         clicks = u.clicks, first_opened_at = u.first_opened_at, last_opened_at = u.last_opened_at,
         first_outside_at = u.first_outside_at, last_hit_at = u.last_hit_at, recent_opens = u.recent_opens::jsonb
       FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::timestamptz[],
                   $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::text[])
         AS u(id, hit_count, opens, machine_opens, clicks, first_opened_at, last_opened_at, first_outside_at,
              last_hit_at, recent_opens)
       WHERE t.id = u.id`,
      [
        updates.map((u) => u.id),
        updates.map((u) => u.tally.hits),
        updates.map((u) => u.tally.opens),
        updates.map((u) => u.tally.machineOpens),
        updates.map((u) => u.tally.clicks),
        updates.map((u) => u.tally.firstOpenedAt),
        updates.map((u) => u.tally.lastOpenedAt),
        updates.map((u) => u.tally.firstOutsideAt),
        updates.map((u) => u.tally.lastHitAt),
        updates.map((u) => JSON.stringify(u.tally.recentOpens)),
      ],
    );
    const drops = updates.filter((u) => u.dropThrough > u.dropAfter);
    if (drops.length > 0) {
      await client.query(
        `DELETE FROM hits h USING unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(tracker_id, after, through)
         WHERE h.tracker_id = d.tracker_id AND h.seq > d.after AND h.seq <= d.through`,
        [drops.map((d) => d.id), drops.map((d) => d.dropAfter), drops.map((d) => d.dropThrough)],
      );
    }
    // Reported in the order the hits were given, which is the order they were accepted.
    return recordedHitsOf(
      fresh.map(({ hit }) => hit),
      touched,
    );
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
          `INSERT INTO trackers (${NEW_TRACKER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8)`,
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

    async getTracker(
      accountId: string,
      trackerId: string,
      hitLimit?: number,
    ): Promise<TrackerWithHits | null> {
      const { rows } = await pool.query<TrackerRow>(
        `SELECT ${TRACKER_COLUMNS} FROM trackers WHERE account_id = $1 AND id = $2`,
        [accountId, trackerId],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        tracker: toTracker(row),
        tally: toTally(row),
        ...(await hitPage(row.id, hitPageSize(hitLimit), null)),
      };
    },

    async listHits(accountId: string, trackerId: string, query: HitPageQuery): Promise<HitPage | null> {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id FROM trackers WHERE account_id = $1 AND id = $2',
        [accountId, trackerId],
      );
      const row = rows[0];
      return row ? hitPage(row.id, query.limit, query.before?.seq ?? null) : null;
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
      const last = page.at(-1);
      return {
        trackers: page.map((row) => ({ tracker: toTracker(row), tally: toTally(row) })),
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

    recordHits(hits: readonly HitFact[]): Promise<RecordedHit[]> {
      if (hits.length === 0) return Promise.resolve([]);
      return inTransaction((client) => recordHitsIn(client, hits));
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

    async claimEventTicket(ticketId: string, expiresAt: Date, now: Date): Promise<boolean> {
      // One statement: forgetting the expired claims and claiming this one commit together.
      const { rows } = await pool.query<{ claimed: boolean }>(
        `WITH forgotten AS (DELETE FROM event_ticket_claims WHERE expires_at <= $3)
         INSERT INTO event_ticket_claims (ticket_id, expires_at) VALUES ($1, $2)
         ON CONFLICT (ticket_id) DO NOTHING
         RETURNING true AS claimed`,
        [ticketId, expiresAt, now],
      );
      return rows.length === 1;
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
