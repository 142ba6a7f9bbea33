import { Badge, makeStyles } from '@fluentui/react-components';
import type { TrackerSummary } from '../../core/tracking/api-contract';
import { statusLabel } from './describe-tracker-event';

const COLORS = { unopened: 'informative', opened: 'success', reopened: 'brand' } as const;

// Beside a long subject the badge would shrink below its text and clip "Unopened"; it keeps its width.
const useStyles = makeStyles({ badge: { flexShrink: 0, whiteSpace: 'nowrap' } });

export function StatusBadge({ tracker }: { tracker: Pick<TrackerSummary, 'status' | 'opens'> }) {
  const styles = useStyles();
  return (
    <Badge
      appearance="tint"
      color={COLORS[tracker.status]}
      className={styles.badge}
      data-status={tracker.status}
    >
      {statusLabel(tracker)}
    </Badge>
  );
}
