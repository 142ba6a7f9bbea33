/**
 * The Tracked declines view's state as a pure reducer: the list (newest first), the open detail with the
 * activity shown so far, the live connection and the short notice shown when a decline is opened.
 */
import type {
  TrackerDetail,
  TrackerEvent,
  TrackerEventPage,
  TrackerPage,
  TrackerSummary,
} from '../../core/tracking/api-contract';
import type { LiveConnectionState } from '../tracker-client/tracker-client';

export type ListState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      trackers: TrackerSummary[];
      nextCursor: string | null;
      loadingMore: boolean;
      moreError: string | null;
    };

export type DeleteState =
  { kind: 'idle' } | { kind: 'confirming' } | { kind: 'deleting' } | { kind: 'failed'; message: string };

export type OlderEventsLoad =
  { status: 'idle' } | { status: 'loading' } | { status: 'failed'; message: string };

/** A tracker's activity as shown: the latest events the server sent, plus older pages loaded on request. */
export interface EventHistory {
  /** Every event on screen, oldest first. */
  events: TrackerEvent[];
  /** The latest events as last sent by the server, to tell which events a refresh adds. */
  latest: TrackerEvent[];
  /** The tracker's `eventCount` when `latest` was sent; null from a server that does not count. */
  eventCount: number | null;
  /** For the next older page; null once the oldest kept event is shown, or from a server without paging. */
  olderCursor: string | null;
  /**
   * Set once earlier activity is asked for: a refresh then adds its new events to what is shown, instead
   * of replacing the list with the latest page (which would drop the older pages or leave a hole).
   */
  anchored: boolean;
  older: OlderEventsLoad;
  /** Counts the older pages added, and how many events the last one held, so the view can focus them. */
  pagesAdded: number;
  lastPageSize: number;
  /** A refresh brought more new events than could be placed exactly; the list stopped following. */
  newerNotShown: boolean;
}

export type DetailState =
  | { status: 'closed' }
  | { status: 'loading'; id: string }
  | { status: 'failed'; id: string; message: string }
  | { status: 'ready'; id: string; tracker: TrackerDetail; deletion: DeleteState; history: EventHistory };

export interface Notice {
  /** Increases with each notice, so the view can restart its timer for a repeated text. */
  serial: number;
  text: string;
  trackerId: string;
}

export interface SentDeclinesState {
  list: ListState;
  detail: DetailState;
  live: LiveConnectionState;
  notice: Notice | null;
  /** Set after a delete, for the list's status line. */
  lastDeleted: string | null;
}

export type SentDeclinesAction =
  | { type: 'list-loading' }
  | { type: 'list-loaded'; page: TrackerPage; append: boolean }
  | { type: 'list-failed'; message: string }
  | { type: 'more-loading' }
  | { type: 'more-failed'; message: string }
  | { type: 'tracker-updated'; tracker: TrackerDetail }
  | { type: 'detail-opened'; id: string }
  | { type: 'detail-loaded'; tracker: TrackerDetail }
  | { type: 'detail-failed'; id: string; message: string }
  | { type: 'detail-closed' }
  | { type: 'older-loading'; id: string }
  | { type: 'older-loaded'; id: string; cursor: string; page: TrackerEventPage }
  | { type: 'older-failed'; id: string; message: string }
  | { type: 'latest-shown'; id: string }
  | { type: 'delete-asked' }
  | { type: 'delete-cancelled' }
  | { type: 'delete-started' }
  | { type: 'delete-failed'; message: string }
  | { type: 'tracker-deleted'; id: string; label: string }
  | { type: 'live-changed'; live: LiveConnectionState }
  | { type: 'notice-shown'; text: string; trackerId: string }
  | { type: 'notice-dismissed' };

export const initialSentDeclinesState: SentDeclinesState = {
  list: { status: 'loading' },
  detail: { status: 'closed' },
  live: 'connecting',
  notice: null,
  lastDeleted: null,
};

export function sentDeclinesReducer(state: SentDeclinesState, action: SentDeclinesAction): SentDeclinesState {
  switch (action.type) {
    case 'list-loading':
      return { ...state, list: { status: 'loading' } };
    case 'list-loaded': {
      const previous = action.append && state.list.status === 'ready' ? state.list.trackers : [];
      return {
        ...state,
        list: {
          status: 'ready',
          trackers: newestFirst(mergeById(previous, action.page.trackers)),
          nextCursor: action.page.nextCursor,
          loadingMore: false,
          moreError: null,
        },
      };
    }
    case 'list-failed':
      // A failed quiet refresh keeps what is already shown.
      return state.list.status === 'ready'
        ? state
        : { ...state, list: { status: 'failed', message: action.message } };
    case 'more-loading':
      return state.list.status === 'ready'
        ? { ...state, list: { ...state.list, loadingMore: true, moreError: null } }
        : state;
    case 'more-failed':
      return state.list.status === 'ready'
        ? { ...state, list: { ...state.list, loadingMore: false, moreError: action.message } }
        : state;
    case 'tracker-updated': {
      const summary = toSummary(action.tracker);
      const list =
        state.list.status === 'ready'
          ? { ...state.list, trackers: newestFirst(mergeById(state.list.trackers, [summary])) }
          : state.list;
      const detail =
        state.detail.status !== 'closed' && state.detail.id === action.tracker.id
          ? {
              status: 'ready' as const,
              id: action.tracker.id,
              tracker: action.tracker,
              deletion: state.detail.status === 'ready' ? state.detail.deletion : { kind: 'idle' as const },
              history:
                state.detail.status === 'ready'
                  ? historyAfterRefresh(state.detail.history, action.tracker)
                  : freshHistory(action.tracker),
            }
          : state.detail;
      return { ...state, list, detail };
    }
    case 'detail-opened':
      return { ...state, detail: { status: 'loading', id: action.id }, lastDeleted: null };
    case 'detail-loaded':
      if (state.detail.status === 'closed' || state.detail.id !== action.tracker.id) return state;
      return sentDeclinesReducer(state, { type: 'tracker-updated', tracker: action.tracker });
    case 'detail-failed':
      if (state.detail.status === 'closed' || state.detail.id !== action.id) return state;
      return { ...state, detail: { status: 'failed', id: action.id, message: action.message } };
    case 'detail-closed':
      return { ...state, detail: { status: 'closed' } };
    case 'older-loading':
    case 'older-loaded':
    case 'older-failed':
    case 'latest-shown': {
      if (state.detail.status !== 'ready' || state.detail.id !== action.id) return state;
      const history = olderEventsReducer(state.detail.history, state.detail.tracker, action);
      return history === state.detail.history ? state : { ...state, detail: { ...state.detail, history } };
    }
    case 'delete-asked':
    case 'delete-cancelled':
    case 'delete-started':
    case 'delete-failed': {
      if (state.detail.status !== 'ready') return state;
      const deletion: DeleteState =
        action.type === 'delete-asked'
          ? { kind: 'confirming' }
          : action.type === 'delete-started'
            ? { kind: 'deleting' }
            : action.type === 'delete-failed'
              ? { kind: 'failed', message: action.message }
              : { kind: 'idle' };
      return { ...state, detail: { ...state.detail, deletion } };
    }
    case 'tracker-deleted': {
      const list =
        state.list.status === 'ready'
          ? { ...state.list, trackers: state.list.trackers.filter((t) => t.id !== action.id) }
          : state.list;
      const detail =
        state.detail.status !== 'closed' && state.detail.id === action.id
          ? { status: 'closed' as const }
          : state.detail;
      return { ...state, list, detail, lastDeleted: action.label };
    }
    case 'live-changed':
      return { ...state, live: action.live };
    case 'notice-shown':
      return {
        ...state,
        notice: { serial: (state.notice?.serial ?? 0) + 1, text: action.text, trackerId: action.trackerId },
      };
    case 'notice-dismissed':
      return { ...state, notice: null };
  }
}

export function findSummary(state: SentDeclinesState, id: string): TrackerSummary | null {
  return state.list.status === 'ready' ? (state.list.trackers.find((t) => t.id === id) ?? null) : null;
}

function toSummary(tracker: TrackerDetail): TrackerSummary {
  const { events: _events, eventCount: _count, olderEventsCursor: _cursor, ...summary } = tracker;
  return summary;
}

export function freshHistory(tracker: TrackerDetail): EventHistory {
  return {
    events: tracker.events,
    latest: tracker.events,
    eventCount: tracker.eventCount ?? null,
    olderCursor: tracker.olderEventsCursor ?? null,
    anchored: false,
    older: { status: 'idle' },
    pagesAdded: 0,
    lastPageSize: 0,
    newerNotShown: false,
  };
}

/**
 * After a refresh of the open tracker: until earlier activity is asked for, the latest page simply replaces
 * the list. After, the events the refresh adds are merged in, when they can be told exactly: the count grew
 * by d and exactly d events of the new latest page are not in the previous one (compared as a multiset, since
 * events carry no id). Otherwise the list keeps what it shows and says that newer activity is not shown.
 */
function historyAfterRefresh(history: EventHistory, tracker: TrackerDetail): EventHistory {
  if (!history.anchored) return freshHistory(tracker);
  if (history.newerNotShown) return history;
  const count = tracker.eventCount ?? null;
  const added = count === null || history.eventCount === null ? null : count - history.eventCount;
  const incoming = eventsNotIn(tracker.events, history.latest);
  if (added === 0 && incoming.length === 0) return history;
  if (added === null || added !== incoming.length) return { ...history, newerNotShown: true };
  return {
    ...history,
    events: oldestFirst([...history.events, ...incoming]),
    latest: tracker.events,
    eventCount: count,
  };
}

function olderEventsReducer(
  history: EventHistory,
  tracker: TrackerDetail,
  action: Extract<
    SentDeclinesAction,
    { type: 'older-loading' | 'older-loaded' | 'older-failed' | 'latest-shown' }
  >,
): EventHistory {
  switch (action.type) {
    case 'older-loading':
      if (history.olderCursor === null || history.older.status === 'loading') return history;
      return { ...history, anchored: true, older: { status: 'loading' } };
    case 'older-loaded':
      // A page asked for before "Show the latest activity" belongs to a list no longer shown.
      if (history.older.status !== 'loading' || history.olderCursor !== action.cursor) return history;
      return {
        ...history,
        events: [...action.page.events, ...history.events],
        olderCursor: action.page.nextCursor,
        older: { status: 'idle' },
        pagesAdded: history.pagesAdded + 1,
        lastPageSize: action.page.events.length,
      };
    case 'older-failed':
      // Everything already shown stays; only the request failed.
      return history.older.status === 'loading'
        ? { ...history, older: { status: 'failed', message: action.message } }
        : history;
    case 'latest-shown':
      return freshHistory(tracker);
  }
}

const eventKey = (event: TrackerEvent): string =>
  `${event.at}|${event.kind}|${event.source}|${event.client ?? ''}`;

/** The events of `next` beyond those in `previous`, counting repeats (a multiset difference). */
function eventsNotIn(next: TrackerEvent[], previous: TrackerEvent[]): TrackerEvent[] {
  const remaining = new Map<string, number>();
  for (const event of previous) remaining.set(eventKey(event), (remaining.get(eventKey(event)) ?? 0) + 1);
  return next.filter((event) => {
    const left = remaining.get(eventKey(event)) ?? 0;
    if (left === 0) return true;
    remaining.set(eventKey(event), left - 1);
    return false;
  });
}

/** Stable, so events at the same instant keep the server's order. */
function oldestFirst(events: TrackerEvent[]): TrackerEvent[] {
  return [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function mergeById(existing: TrackerSummary[], incoming: TrackerSummary[]): TrackerSummary[] {
  const byId = new Map(existing.map((t) => [t.id, t]));
  for (const tracker of incoming) byId.set(tracker.id, tracker);
  return [...byId.values()];
}

function newestFirst(trackers: TrackerSummary[]): TrackerSummary[] {
  return trackers.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1,
  );
}
