/**
 * TrackerStore is the tracker's one storage port: every adapter (SQLite, PostgreSQL) keeps accounts, trackers
 * and hit facts behind it; every method resolves or rejects (never throws synchronously), every read and delete
 * is scoped to one account, and hit writes are idempotent on the hit id (for every hit still kept in detail,
 * which always covers a tracker's latest `recentKept` hits, so a retried recent batch never counts twice).
 *
 * Hits are bounded per tracker: every hit is counted in the tracker's tally (kept on the tracker, so reads
 * never scan hits), but only the first `firstKept` and the latest `recentKept` hits of a tracker are kept in
 * detail (see HitDetailLimits); reads return a bounded page of them.
 *
 * Stability: this shape is shared with the PostgreSQL adapter. Change it only additively, and note the change
 * here. Changed once (the hit cap): getTracker returns the tally and the latest page of kept hits instead of
 * every hit, listTrackers returns tallies without hits, and listHits pages back through the kept hits.
 * Added claimEventTicket (single-use live-event tickets).
 */
import type { HitFact } from '../../core/tracking/hit-facts';
import type { OpenTally } from '../../core/tracking/open-tally';

export type { HitFact } from '../../core/tracking/hit-facts';
export type { OpenTally } from '../../core/tracking/open-tally';

/**
 * How many hits of one tracker are kept in detail: the first ones (they hold the sender's own loads and the
 * first real opens) and a rolling window of the latest ones (recent activity, and the ids that make a retried
 * write of a recent batch a no-op). Hits in between are counted in the tally, then their rows are dropped.
 */
export interface HitDetailLimits {
  firstKept: number;
  recentKept: number;
}

/** At most 2,500 rows per tracker, however often its pixel is loaded. */
export const DEFAULT_HIT_DETAIL: HitDetailLimits = { firstKept: 500, recentKept: 2000 };

/** The most kept hits one read returns, and how many getTracker returns unless asked. */
export const MAX_HIT_PAGE = 200;
export const DEFAULT_HIT_PAGE = 100;

export interface NewAccount {
  id: string;
  name: string;
  /** Hex SHA-256 of the API key; the key itself is never stored. */
  apiKeyHash: string;
  createdAt: Date;
}

export interface Account {
  id: string;
  name: string;
  createdAt: Date;
}

export interface NewTracker {
  id: string;
  accountId: string;
  subject: string | null;
  recipient: string | null;
  template: string | null;
  /** Target URLs of the tracked links, in order; a click names its link by index into this list. */
  links: string[];
  /** `clientKey` of the client that created the tracker (see HitFact.clientKey), used to resolve `self`. */
  creatorClientKey: string;
  createdAt: Date;
}

export type StoredTracker = NewTracker;

/** A tracker with the running tally of every hit recorded for it. */
export interface TrackerWithTally {
  tracker: StoredTracker;
  tally: OpenTally;
}

/** A position in a tracker's kept hits, which are paged newest recorded first. */
export interface HitCursor {
  /** The hit's recording number within its tracker (1 for the first hit recorded). */
  seq: number;
}

export interface HitPageQuery {
  /** 1…MAX_HIT_PAGE. */
  limit: number;
  /** Return hits recorded before this position; null for the latest. */
  before: HitCursor | null;
}

export interface HitPage {
  /** Kept hits, ordered by (at, id) ascending. */
  hits: HitFact[];
  /** Position to read the next older page from, or null when no older kept hit remains. */
  next: HitCursor | null;
}

/** A tracker with its tally and the latest page of its kept hits. */
export interface TrackerWithHits extends TrackerWithTally, HitPage {}

/**
 * A keyset position in an account's tracker list, which is ordered newest first by (createdAt desc, id desc).
 * The page that follows holds trackers strictly after this position.
 */
export interface TrackerCursor {
  createdAt: Date;
  id: string;
}

export interface TrackerPageQuery {
  /** 1…100. */
  limit: number;
  after: TrackerCursor | null;
}

export interface StoredTrackerPage {
  trackers: TrackerWithTally[];
  /** Position of the last tracker returned when more may follow, else null. */
  next: TrackerCursor | null;
}

/**
 * A monthly quota, counted per account and period. Deleting a tracker does not give its slot back, so
 * create-then-delete cannot get round the quota.
 */
export interface TrackerQuota {
  limit: number;
  /** The period the new tracker counts against, e.g. '2026-11' (UTC calendar month). */
  period: string;
}

export type CreateTrackerOutcome = 'created' | 'quota-exceeded';

/**
 * A hit that was newly stored by recordHits (a duplicate id is not reported again), with what a live event
 * needs: the owning account, and the facts from which `self` is resolved (see resolveHitSource in core).
 */
export interface RecordedHit {
  hit: HitFact;
  accountId: string;
  creatorClientKey: string;
  /** `at` of the tracker's earliest stored hit whose clientKey differs from the creator's, after this batch. */
  firstOutsideAt: Date | null;
}

export interface TrackerStore {
  createAccount(account: NewAccount): Promise<void>;
  /** Looks the account up by the SHA-256 hash of a presented API key; null when no account has it. */
  findAccountByKeyHash(apiKeyHash: string): Promise<Account | null>;

  /**
   * Stores the tracker, and when a quota is given, atomically counts it against the account's period first:
   * with N concurrent creates and R slots left, exactly min(N, R) are created, even across processes.
   */
  createTracker(tracker: NewTracker, quota: TrackerQuota | null): Promise<CreateTrackerOutcome>;
  /** The tracker, its tally, and its latest `hitLimit` kept hits (default 100, at most MAX_HIT_PAGE). */
  getTracker(accountId: string, trackerId: string, hitLimit?: number): Promise<TrackerWithHits | null>;
  /** Older pages of a tracker's kept hits; null when the account has no such tracker. */
  listHits(accountId: string, trackerId: string, query: HitPageQuery): Promise<HitPage | null>;
  listTrackers(accountId: string, query: TrackerPageQuery): Promise<StoredTrackerPage>;
  /** Deletes the tracker and its hits; false when the account has no such tracker. */
  deleteTracker(accountId: string, trackerId: string): Promise<boolean>;
  /**
   * The stored target of a tracked link, for the unauthenticated redirect (the signed token proves it was
   * issued); null when the tracker or index does not exist.
   */
  findLinkTarget(trackerId: string, linkIndex: number): Promise<string | null>;

  /**
   * Records a batch of hits in one transaction: each new hit is counted in its tracker's tally and stored,
   * and rows beyond the tracker's HitDetailLimits are dropped. Hits whose id is still kept are skipped (so a
   * retried batch never double counts); hits for a tracker that no longer exists are dropped. Resolves with
   * the hits that were newly recorded.
   */
  recordHits(hits: readonly HitFact[]): Promise<RecordedHit[]>;
  /** Retention: deletes hit rows with `at` before the cutoff (tallies keep counting them); resolves with how many were deleted. */
  deleteHitsOlderThan(cutoff: Date): Promise<number>;

  /**
   * Claims a live-event ticket for the one stream it may open: true the first time this id is claimed (on
   * any instance sharing the storage), false ever after. Claims are kept until `expiresAt` (after which the
   * ticket is refused anyway); each call forgets those expired by `now`.
   */
  claimEventTicket(ticketId: string, expiresAt: Date, now: Date): Promise<boolean>;

  /** Resolves when storage answers a trivial query (for /readyz); rejects otherwise. */
  ping(): Promise<void>;
  /** Releases connections/handles. Other methods may reject afterwards. */
  close(): Promise<void>;
}
