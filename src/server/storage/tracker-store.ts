/**
 * TrackerStore is the tracker's one storage port: every adapter (SQLite, PostgreSQL) keeps accounts, trackers
 * and hit facts behind it; every method resolves or rejects (never throws synchronously), every read and delete
 * is scoped to one account, and hit writes are idempotent on the hit id.
 *
 * Stability: this shape is shared with the PostgreSQL adapter. Change it only additively, and note the change
 * here.
 */
import type { HitFact } from '../../core/tracking/hit-facts';

export type { HitFact } from '../../core/tracking/hit-facts';

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

/** A tracker with every hit fact recorded for it, ordered by (at, id) ascending. */
export interface TrackerWithHits {
  tracker: StoredTracker;
  hits: HitFact[];
}

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
  trackers: TrackerWithHits[];
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
  getTracker(accountId: string, trackerId: string): Promise<TrackerWithHits | null>;
  listTrackers(accountId: string, query: TrackerPageQuery): Promise<StoredTrackerPage>;
  /** Deletes the tracker and its hits; false when the account has no such tracker. */
  deleteTracker(accountId: string, trackerId: string): Promise<boolean>;
  /**
   * The stored target of a tracked link, for the unauthenticated redirect (the signed token proves it was
   * issued); null when the tracker or index does not exist.
   */
  findLinkTarget(trackerId: string, linkIndex: number): Promise<string | null>;

  /**
   * Stores a batch of hits in one transaction. Hits whose id is already stored are skipped (so a retried batch
   * never double counts); hits for a tracker that no longer exists are dropped. Resolves with the hits that
   * were newly stored.
   */
  recordHits(hits: readonly HitFact[]): Promise<RecordedHit[]>;
  /** Retention: deletes hits with `at` before the cutoff; resolves with how many were deleted. */
  deleteHitsOlderThan(cutoff: Date): Promise<number>;

  /** Resolves when storage answers a trivial query (for /readyz); rejects otherwise. */
  ping(): Promise<void>;
  /** Releases connections/handles. Other methods may reject afterwards. */
  close(): Promise<void>;
}
