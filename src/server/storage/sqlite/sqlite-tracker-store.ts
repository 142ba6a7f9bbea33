/**
 * SQLite adapter of TrackerStore (better-sqlite3, WAL): one file, versioned migrations applied on open, every
 * write in a transaction (BEGIN IMMEDIATE, so the quota holds and tallies stay exact even with several
 * processes on one file), and at most HitDetailLimits rows of hits per tracker.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { HitKind } from '../../../core/tracking/api-contract';
import type { HitFact, HitSignal } from '../../../core/tracking/hit-facts';
import {
  addToTally,
  byTimeThenId,
  createTallyBuilder,
  tallyOf,
  type OpenTally,
} from '../../../core/tracking/open-tally';
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
  type HitPage,
  type NewTracker,
  type RecordedHit,
  type StoredTracker,
  type StoredTrackerPage,
  type TrackerStore,
} from '../tracker-store';
import { sqliteMigrations, TALLY_MIGRATION } from './sqlite-migrations';

export interface SqliteTrackerStoreOptions {
  /** A file path, or ':memory:' for a private in-memory database. */
  path: string;
  /** How many hits per tracker are kept in detail; DEFAULT_HIT_DETAIL unless given. */
  hitDetail?: HitDetailLimits;
}

/** The tally columns of a tracker row; times are ms since the epoch. */
interface TallyColumns {
  hit_count: number;
  opens: number;
  machine_opens: number;
  clicks: number;
  first_opened_at: number | null;
  last_opened_at: number | null;
  first_outside_at: number | null;
  last_hit_at: number | null;
  recent_opens: string;
}

interface TrackerRow extends TallyColumns {
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
  seq: number;
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
  const limits = options.hitDetail ?? DEFAULT_HIT_DETAIL;

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
    latestHits: db.prepare<[string, number], HitRow>(
      'SELECT * FROM hits WHERE tracker_id = ? ORDER BY seq DESC LIMIT ?',
    ),
    hitsBefore: db.prepare<[string, number, number], HitRow>(
      'SELECT * FROM hits WHERE tracker_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
    ),
    deleteTracker: db.prepare('DELETE FROM trackers WHERE id = ? AND account_id = ?'),
    trackerLinks: db.prepare<[string], { links: string }>('SELECT links FROM trackers WHERE id = ?'),
    trackerForHits: db.prepare<[string], TallyColumns & { account_id: string; creator_client_key: string }>(
      `SELECT account_id, creator_client_key, hit_count, opens, machine_opens, clicks, first_opened_at,
              last_opened_at, first_outside_at, last_hit_at, recent_opens
       FROM trackers WHERE id = ?`,
    ),
    // Positional parameters: binding by name costs noticeably more on the hot write path.
    insertHit: db.prepare<
      [string, string, string, number | null, number, string, string, string, string, number]
    >(
      `INSERT INTO hits (id, tracker_id, kind, link_index, at, signal, ip_prefix, ua_family, client_key, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    countHits: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM hits WHERE tracker_id = ?'),
    allHits: db.prepare<[string], HitRow>('SELECT * FROM hits WHERE tracker_id = ?'),
    dropHits: db.prepare<[string, number, number]>(
      'DELETE FROM hits WHERE tracker_id = ? AND seq > ? AND seq <= ?',
    ),
    saveTally: saveTallyStatement(db),
    deleteHitsBefore: db.prepare('DELETE FROM hits WHERE at < ?'),
    forgetExpiredClaims: db.prepare<[number]>('DELETE FROM event_ticket_claims WHERE expires_at <= ?'),
    claimTicket: db.prepare<[string, number]>(
      'INSERT INTO event_ticket_claims (ticket_id, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
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
    const touched = new Map<string, TouchedTracker | null>();
    const recorded: HitFact[] = [];
    for (const hit of hits) {
      let entry = touched.get(hit.trackerId);
      if (entry === undefined) {
        const row = statements.trackerForHits.get(hit.trackerId);
        entry = row
          ? {
              accountId: row.account_id,
              creatorClientKey: row.creator_client_key,
              tally: toTally(row),
              fresh: [],
            }
          : null;
        touched.set(hit.trackerId, entry);
      }
      if (!entry) continue;
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
        entry.tally.hits + entry.fresh.length + 1,
      );
      if (info.changes === 1) {
        entry.fresh.push(hit);
        recorded.push(hit);
      }
    }
    for (const [trackerId, entry] of touched) {
      if (!entry || entry.fresh.length === 0) continue;
      const recount =
        wantsRecount(limits, entry.tally, entry.fresh) &&
        statements.countHits.get(trackerId)?.n === entry.tally.hits + entry.fresh.length;
      entry.tally = recount
        ? tallyOf(statements.allHits.all(trackerId).map(toHit), entry.creatorClientKey)
        : addToTally(entry.tally, entry.fresh, entry.creatorClientKey);
      statements.saveTally.run(...tallyParams(entry.tally), trackerId);
      const dropped = droppedSeqRange(limits, entry.tally.hits);
      if (dropped) statements.dropHits.run(trackerId, dropped.after, dropped.through);
    }
    return recordedHitsOf(recorded, touched);
  });

  const claimTicketTx = db.transaction((ticketId: string, expiresAt: number, now: number): boolean => {
    statements.forgetExpiredClaims.run(now);
    return statements.claimTicket.run(ticketId, expiresAt).changes === 1;
  });

  const hitPage = (trackerId: string, limit: number, beforeSeq: number | null): HitPage => {
    const size = hitPageSize(limit);
    // One extra row tells whether an older page follows.
    const rows =
      beforeSeq === null
        ? statements.latestHits.all(trackerId, size + 1)
        : statements.hitsBefore.all(trackerId, beforeSeq, size + 1);
    const page = rows.slice(0, size);
    const oldest = page[page.length - 1];
    return {
      hits: page.map(toHit).sort(byTimeThenId),
      next: rows.length > size && oldest ? { seq: oldest.seq } : null,
    };
  };

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
    getTracker: (accountId, trackerId, hitLimit) =>
      run(() => {
        const row = statements.getTracker.get(trackerId, accountId);
        if (!row) return null;
        return {
          tracker: toTracker(row),
          tally: toTally(row),
          ...hitPage(row.id, hitPageSize(hitLimit), null),
        };
      }),
    listHits: (accountId, trackerId, { limit, before }) =>
      run(() => {
        const row = statements.getTracker.get(trackerId, accountId);
        return row ? hitPage(row.id, limit, before?.seq ?? null) : null;
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
          trackers: page.map((row) => ({ tracker: toTracker(row), tally: toTally(row) })),
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
    claimEventTicket: (ticketId, expiresAt, now) =>
      run(() => claimTicketTx.immediate(ticketId, expiresAt.getTime(), now.getTime())),
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
    if (current < TALLY_MIGRATION) countExistingTallies(db);
    db.pragma(`user_version = ${sqliteMigrations.length}`);
  }).immediate();
}

/**
 * Upgrading in place: trackers from before the hit cap are tallied from every hit they have. Their rows stay;
 * rows past the cap are dropped on the tracker's next write, once the tally holds what they counted.
 */
function countExistingTallies(db: Database.Database): void {
  const trackers = db
    .prepare<[], { id: string; creator_client_key: string }>(
      'SELECT id, creator_client_key FROM trackers WHERE id IN (SELECT DISTINCT tracker_id FROM hits)',
    )
    .all();
  // The migration numbered hits in (at, id) order, so pages by seq come in time order.
  const page = db.prepare<[string, number, number], HitRow>(
    'SELECT * FROM hits WHERE tracker_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const save = saveTallyStatement(db);
  for (const tracker of trackers) {
    const builder = createTallyBuilder(tracker.creator_client_key);
    for (let after = 0; ;) {
      const rows = page.all(tracker.id, after, BACKFILL_PAGE);
      builder.add(rows.map(toHit));
      const last = rows[rows.length - 1];
      if (!last || rows.length < BACKFILL_PAGE) break;
      after = last.seq;
    }
    save.run(...tallyParams(builder.finish()), tracker.id);
  }
}

/** Hits read at a time when tallying existing trackers, so a flooded one never sits in memory whole. */
const BACKFILL_PAGE = 10_000;

type TallyParams = [
  number,
  number,
  number,
  number,
  number | null,
  number | null,
  number | null,
  number | null,
  string,
];

function saveTallyStatement(db: Database.Database) {
  return db.prepare<[...TallyParams, string]>(
    `UPDATE trackers SET hit_count = ?, opens = ?, machine_opens = ?, clicks = ?, first_opened_at = ?,
       last_opened_at = ?, first_outside_at = ?, last_hit_at = ?, recent_opens = ?
     WHERE id = ?`,
  );
}

function tallyParams(tally: OpenTally): TallyParams {
  return [
    tally.hits,
    tally.opens,
    tally.machineOpens,
    tally.clicks,
    tally.firstOpenedAt?.getTime() ?? null,
    tally.lastOpenedAt?.getTime() ?? null,
    tally.firstOutsideAt?.getTime() ?? null,
    tally.lastHitAt?.getTime() ?? null,
    JSON.stringify(tally.recentOpens),
  ];
}

function toTally(row: TallyColumns): OpenTally {
  const time = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    hits: row.hit_count,
    opens: row.opens,
    machineOpens: row.machine_opens,
    clicks: row.clicks,
    firstOpenedAt: time(row.first_opened_at),
    lastOpenedAt: time(row.last_opened_at),
    firstOutsideAt: time(row.first_outside_at),
    lastHitAt: time(row.last_hit_at),
    recentOpens: JSON.parse(row.recent_opens) as Record<string, number>,
  };
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
