import { Button, Text } from '@fluentui/react-components';
import { LoadingIndicator } from '../app/LoadingIndicator';
import type { DetailState } from './sent-declines-state';
import { UNOPENED_NOTE, describeTrackerEvent } from './describe-tracker-event';
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
  const { tracker, deletion } = detail;
  const reason = reasonLabel(tracker.template);
  const events = [...tracker.events].reverse();
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
      {events.length === 0 ? (
        <Text>No activity yet: nobody has loaded the reply’s image or clicked its links.</Text>
      ) : (
        <ol className={styles.events} aria-label="Activity, newest first">
          {events.map((event, index) => {
            const description = describeTrackerEvent(event);
            return (
              <li
                key={`${event.at}-${index}`}
                className={description.counted ? undefined : styles.notCounted}
              >
                <TimeAgo iso={event.at} now={now} />: {description.text}
              </li>
            );
          })}
        </ol>
      )}
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
