import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
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

const LIVE_TEXT: Record<LiveConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Not updating live',
};

/** Render-only: the list of tracked declines, or the detail of one. */
export function SentDeclinesView({ model, reasonLabel }: SentDeclinesViewProps) {
  const styles = useSentDeclinesStyles();
  const { state, now, actions } = model;
  // The row whose detail was opened: back on the list, keyboard focus returns to it.
  const [openedId, setOpenedId] = useState<string | null>(null);
  return (
    <section className={styles.root} aria-labelledby="sent-declines-heading">
      <div className={styles.header}>
        <Text as="h2" id="sent-declines-heading" size={500} weight="semibold">
          Sent declines
        </Text>
        {!(state.list.status === 'ready' && state.list.trackers.length === 0) && (
          <Text className={styles.live} size={200} aria-label={`Live updates: ${LIVE_TEXT[state.live]}`}>
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
          focusId={openedId}
          onOpen={(id) => {
            setOpenedId(id);
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
        <LoadingIndicator label="Loading your sent declines…" />
      </div>
    );
  }
  if (list.status === 'failed') {
    return (
      <div className={styles.state} role="alert">
        <Text weight="semibold">Couldn’t load your sent declines.</Text>
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
        Sent <TimeAgo iso={tracker.createdAt} now={now} />
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
