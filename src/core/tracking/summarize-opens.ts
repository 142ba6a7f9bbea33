/**
 * Open-status rules: from the stored hit facts of one tracker, decide each hit's source (resolving `self`),
 * count opens honestly and derive the status. Pure and order-independent: the same facts give the same
 * answer on any server instance, whatever order they were written in.
 *
 * Where classification happens: the request-only part (signal, UA family, IP prefix, client key) is decided
 * when the hit arrives, because the raw user agent and IP are not kept. `self` and the 60 s folding need the
 * tracker's history, so they are resolved here at read time from stored facts, ordered by (at, id). A live
 * event resolves `self` with the same rule (resolveHitSource) from the facts returned by the store's write.
 */
import type { HitSource, OpenStatus, TrackerEvent } from './api-contract';
import type { HitFact } from './hit-facts';

/** Repeated loads by one client within this window count as one open. */
export const OPEN_FOLD_WINDOW_MS = 60_000;

export interface OpenSummary {
  status: OpenStatus;
  opens: number;
  machineOpens: number;
  clicks: number;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
  events: TrackerEvent[];
}

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

export function summarizeOpens(hits: readonly HitFact[], creatorClientKey: string): OpenSummary {
  const ordered = [...hits].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const firstOutside = ordered.find((hit) => hit.clientKey !== creatorClientKey)?.at ?? null;
  const lastCountedByClient = new Map<string, number>();
  let opens = 0;
  let machineOpens = 0;
  let clicks = 0;
  let firstOpenedAt: Date | null = null;
  let lastOpenedAt: Date | null = null;
  const events: TrackerEvent[] = [];

  for (const hit of ordered) {
    const source = resolveHitSource(hit, creatorClientKey, firstOutside);
    const event: TrackerEvent = { at: hit.at.toISOString(), kind: hit.kind, source };
    const client = displayClient(hit);
    if (client) event.client = client;
    events.push(event);

    if (countsAsOpen(source)) {
      // A click is also an open (images may be blocked), and is folded with a pixel load just before it.
      if (hit.kind === 'click') clicks++;
      const last = lastCountedByClient.get(hit.clientKey);
      if (last === undefined || hit.at.getTime() - last >= OPEN_FOLD_WINDOW_MS) {
        opens++;
        lastCountedByClient.set(hit.clientKey, hit.at.getTime());
        firstOpenedAt ??= hit.at;
        lastOpenedAt = hit.at;
      }
    } else if (source !== 'self') {
      machineOpens++;
    }
  }

  return {
    status: statusFromOpens(opens),
    opens,
    machineOpens,
    clicks,
    firstOpenedAt: firstOpenedAt?.toISOString() ?? null,
    lastOpenedAt: lastOpenedAt?.toISOString() ?? null,
    events,
  };
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
