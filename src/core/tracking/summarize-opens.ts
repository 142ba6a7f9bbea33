/**
 * Open-status rules: from the stored hit facts of one tracker, decide each hit's source (resolving `self`),
 * count opens honestly and derive the status. Pure and order-independent: the same facts give the same
 * answer on any server instance, whatever order they were written in.
 *
 * Where classification happens: the request-only part (signal, UA family, IP prefix, client key) is decided
 * when the hit arrives, because the raw user agent and IP are not kept. `self` and the 60 s folding need the
 * tracker's history, so they are resolved from stored facts, ordered by (at, id): storage keeps them as a
 * running tally (open-tally.ts) on the tracker, and this summary of a whole list of hits is that tally's
 * reference. A live event resolves `self` with the same rule (resolveHitSource).
 */
import type { OpenStatus, TrackerEvent } from './api-contract';
import type { HitFact } from './hit-facts';
import { byTimeThenId, resolveHitSource, statusFromOpens, tallyOf, type OpenTally } from './open-tally';

export { countsAsOpen, OPEN_FOLD_WINDOW_MS, resolveHitSource, statusFromOpens } from './open-tally';

export interface OpenCounts {
  status: OpenStatus;
  opens: number;
  machineOpens: number;
  clicks: number;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
}

export interface OpenSummary extends OpenCounts {
  events: TrackerEvent[];
}

/** What the API reports about opens, from a tracker's tally. */
export function countsOfTally(tally: OpenTally): OpenCounts {
  return {
    status: statusFromOpens(tally.opens),
    opens: tally.opens,
    machineOpens: tally.machineOpens,
    clicks: tally.clicks,
    firstOpenedAt: tally.firstOpenedAt?.toISOString() ?? null,
    lastOpenedAt: tally.lastOpenedAt?.toISOString() ?? null,
  };
}

/** Events for hits, in (at, id) order, with `self` resolved against the tracker's earliest outside hit. */
export function describeHits(
  hits: readonly HitFact[],
  creatorClientKey: string,
  firstOutsideAt: Date | null,
): TrackerEvent[] {
  return [...hits].sort(byTimeThenId).map((hit) => {
    const event: TrackerEvent = {
      at: hit.at.toISOString(),
      kind: hit.kind,
      source: resolveHitSource(hit, creatorClientKey, firstOutsideAt),
    };
    const client = displayClient(hit);
    if (client) event.client = client;
    return event;
  });
}

export function summarizeOpens(hits: readonly HitFact[], creatorClientKey: string): OpenSummary {
  const tally = tallyOf(hits, creatorClientKey);
  return { ...countsOfTally(tally), events: describeHits(hits, creatorClientKey, tally.firstOutsideAt) };
}

const CLIENT_NAMES: Readonly<Record<string, string>> = {
  GoogleImageProxy: 'Gmail',
  YahooMailProxy: 'Yahoo Mail',
  'Apple Mail Privacy Protection': 'Apple Mail',
  'Apple Mail': 'Apple Mail',
  Outlook: 'Outlook',
  Thunderbird: 'Thunderbird',
  Edge: 'Edge',
  Opera: 'Opera',
  Firefox: 'Firefox',
  Chrome: 'Chrome',
  Safari: 'Safari',
};

/** The coarse client name shown with an event, when the family names one. */
export function displayClient(hit: Pick<HitFact, 'clientKey' | 'uaFamily'>): string | undefined {
  if (hit.clientKey.startsWith('preview:')) return `Preview: ${hit.clientKey.slice('preview:'.length)}`;
  return CLIENT_NAMES[hit.uaFamily];
}
