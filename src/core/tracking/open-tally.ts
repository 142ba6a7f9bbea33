/**
 * An open tally is the running summary of one tracker's hits (counts, first and last open, the earliest
 * outside hit, and the few clients whose last open is still inside the fold window), so that storage can keep
 * it on the tracker row and reads never scan hits. Pure. Contract: adding hits batch by batch, each batch
 * later than the last (`isLaterThan`), gives exactly the tally of all the hits added at once, and that tally
 * counts exactly as summarizeOpens does; a batch that is not later can only be tallied exactly by recounting
 * from every hit (storage does that while it still keeps them all).
 */
import type { HitSource, OpenStatus } from './api-contract';
import type { HitFact } from './hit-facts';

/** Repeated loads by one client within this window count as one open. */
export const OPEN_FOLD_WINDOW_MS = 60_000;

type SelfFacts = Pick<HitFact, 'clientKey' | 'at' | 'signal'>;

/**
 * A hit is `self` when it comes from the client that created the tracker and happened before the first hit
 * from any other client (so it is the sender's compose window or Sent copy, not the recipient). After an
 * outside hit, the creator's client is judged like anyone else's.
 */
export function resolveHitSource(
  hit: SelfFacts,
  creatorClientKey: string,
  firstOutsideAt: Date | null,
): HitSource {
  const fromCreator = hit.clientKey === creatorClientKey;
  if (fromCreator && (firstOutsideAt === null || hit.at.getTime() < firstOutsideAt.getTime())) return 'self';
  return hit.signal;
}

export function statusFromOpens(opens: number): OpenStatus {
  if (opens === 0) return 'unopened';
  return opens === 1 ? 'opened' : 'reopened';
}

/** Whether the source is a person's read (directly or through a mail provider's image proxy). */
export function countsAsOpen(source: HitSource): boolean {
  return source === 'human' || source === 'proxy';
}

/**
 * The most clients whose recent open is remembered between batches. More distinct clients opening within one
 * fold window is a flood from many networks; a forgotten client's next load within the window counts again.
 */
export const MAX_REMEMBERED_CLIENTS = 200;

export interface OpenTally {
  /** Every hit tallied, whether or not storage still keeps its detail. */
  hits: number;
  opens: number;
  machineOpens: number;
  clicks: number;
  firstOpenedAt: Date | null;
  lastOpenedAt: Date | null;
  /** `at` of the earliest hit from a client other than the creator; it decides `self`. */
  firstOutsideAt: Date | null;
  /** `at` of the latest hit tallied. */
  lastHitAt: Date | null;
  /** Client key → ms of its last counted open, for opens within the fold window before lastHitAt. */
  recentOpens: Readonly<Record<string, number>>;
}

export const EMPTY_TALLY: OpenTally = Object.freeze({
  hits: 0,
  opens: 0,
  machineOpens: 0,
  clicks: 0,
  firstOpenedAt: null,
  lastOpenedAt: null,
  firstOutsideAt: null,
  lastHitAt: null,
  recentOpens: Object.freeze({}),
});

/** Whether every hit is strictly later than the tally's latest, so adding them keeps the tally exact. */
export function isLaterThan(tally: OpenTally, hits: readonly Pick<HitFact, 'at'>[]): boolean {
  const last = tally.lastHitAt?.getTime();
  return last === undefined || hits.every((hit) => hit.at.getTime() > last);
}

/** The order hits are judged in: by time, then by id (so ties order the same on every instance). */
export function byTimeThenId(a: HitFact, b: HitFact): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The tally after `hits` (in any order within the batch) are added to `tally`. */
export function addToTally(tally: OpenTally, hits: readonly HitFact[], creatorClientKey: string): OpenTally {
  if (hits.length === 0) return tally;
  const ordered = [...hits].sort(byTimeThenId);
  // Every outside hit of the batch counts before any creator hit of the batch is judged: a tie in time must
  // not depend on which of the two was listed first.
  let firstOutside = tally.firstOutsideAt?.getTime() ?? Infinity;
  for (const hit of ordered) {
    if (hit.clientKey !== creatorClientKey) {
      firstOutside = Math.min(firstOutside, hit.at.getTime());
      break;
    }
  }
  const firstOutsideAt = Number.isFinite(firstOutside) ? new Date(firstOutside) : null;
  const lastCounted = new Map(Object.entries(tally.recentOpens));
  let { opens, machineOpens, clicks, firstOpenedAt, lastOpenedAt, lastHitAt } = tally;

  for (const hit of ordered) {
    const source = resolveHitSource(hit, creatorClientKey, firstOutsideAt);
    const at = hit.at.getTime();
    if (countsAsOpen(source)) {
      // A click is also an open (images may be blocked), and is folded with a pixel load just before it.
      if (hit.kind === 'click') clicks++;
      const last = lastCounted.get(hit.clientKey);
      if (last === undefined || at - last >= OPEN_FOLD_WINDOW_MS) {
        opens++;
        lastCounted.set(hit.clientKey, at);
        if (firstOpenedAt === null || at < firstOpenedAt.getTime()) firstOpenedAt = hit.at;
        if (lastOpenedAt === null || at > lastOpenedAt.getTime()) lastOpenedAt = hit.at;
      }
    } else if (source !== 'self') {
      machineOpens++;
    }
    if (lastHitAt === null || at > lastHitAt.getTime()) lastHitAt = hit.at;
  }

  return {
    hits: tally.hits + ordered.length,
    opens,
    machineOpens,
    clicks,
    firstOpenedAt,
    lastOpenedAt,
    firstOutsideAt,
    lastHitAt,
    recentOpens: rememberRecent(lastCounted, lastHitAt),
  };
}

/** The tally of exactly these hits. */
export function tallyOf(hits: readonly HitFact[], creatorClientKey: string): OpenTally {
  return addToTally(EMPTY_TALLY, hits, creatorClientKey);
}

export interface TallyBuilder {
  /** The next hits in (at, id) order, after every hit added before; any number at a time. */
  add(hits: readonly HitFact[]): void;
  /** The exact tally of every hit added. */
  finish(): OpenTally;
}

/**
 * Tallies hits read page by page in (at, id) order (a tracker's whole history, without holding it in
 * memory) exactly: a page may end in the middle of one instant, so the hits of the last instant seen wait
 * for the next page, and each batch added to the tally is strictly later than the one before.
 */
export function createTallyBuilder(creatorClientKey: string): TallyBuilder {
  let tally = EMPTY_TALLY;
  let waiting: HitFact[] = [];
  return {
    add(hits) {
      const pending = waiting.concat(hits);
      const lastAt = pending[pending.length - 1]?.at.getTime();
      let cut = pending.length;
      while (cut > 0 && pending[cut - 1]?.at.getTime() === lastAt) cut--;
      if (cut > 0) tally = addToTally(tally, pending.slice(0, cut), creatorClientKey);
      waiting = pending.slice(cut);
    },
    finish() {
      tally = addToTally(tally, waiting, creatorClientKey);
      waiting = [];
      return tally;
    },
  };
}

/**
 * Keeps the clients whose last open could still fold a later hit (within the window before lastHitAt), the
 * latest MAX_REMEMBERED_CLIENTS of them. Older entries cannot matter to a hit later than lastHitAt.
 */
function rememberRecent(lastCounted: Map<string, number>, lastHitAt: Date | null): Record<string, number> {
  if (lastHitAt === null) return {};
  const horizon = lastHitAt.getTime() - OPEN_FOLD_WINDOW_MS;
  const recent = [...lastCounted].filter(([, at]) => at > horizon);
  if (recent.length > MAX_REMEMBERED_CLIENTS) {
    recent.sort((a, b) => b[1] - a[1]);
    recent.length = MAX_REMEMBERED_CLIENTS;
  }
  return Object.fromEntries(recent);
}
