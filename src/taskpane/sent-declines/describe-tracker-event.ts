/**
 * Wording for the Tracked declines view: a status label per tracker and one sentence per event, in words a
 * person understands, saying plainly which events do not count as a read. Pure.
 */
import type { HitSource, TrackerEvent, TrackerSummary } from '../../core/tracking/api-contract';
import type { EventHistory } from './sent-declines-state';

/** The honest caveat shown with every status. */
export const UNOPENED_NOTE =
  'Many mail apps block images until the reader allows them, so “Unopened” means no open has been seen, not that the reply was not read.';

export interface EventDescription {
  text: string;
  /** Whether this event counts towards "Opened"/"Reopened". */
  counted: boolean;
}

export function statusLabel(summary: Pick<TrackerSummary, 'status' | 'opens'>): string {
  switch (summary.status) {
    case 'unopened':
      return 'Unopened';
    case 'opened':
      return 'Opened';
    case 'reopened':
      return `Reopened (${summary.opens})`;
  }
}

const PROXY_OWNERS: Readonly<Record<string, string>> = {
  Gmail: 'Google',
  'Yahoo Mail': 'Yahoo',
};

export function describeTrackerEvent(
  event: Pick<TrackerEvent, 'kind' | 'source' | 'client'>,
): EventDescription {
  const client = event.client?.trim() || null;
  const isClick = event.kind === 'click';
  const notCounted = (text: string): EventDescription => ({ text, counted: false });
  const source: HitSource = event.source;
  switch (source) {
    case 'self':
      return notCounted(isClick ? 'Your own click, not counted' : 'Your own copy, not counted');
    case 'apple-mpp':
      return notCounted('Preloaded by Apple Mail Privacy Protection: may not mean it was read');
    case 'prefetch':
      return notCounted(
        isClick
          ? 'Link preview fetched automatically: not counted'
          : 'Fetched automatically by a mail server soon after delivery: not counted',
      );
    case 'scanner':
      return notCounted(
        isClick
          ? 'Link checked by a security scanner: not counted'
          : 'Checked by a security scanner or script: not counted',
      );
    case 'proxy': {
      const verb = isClick ? 'Link clicked' : 'Opened';
      const owner = client ? PROXY_OWNERS[client] : undefined;
      if (client && owner)
        return { text: `${verb}, ${client} (through ${owner}'s image proxy)`, counted: true };
      if (client) return { text: `${verb}, ${client} (through an image proxy)`, counted: true };
      return { text: `${verb} (through a mail provider's image proxy)`, counted: true };
    }
    case 'human': {
      const verb = isClick ? 'Link clicked' : 'Opened';
      return { text: client ? `${verb}, ${client}` : verb, counted: true };
    }
  }
}

/** The short notification for a live hit, or null when it is not worth interrupting for. */
export function describeLiveHit(
  hit: { kind: TrackerEvent['kind']; source: HitSource },
  tracker: Pick<TrackerSummary, 'subject' | 'recipient' | 'status' | 'opens'> | null,
): string | null {
  if (hit.source !== 'human' && hit.source !== 'proxy') return null;
  const who = tracker?.recipient ? ` by ${tracker.recipient}` : '';
  const what = tracker?.subject ? `“${tracker.subject}”` : 'Your decline';
  if (hit.kind === 'click') return `${what}: a link was clicked${who}.`;
  // The status badge's words ("Opened", "Reopened (2)") would repeat the sentence; say it as a sentence.
  if (tracker?.status === 'reopened') return `${what} was opened again${who}: ${tracker.opens} opens so far.`;
  return `${what} was opened${who}.`;
}

const COUNT_FORMAT = new Intl.NumberFormat('en');
/** "1 event", "2,500 events". */
export const countOf = (count: number, one: string, many: string): string =>
  `${COUNT_FORMAT.format(count)} ${count === 1 ? one : many}`;

/** What part of the tracker's activity the list shows, or null when it shows all of it. */
export function describeShownActivity(
  history: Pick<EventHistory, 'events' | 'olderCursor' | 'newerNotShown'>,
  eventCount: number | null,
): string | null {
  const shown = history.events.length;
  if (eventCount === null || eventCount <= shown) return null;
  // The list stopped following new events, so what it shows is no longer the latest.
  if (history.newerNotShown)
    return `Showing ${COUNT_FORMAT.format(shown)} of ${countOf(eventCount, 'event', 'events')}.`;
  if (history.olderCursor !== null) {
    return `Showing the latest ${COUNT_FORMAT.format(shown)} of ${countOf(eventCount, 'event', 'events')}.`;
  }
  // Paged back to the end: the rest were counted, but a tracker keeps only its first and latest in detail.
  return `Showing the ${countOf(shown, 'event', 'events')} kept in detail. All ${COUNT_FORMAT.format(eventCount)} were counted; only a tracker’s first and latest events are kept.`;
}
