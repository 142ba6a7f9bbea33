import { Button, mergeClasses, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { TrackerEvent } from '../../core/tracking/api-contract';
import { LoadingIndicator } from '../app/LoadingIndicator';
import type { DetailState, EventHistory } from './sent-declines-state';
import {
  UNOPENED_NOTE,
  countOf,
  describeShownActivity,
  describeTrackerEvent,
} from './describe-tracker-event';
import { StatusBadge } from './StatusBadge';
import { TimeAgo } from './TimeAgo';
import type { SentDeclinesActions } from './useSentDeclines';
import { useSentDeclinesStyles } from './useSentDeclinesStyles';

export interface TrackerDetailViewProps {
  detail: Exclude<DetailState, { status: 'closed' }>;
  now: Date;
  actions: SentDeclinesActions;
  reasonLabel(template: string | null): string | null;
}

/** Render-only: one tracked decline with every event in plain words. */
export function TrackerDetailView({ detail, now, actions, reasonLabel }: TrackerDetailViewProps) {
  const styles = useSentDeclinesStyles();
  // The row that was pressed is gone; keyboard focus lands on the way back rather than on the page.
  const back = (
    <Button appearance="subtle" className={styles.back} onClick={actions.closeDetail} autoFocus>
      ← Back to tracked declines
    </Button>
  );
  if (detail.status === 'loading') {
    return (
      <div className={styles.state}>
        {back}
        <LoadingIndicator label="Loading the decline’s history…" />
      </div>
    );
  }
  if (detail.status === 'failed') {
    return (
      <div className={styles.state} role="alert">
        {back}
        <Text weight="semibold">Couldn’t load this decline.</Text>
        <Text className={styles.error}>{detail.message}</Text>
        <Button onClick={() => actions.openDetail(detail.id)}>Try again</Button>
      </div>
    );
  }
  const { tracker, deletion, history } = detail;
  const reason = reasonLabel(tracker.template);
  return (
    <article aria-labelledby="tracker-detail-heading" className={styles.detail}>
      {back}
      <div className={styles.rowTop}>
        <Text as="h3" id="tracker-detail-heading" size={400} weight="semibold" className={styles.subject}>
          {tracker.subject || '(no subject)'}
        </Text>
        <StatusBadge tracker={tracker} />
      </div>
      <Text className={styles.meta}>
        To {tracker.recipient || 'unknown recipient'}
        {reason ? ` · ${reason}` : ''} · Prepared <TimeAgo iso={tracker.createdAt} now={now} />
      </Text>
      <Text className={styles.meta}>
        {tracker.opens} {tracker.opens === 1 ? 'open' : 'opens'} · {tracker.clicks}{' '}
        {tracker.clicks === 1 ? 'click' : 'clicks'} · {tracker.machineOpens} automatic{' '}
        {tracker.machineOpens === 1 ? 'load' : 'loads'} not counted
      </Text>
      <Text className={styles.note}>{UNOPENED_NOTE}</Text>
      <Text as="h4" weight="semibold">
        Activity
      </Text>
      <ActivityList history={history} eventCount={tracker.eventCount ?? null} now={now} actions={actions} />
      <div className={styles.actions}>
        {deletion.kind === 'confirming' || deletion.kind === 'deleting' ? (
          <>
            <Text>
              Delete this tracker and its history? The reply you sent stays as it is; its opens are no longer
              recorded.
            </Text>
            <Button
              appearance="primary"
              onClick={actions.confirmDelete}
              disabled={deletion.kind === 'deleting'}
            >
              {deletion.kind === 'deleting' ? 'Deleting…' : 'Delete'}
            </Button>
            <Button
              onClick={actions.cancelDelete}
              disabled={deletion.kind === 'deleting'}
              // "Delete tracker" is gone; focus goes to the choice that loses nothing.
              autoFocus
            >
              Keep it
            </Button>
          </>
        ) : (
          <Button onClick={actions.askDelete}>Delete tracker</Button>
        )}
      </div>
      {deletion.kind === 'failed' && (
        <Text role="alert" className={styles.error}>
          Not deleted: {deletion.message}
        </Text>
      )}
    </article>
  );
}

interface ActivityListProps {
  history: EventHistory;
  eventCount: number | null;
  now: Date;
  actions: SentDeclinesActions;
}

/**
 * The activity, newest first, with "Show earlier activity" below it. Once a page arrives, keyboard focus
 * moves to its first (newest) row, so a screen reader reads on from there and Tab leads back to the button.
 */
function ActivityList({ history, eventCount, now, actions }: ActivityListProps) {
  const styles = useSentDeclinesStyles();
  const listRef = useRef<HTMLOListElement>(null);
  const events = [...history.events].reverse();
  const keys = rowKeys(events);
  const { pagesAdded, lastPageSize, older } = history;
  const total = events.length;
  useEffect(() => {
    if (pagesAdded === 0) return;
    const rows = listRef.current?.querySelectorAll<HTMLElement>(':scope > li');
    // An empty last page has no row of its own; the oldest row is where the list now ends.
    rows?.[Math.min(total - lastPageSize, total - 1)]?.focus();
    // Only when a page arrives: later live updates must not pull focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pagesAdded]);
  // "Show the latest activity" goes away once pressed; focus goes to the newest row it brought back.
  const focusNewest = useRef(false);
  useEffect(() => {
    if (!focusNewest.current) return;
    focusNewest.current = false;
    listRef.current?.querySelector<HTMLElement>(':scope > li')?.focus();
  });
  const shown = describeShownActivity(history, eventCount);
  return (
    <>
      {shown && (
        <Text className={styles.meta} id="tracker-activity-shown">
          {shown}
        </Text>
      )}
      {total === 0 ? (
        <Text>No activity yet: nobody has loaded the reply’s image or clicked its links.</Text>
      ) : (
        <ol
          ref={listRef}
          className={styles.events}
          aria-label="Activity, newest first"
          aria-describedby={shown ? 'tracker-activity-shown' : undefined}
          aria-busy={older.status === 'loading'}
        >
          {events.map((event, index) => {
            const description = describeTrackerEvent(event);
            return (
              <li
                key={keys[index]}
                className={description.counted ? styles.event : mergeClasses(styles.event, styles.notCounted)}
                tabIndex={-1}
              >
                <TimeAgo iso={event.at} now={now} />: {description.text}
              </li>
            );
          })}
        </ol>
      )}
      {history.newerNotShown && (
        <div className={styles.actions}>
          <Text>
            New activity arrived faster than this list can follow with earlier activity loaded; the counts
            above include it.
          </Text>
          <Button
            onClick={() => {
              focusNewest.current = true;
              actions.showLatestEvents();
            }}
          >
            Show the latest activity
          </Button>
        </div>
      )}
      {older.status === 'failed' && (
        <Text role="alert" className={styles.error}>
          Couldn’t load earlier activity. {older.message}
        </Text>
      )}
      {history.olderCursor !== null && (
        <Button
          className={styles.olderButton}
          onClick={actions.loadOlderEvents}
          // Focusable while loading, so keyboard focus stays on the button rather than falling to the page.
          disabledFocusable={older.status === 'loading'}
        >
          {older.status === 'loading'
            ? 'Loading earlier activity…'
            : older.status === 'failed'
              ? 'Try again'
              : 'Show earlier activity'}
        </Button>
      )}
      <Text role="status" className={styles.visuallyHidden}>
        {older.status === 'loading'
          ? 'Loading earlier activity…'
          : pagesAdded > 0 && older.status === 'idle'
            ? `Added ${countOf(lastPageSize, 'earlier event', 'earlier events')} at the end of the list.`
            : ''}
      </Text>
    </>
  );
}

/**
 * Keys from what each event says (and how many identical ones are newer), so rows keep their identity, and
 * keyboard focus, when a page is added below them or a live event above them.
 */
function rowKeys(newestFirst: TrackerEvent[]): string[] {
  const seen = new Map<string, number>();
  return newestFirst.map((event) => {
    const content = `${event.at}|${event.kind}|${event.source}|${event.client ?? ''}`;
    const repeat = seen.get(content) ?? 0;
    seen.set(content, repeat + 1);
    return `${content}#${repeat}`;
  });
}
