/**
 * The Tracked declines view's behaviour: loads the list, follows live events (refreshing the tracker a hit
 * belongs to and announcing real opens), opens details, deletes. The only place in the feature with effects.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { TrackerClient } from '../tracker-client/tracker-client';
import { describeLoadError } from './describe-load-error';
import { describeLiveHit } from './describe-tracker-event';
import {
  findSummary,
  initialSentDeclinesState,
  sentDeclinesReducer,
  type SentDeclinesState,
} from './sent-declines-state';

export interface SentDeclinesOptions {
  /** The clock for relative times; re-read every `tickMs`. */
  now?: () => Date;
  tickMs?: number;
  /** How long a notice stays before it hides itself. */
  noticeMs?: number;
  pageSize?: number;
  /** Events per older page of a tracker's activity (the server allows up to 200). */
  eventPageSize?: number;
  /**
   * False while the mailbox has no tracker account: the view then shows its empty state without asking
   * the tracker, because asking would create an account just to find it empty. Default true.
   */
  hasAccount?: boolean;
}

export interface SentDeclinesActions {
  reload(): void;
  loadMore(): void;
  openDetail(id: string): void;
  closeDetail(): void;
  /** Loads the next older page of the open tracker's activity and adds it below what is shown. */
  loadOlderEvents(): void;
  /** Replaces the activity shown by the latest events, when the list stopped following new ones. */
  showLatestEvents(): void;
  askDelete(): void;
  cancelDelete(): void;
  confirmDelete(): void;
  dismissNotice(): void;
}

export interface SentDeclinesModel {
  state: SentDeclinesState;
  now: Date;
  actions: SentDeclinesActions;
}

export function useSentDeclines(client: TrackerClient, options: SentDeclinesOptions = {}): SentDeclinesModel {
  const {
    now: clock = () => new Date(),
    tickMs = 30_000,
    noticeMs = 8_000,
    pageSize = 25,
    eventPageSize = 100,
    hasAccount = true,
  } = options;
  const [state, dispatch] = useReducer(sentDeclinesReducer, initialSentDeclinesState);
  const [now, setNow] = useState(clock);
  const stateRef = useRef(state);
  stateRef.current = state;
  const clockRef = useRef(clock);
  clockRef.current = clock;
  const messageOf = useCallback((error: unknown) => describeLoadError(error, clockRef.current()), []);

  const loadFirstPage = useCallback(
    (quiet: boolean) => {
      if (!quiet) dispatch({ type: 'list-loading' });
      client.listTrackers({ limit: pageSize }).then(
        (page) => dispatch({ type: 'list-loaded', page, append: false }),
        (error: unknown) => dispatch({ type: 'list-failed', message: messageOf(error) }),
      );
    },
    [client, pageSize, messageOf],
  );

  useEffect(() => {
    if (!hasAccount) {
      dispatch({ type: 'list-loaded', page: { trackers: [], nextCursor: null }, append: false });
      dispatch({ type: 'live-changed', live: 'closed' });
      return;
    }
    loadFirstPage(false);
    let wasLive = false;
    const subscription = client.subscribe({
      onHit(hit) {
        client.getTracker(hit.trackerId).then(
          (tracker) => {
            dispatch({ type: 'tracker-updated', tracker });
            const text = describeLiveHit(hit, tracker);
            if (text) dispatch({ type: 'notice-shown', text, trackerId: tracker.id });
          },
          () => {
            // Deleted meanwhile or the tracker is briefly unreachable: the next refresh shows the truth.
          },
        );
      },
      onStateChange(live) {
        dispatch({ type: 'live-changed', live });
        // Events may have been missed while disconnected; a quiet reload catches up.
        if (live === 'live' && wasLive) loadFirstPage(true);
        if (live === 'live') wasLive = true;
      },
    });
    return () => subscription.close();
  }, [client, loadFirstPage, hasAccount]);

  useEffect(() => {
    const timer = setInterval(() => setNow(clockRef.current()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);

  const noticeSerial = state.notice?.serial;
  useEffect(() => {
    if (noticeSerial === undefined) return;
    const timer = setTimeout(() => dispatch({ type: 'notice-dismissed' }), noticeMs);
    return () => clearTimeout(timer);
  }, [noticeSerial, noticeMs]);

  const actions = useMemo<SentDeclinesActions>(
    () => ({
      reload: () => loadFirstPage(false),
      loadMore() {
        const list = stateRef.current.list;
        if (list.status !== 'ready' || !list.nextCursor || list.loadingMore) return;
        dispatch({ type: 'more-loading' });
        client.listTrackers({ limit: pageSize, cursor: list.nextCursor }).then(
          (page) => dispatch({ type: 'list-loaded', page, append: true }),
          (error: unknown) => dispatch({ type: 'more-failed', message: messageOf(error) }),
        );
      },
      openDetail(id) {
        dispatch({ type: 'detail-opened', id });
        client.getTracker(id).then(
          (tracker) => dispatch({ type: 'detail-loaded', tracker }),
          (error: unknown) => dispatch({ type: 'detail-failed', id, message: messageOf(error) }),
        );
      },
      closeDetail: () => dispatch({ type: 'detail-closed' }),
      loadOlderEvents() {
        const detail = stateRef.current.detail;
        if (detail.status !== 'ready') return;
        const { id, history } = detail;
        const cursor = history.olderCursor;
        if (cursor === null || history.older.status === 'loading') return;
        dispatch({ type: 'older-loading', id });
        client.listTrackerEvents(id, { cursor, limit: eventPageSize }).then(
          (page) => dispatch({ type: 'older-loaded', id, cursor, page }),
          (error: unknown) => dispatch({ type: 'older-failed', id, message: messageOf(error) }),
        );
      },
      showLatestEvents() {
        const detail = stateRef.current.detail;
        if (detail.status === 'ready') dispatch({ type: 'latest-shown', id: detail.id });
      },
      askDelete: () => dispatch({ type: 'delete-asked' }),
      cancelDelete: () => dispatch({ type: 'delete-cancelled' }),
      confirmDelete() {
        const detail = stateRef.current.detail;
        if (detail.status !== 'ready') return;
        const { id } = detail;
        const label = detail.tracker.subject || findSummary(stateRef.current, id)?.subject || 'The decline';
        dispatch({ type: 'delete-started' });
        client.deleteTracker(id).then(
          () => dispatch({ type: 'tracker-deleted', id, label }),
          (error: unknown) => {
            if (error instanceof Error && 'kind' in error && error.kind === 'not-found') {
              dispatch({ type: 'tracker-deleted', id, label });
            } else {
              dispatch({ type: 'delete-failed', message: messageOf(error) });
            }
          },
        );
      },
      dismissNotice: () => dispatch({ type: 'notice-dismissed' }),
    }),
    [client, loadFirstPage, pageSize, eventPageSize, messageOf],
  );

  return { state, now, actions };
}
