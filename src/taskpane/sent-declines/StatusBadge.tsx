import { Badge } from '@fluentui/react-components';
import type { TrackerSummary } from '../../core/tracking/api-contract';
import { statusLabel } from './describe-tracker-event';

const COLORS = { unopened: 'informative', opened: 'success', reopened: 'brand' } as const;

export function StatusBadge({ tracker }: { tracker: Pick<TrackerSummary, 'status' | 'opens'> }) {
  return (
    <Badge appearance="tint" color={COLORS[tracker.status]} data-status={tracker.status}>
      {statusLabel(tracker)}
    </Badge>
  );
}
