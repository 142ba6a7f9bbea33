/**
 * SQLite adapter of TrackerStore (better-sqlite3, WAL): one file, versioned migrations applied on open, every
 * write in a transaction (BEGIN IMMEDIATE, so the quota holds even with several processes on one file).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { HitKind } from '../../../core/tracking/api-contract';
import type { HitFact, HitSignal } from '../../../core/tracking/hit-facts';
import type {
  Account,
  CreateTrackerOutcome,
  NewTracker,
  RecordedHit,
  StoredTracker,
  StoredTrackerPage,
  TrackerStore,
  TrackerWithHits,
} from '../tracker-store';
import { sqliteMigrations } from './sqlite-migrations';

export interface SqliteTrackerStoreOptions {
  /** A file path, or ':memory:' for a private in-memory database. */
  path: string;
}

interface TrackerRow {
  id: string;
  account_id: string;
  subject: string | null;
  recipient: string | null;
  template: string | null;
  links: string;
  creator_client_key: string;
  created_at: number;
}

interface HitRow {
  id: string;
  tracker_id: string;
  kind: HitKind;
  link_index: number | null;
  at: number;
  signal: HitSignal;
  ip_prefix: string;
  ua_family: string;
  client_key: string;
}

export function createSqliteTrackerStore(options: SqliteTrackerStoreOptions): TrackerStore {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 32 MiB of page cache keeps the hit indexes' hot pages in memory under a steady stream of inserts.
  db.pragma('cache_size = -32768');
  migrate(db);

  const statements = {
    insertAccount: db.prepare(
      'INSERT INTO accounts (id, name, api_key_hash, created_at) VALUES (@id, @name, @apiKeyHash, @createdAt)',
    ),
    findAccountByKeyHash: db.prepare<[string], { id: string; name: string; created_at: number }>(
      'SELECT id, name, created_at FROM accounts WHERE api_key_hash = ?',
    ),
    ensureQuotaRow: db.prepare(
      'INSERT INTO tracker_quota_usage (account_id, period, used) VALUES (?, ?, 0) ON CONFLICT DO NOTHING',
    ),
    takeQuotaSlot: db.prepare(
      'UPDATE tracker_quota_usage SET used = used + 1 WHERE account_id = ? AND period = ? AND used < ?',
    ),
    countUsage: db.prepare(
      'UPDATE tracker_quota_usage SET used = used + 1 WHERE account_id = ? AND period = ?',
    ),
    insertTracker: db.prepare(
      `INSERT INTO trackers (id, account_id, subject, recipient, template, links, creator_client_key, created_at)
       VALUES (@id, @accountId, @subject, @recipient, @template, @links, @creatorClientKey, @createdAt)`,
    ),
    getTracker: db.prepare<[string, string], TrackerRow>(
      'SELECT * FROM trackers WHERE id = ? AND account_id = ?',
    ),
    firstPage: db.prepare<[string, number], TrackerRow>(
      'SELECT * FROM trackers WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
    ),
    pageAfter: db.prepare<[string, number, number, string, number], TrackerRow>(
      `SELECT * FROM trackers WHERE account_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    ),
    hitsOfTracker: db.prepare<[string], HitRow>('SELECT * FROM hits WHERE tracker_id = ? ORDER BY at, id'),
    deleteTracker: db.prepare('DELETE FROM trackers WHERE id = ? AND account_id = ?'),
    trackerLinks: db.prepare<[string], { links: string }>('SELECT links FROM trackers WHERE id = ?'),
    trackerOwner: db.prepare<[string], { account_id: string; creator_client_key: string }>(
      'SELECT account_id, creator_client_key FROM trackers WHERE id = ?',
    ),
    // Positional parameters: binding by name costs noticeably more on the hot write path.
    insertHit: db.prepare<[string, string, string, number | null, number, string, string, string, string]>(
      `INSERT INTO hits (id, tracker_id, kind, link_index, at, signal, ip_prefix, ua_family, client_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    firstOutsideAt: db.prepare<[string, string], { at: number }>(
      'SELECT at FROM hits WHERE tracker_id = ? AND client_key <> ? ORDER BY at, id LIMIT 1',
    ),
    deleteHitsBefore: db.prepare('DELETE FROM hits WHERE at < ?'),
    ping: db.prepare('SELECT 1'),
  };

  const createTrackerTx = db.transaction(
    (tracker: NewTracker, quota: { limit: number; period: string } | null): CreateTrackerOutcome => {
      const period = quota?.period ?? monthOf(tracker.createdAt);
      statements.ensureQuotaRow.run(tracker.accountId, period);
      if (quota) {
        if (statements.takeQuotaSlot.run(tracker.accountId, period, quota.limit).changes === 0) {
          return 'quota-exceeded';
        }
      } else {
        // Usage is counted even without a quota, so turning one on mid-month starts from the truth.
        statements.countUsage.run(tracker.accountId, period);
      }
      statements.insertTracker.run({
        ...tracker,
        links: JSON.stringify(tracker.links),
        createdAt: tracker.createdAt.getTime(),
      });
      return 'created';
    },
  );

  const recordHitsTx = db.transaction((hits: readonly HitFact[]): RecordedHit[] => {
    const owners = new Map<string, { account_id: string; creator_client_key: string } | null>();
    const stored: HitFact[] = [];
    for (const hit of hits) {
      let owner = owners.get(hit.trackerId);
      if (owner === undefined) {
        owner = statements.trackerOwner.get(hit.trackerId) ?? null;
        owners.set(hit.trackerId, owner);
      }
      if (!owner) continue;
      const info = statements.insertHit.run(
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
      if (info.changes === 1) stored.push(hit);
    }
    const firstOutside = new Map<string, Date | null>();
    return stored.map((hit) => {
      const owner = owners.get(hit.trackerId);
      if (!owner) throw new Error('unreachable: a stored hit has an owner');
      let first = firstOutside.get(hit.trackerId);
      if (first === undefined) {
        const row = statements.firstOutsideAt.get(hit.trackerId, owner.creator_client_key);
        first = row ? new Date(row.at) : null;
        firstOutside.set(hit.trackerId, first);
      }
      return {
        hit,
        accountId: owner.account_id,
        creatorClientKey: owner.creator_client_key,
        firstOutsideAt: first,
      };
    });
  });

  const withHits = (row: TrackerRow): TrackerWithHits => ({
    tracker: toTracker(row),
    hits: statements.hitsOfTracker.all(row.id).map(toHit),
  });

  // better-sqlite3 is synchronous; `run` turns its throws into rejections so callers see one failure path.
  const run = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return {
    createAccount: (account) =>
      run(() => {
        statements.insertAccount.run({ ...account, createdAt: account.createdAt.getTime() });
      }),
    findAccountByKeyHash: (apiKeyHash) =>
      run((): Account | null => {
        const row = statements.findAccountByKeyHash.get(apiKeyHash);
        return row ? { id: row.id, name: row.name, createdAt: new Date(row.created_at) } : null;
      }),
    createTracker: (tracker, quota) => run(() => createTrackerTx.immediate(tracker, quota)),
    getTracker: (accountId, trackerId) =>
      run(() => {
        const row = statements.getTracker.get(trackerId, accountId);
        return row ? withHits(row) : null;
      }),
    listTrackers: (accountId, { limit, after }) =>
      run((): StoredTrackerPage => {
        // One extra row tells whether another page follows.
        const rows = after
          ? statements.pageAfter.all(
              accountId,
              after.createdAt.getTime(),
              after.createdAt.getTime(),
              after.id,
              limit + 1,
            )
          : statements.firstPage.all(accountId, limit + 1);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
          trackers: page.map(withHits),
          next: rows.length > limit && last ? { createdAt: new Date(last.created_at), id: last.id } : null,
        };
      }),
    deleteTracker: (accountId, trackerId) =>
      run(() => statements.deleteTracker.run(trackerId, accountId).changes === 1),
    findLinkTarget: (trackerId, linkIndex) =>
      run(() => {
        const row = statements.trackerLinks.get(trackerId);
        if (!row) return null;
        const links = JSON.parse(row.links) as string[];
        return links[linkIndex] ?? null;
      }),
    recordHits: (hits) => run(() => (hits.length === 0 ? [] : recordHitsTx.immediate(hits))),
    deleteHitsOlderThan: (cutoff) => run(() => statements.deleteHitsBefore.run(cutoff.getTime()).changes),
    ping: () =>
      run(() => {
        statements.ping.get();
      }),
    close: () =>
      run(() => {
        if (db.open) db.close();
      }),
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = sqliteMigrations.slice(current);
  if (pending.length === 0) return;
  db.transaction(() => {
    pending.forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${sqliteMigrations.length}`);
  }).immediate();
}

function toTracker(row: TrackerRow): StoredTracker {
  return {
    id: row.id,
    accountId: row.account_id,
    subject: row.subject,
    recipient: row.recipient,
    template: row.template,
    links: JSON.parse(row.links) as string[],
    creatorClientKey: row.creator_client_key,
    createdAt: new Date(row.created_at),
  };
}

function toHit(row: HitRow): HitFact {
  return {
    id: row.id,
    trackerId: row.tracker_id,
    kind: row.kind,
    linkIndex: row.link_index,
    at: new Date(row.at),
    signal: row.signal,
    ipPrefix: row.ip_prefix,
    uaFamily: row.ua_family,
    clientKey: row.client_key,
  };
}

function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}
