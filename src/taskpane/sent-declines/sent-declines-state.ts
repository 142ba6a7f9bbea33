/**
 * The Tracked declines view's state as a pure reducer: the list (newest first), the open detail, the live
 * connection and the short notice shown when a decline is opened.
 */
import type { TrackerDetail, TrackerPage, TrackerSummary } from '../../core/tracking/api-contract';
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

export type DetailState =
  | { status: 'closed' }
  | { status: 'loading'; id: string }
  | { status: 'failed'; id: string; message: string }
  | { status: 'ready'; id: string; tracker: TrackerDetail; deletion: DeleteState };

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
  const { events: _events, ...summary } = tracker;
  return summary;
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
