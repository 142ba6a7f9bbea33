/**
 * Wording for a failed request in the Tracked declines view: the tracker client's own message, except that a
 * rate limit says when to try again (from `Retry-After` or `X-RateLimit-Reset`, when the tracker sent them).
 * Pure; `now` is passed in.
 */
import { isTrackerClientError } from '../tracker-client/tracker-client';

export function describeLoadError(error: unknown, now: Date): string {
  if (!isTrackerClientError(error)) return error instanceof Error ? error.message : String(error);
  if (error.kind !== 'rate-limited') return error.message;
  const when = error.resetAt ? describeWait(error.resetAt, now) : 'in a minute';
  return `The tracker is limiting requests from this connection. Try again ${when}.`;
}

function describeWait(resetAt: Date, now: Date): string {
  const seconds = Math.ceil((resetAt.getTime() - now.getTime()) / 1000);
  if (seconds <= 1) return 'now';
  if (seconds < 60) return `in ${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'in a minute' : `in ${minutes} minutes`;
  const time = resetAt.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `after ${time}`;
}
