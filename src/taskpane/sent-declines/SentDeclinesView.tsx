import { Button, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { LoadingIndicator } from '../app/LoadingIndicator';
import type { TrackerSummary } from '../../core/tracking/api-contract';
import type { LiveConnectionState } from '../tracker-client/tracker-client';
import { UNOPENED_NOTE } from './describe-tracker-event';
import { StatusBadge } from './StatusBadge';
import { TimeAgo } from './TimeAgo';
import { TrackerDetailView } from './TrackerDetailView';
import type { SentDeclinesModel } from './useSentDeclines';
import { useSentDeclinesStyles } from './useSentDeclinesStyles';

export interface SentDeclinesViewProps {
  model: SentDeclinesModel;
  /** The decline reason's label for a tracker's template id, or null when unknown. */
  reasonLabel(template: string | null): string | null;
}

// Visible words that make sense on their own, in a status region, so a screen reader hears the change too.
const LIVE_TEXT: Record<LiveConnectionState, string> = {
  connecting: 'Connecting for live updates…',
  live: 'Updating live',
  reconnecting: 'Reconnecting for live updates…',
  closed: 'Not updating live',
};

// The tracker is created as Politely opens the reply form, so Politely cannot know the reply was sent.
const LISTED_NOTE =
  'A decline is listed when Politely opens its reply form, before you press Send: one you discarded stays “Unopened”, and you can delete it.';

/** Render-only: the list of tracked declines, or the detail of one. */
export function SentDeclinesView({ model, reasonLabel }: SentDeclinesViewProps) {
  const styles = useSentDeclinesStyles();
  const { state, now, actions } = model;
  // The row whose detail was opened, and its neighbours: back on the list, keyboard focus returns to that
  // row, or, once it is deleted, to the row that took its place, else the one before it, else the heading.
  const [opened, setOpened] = useState<{ id: string; fallbacks: string[] } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listShown = state.detail.status === 'closed';
  const trackers = state.list.status === 'ready' ? state.list.trackers : null;
  const focusId =
    opened && trackers
      ? ([opened.id, ...opened.fallbacks].find((id) => trackers.some((tracker) => tracker.id === id)) ?? null)
      : null;
  // Rows take focus as they mount (autoFocus); the heading, once, on the way back, and never later when a
  // live update changes the list under the user.
  const returning = useRef(false);
  useEffect(() => {
    if (!listShown) returning.current = true;
    else if (returning.current && trackers) {
      returning.current = false;
      if (focusId === null) headingRef.current?.focus();
    }
  }, [listShown, trackers, focusId]);
  return (
    <section className={styles.root} aria-labelledby="sent-declines-heading">
      <div className={styles.header}>
        <Text as="h2" id="sent-declines-heading" size={500} weight="semibold" ref={headingRef} tabIndex={-1}>
          Tracked declines
        </Text>
        {!(state.list.status === 'ready' && state.list.trackers.length === 0) && (
          <Text role="status" className={styles.live} size={200}>
            {LIVE_TEXT[state.live]}
          </Text>
        )}
      </div>
      <div role="status" aria-live="polite">
        {state.notice && (
          <div className={styles.notice}>
            <Text>{state.notice.text}</Text>
            <Button size="small" appearance="transparent" onClick={actions.dismissNotice}>
              Dismiss
            </Button>
          </div>
        )}
        {state.lastDeleted && state.detail.status === 'closed' && (
          <Text className={styles.note}>Deleted “{state.lastDeleted}”.</Text>
        )}
      </div>
      {state.detail.status === 'closed' ? (
        <TrackerList
          model={model}
          reasonLabel={reasonLabel}
          focusId={focusId}
          onOpen={(id) => {
            const index = trackers?.findIndex((tracker) => tracker.id === id) ?? -1;
            const fallbacks = [trackers?.[index + 1]?.id, trackers?.[index - 1]?.id];
            setOpened({ id, fallbacks: fallbacks.filter((other) => other !== undefined) });
            actions.openDetail(id);
          }}
        />
      ) : (
        <TrackerDetailView detail={state.detail} now={now} actions={actions} reasonLabel={reasonLabel} />
      )}
    </section>
  );
}

function TrackerList({
  model,
  reasonLabel,
  focusId,
  onOpen,
}: SentDeclinesViewProps & { focusId: string | null; onOpen(id: string): void }) {
  const styles = useSentDeclinesStyles();
  const { state, now, actions } = model;
  const list = state.list;
  if (list.status === 'loading') {
    return (
      <div className={styles.state}>
        <LoadingIndicator label="Loading your tracked declines…" />
      </div>
    );
  }
  if (list.status === 'failed') {
    return (
      <div className={styles.state} role="alert">
        <Text weight="semibold">Couldn’t load your tracked declines.</Text>
        <Text className={styles.error}>{list.message}</Text>
        <Button onClick={actions.reload}>Try again</Button>
      </div>
    );
  }
  if (list.trackers.length === 0) {
    return (
      <div className={styles.state}>
        <Text weight="semibold">No tracked declines yet.</Text>
        <Text>
          When you open a reply with “Track when my reply is opened” switched on, it is listed here, and this
          view shows when the recipient opens it.
        </Text>
      </div>
    );
  }
  return (
    <>
      <ul className={styles.list} aria-label="Tracked declines, newest first">
        {list.trackers.map((tracker) => (
          <li key={tracker.id}>
            <TrackerRow
              tracker={tracker}
              now={now}
              reason={reasonLabel(tracker.template)}
              onOpen={onOpen}
              autoFocus={tracker.id === focusId}
            />
          </li>
        ))}
      </ul>
      {list.nextCursor && (
        <Button onClick={actions.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? 'Loading…' : 'Show older declines'}
        </Button>
      )}
      {list.moreError && (
        <Text role="alert" className={styles.error}>
          {list.moreError}
        </Text>
      )}
      <Text className={styles.note}>{LISTED_NOTE}</Text>
      <Text className={styles.note}>{UNOPENED_NOTE}</Text>
    </>
  );
}

interface TrackerRowProps {
  tracker: TrackerSummary;
  now: Date;
  reason: string | null;
  onOpen(id: string): void;
  autoFocus: boolean;
}

function TrackerRow({ tracker, now, reason, onOpen, autoFocus }: TrackerRowProps) {
  const styles = useSentDeclinesStyles();
  const subject = tracker.subject || '(no subject)';
  return (
    <button
      type="button"
      className={styles.row}
      data-tracker-id={tracker.id}
      autoFocus={autoFocus}
      onClick={() => onOpen(tracker.id)}
    >
      <span className={styles.rowTop}>
        <span className={styles.subject}>{subject}</span>
        <StatusBadge tracker={tracker} />
      </span>
      <span className={styles.meta}>
        To {tracker.recipient || 'unknown recipient'}
        {reason ? ` · ${reason}` : ''}
      </span>
      <span className={styles.meta}>
        Prepared <TimeAgo iso={tracker.createdAt} now={now} />
        {tracker.firstOpenedAt && (
          <>
            {' · First opened '}
            <TimeAgo iso={tracker.firstOpenedAt} now={now} />
          </>
        )}
        {tracker.lastOpenedAt && tracker.lastOpenedAt !== tracker.firstOpenedAt && (
          <>
            {' · Last opened '}
            <TimeAgo iso={tracker.lastOpenedAt} now={now} />
          </>
        )}
        {tracker.clicks > 0 && ` · ${tracker.clicks} ${tracker.clicks === 1 ? 'click' : 'clicks'}`}
      </span>
    </button>
  );
}
