import { formatExactTime, formatRelativeTime } from './format-relative-time';

/** A relative time ("5 minutes ago") with the exact time on hover and in the markup. */
export function TimeAgo({ iso, now }: { iso: string; now: Date }) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return <span>unknown time</span>;
  return (
    <time dateTime={iso} title={formatExactTime(at)}>
      {formatRelativeTime(at, now)}
    </time>
  );
}
