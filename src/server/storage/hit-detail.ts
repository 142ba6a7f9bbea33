/**
 * The hit-detail rules both storage adapters apply when they record hits, so that they keep exactly the same
 * rows and tallies: which recording numbers (`seq`) are dropped once a tracker has recorded N hits, and when a
 * batch must be tallied by recounting every kept hit instead of by adding to the tally.
 */
import { isLaterThan, type OpenTally } from '../../core/tracking/open-tally';
import type { HitFact } from '../../core/tracking/hit-facts';
import { DEFAULT_HIT_PAGE, MAX_HIT_PAGE, type HitDetailLimits, type RecordedHit } from './tracker-store';

/**
 * Rows with `after < seq <= through` are no longer kept once the tracker has recorded `hitCount` hits: past
 * the first `firstKept`, and older than the latest `recentKept`. Null when every row is still kept.
 */
export function droppedSeqRange(
  limits: HitDetailLimits,
  hitCount: number,
): { after: number; through: number } | null {
  const through = hitCount - limits.recentKept;
  return through > limits.firstKept ? { after: limits.firstKept, through } : null;
}

/**
 * Whether the tally after this batch should be recounted from the kept rows: a hit at or before the tally's
 * latest arrived late (another instance's batch, a replayed spool), and adding it could differ from the
 * ordered count. A recount is exact only while every hit recorded is still kept, so the adapter recounts only
 * when it also finds `tally.hits + newHits.length` rows; otherwise late hits are added as they come (they
 * still count; only their `self` and folding may differ from the ordered count).
 */
export function wantsRecount(
  limits: HitDetailLimits,
  tally: OpenTally,
  newHits: readonly HitFact[],
): boolean {
  return !isLaterThan(tally, newHits) && tally.hits + newHits.length <= limits.firstKept + limits.recentKept;
}

/** A requested page size brought into 1…MAX_HIT_PAGE. */
export function hitPageSize(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_HIT_PAGE;
  return Math.min(Math.max(Math.floor(requested), 1), MAX_HIT_PAGE);
}

/** A tracker that a recordHits batch wrote to: its owner, its tally after the batch and its newly stored hits. */
export interface TouchedTracker {
  accountId: string;
  creatorClientKey: string;
  tally: OpenTally;
  fresh: HitFact[];
}

/** What recordHits reports for the hits it newly stored, in the order given, from the trackers they touched. */
export function recordedHitsOf(
  stored: readonly HitFact[],
  touched: ReadonlyMap<string, TouchedTracker | null>,
): RecordedHit[] {
  return stored.map((hit) => {
    const entry = touched.get(hit.trackerId);
    if (!entry) throw new Error('unreachable: a recorded hit has a tracker');
    return {
      hit,
      accountId: entry.accountId,
      creatorClientKey: entry.creatorClientKey,
      firstOutsideAt: entry.tally.firstOutsideAt,
    };
  });
}
