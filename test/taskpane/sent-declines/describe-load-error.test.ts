import { describe, expect, it } from 'vitest';
import { describeLoadError } from '../../../src/taskpane/sent-declines/describe-load-error';
import { TrackerClientError } from '../../../src/taskpane/tracker-client/tracker-client';

const now = new Date('2026-11-27T12:00:00.000Z');
const limited = (resetAt: Date | null) =>
  new TrackerClientError('rate-limited', 'Rate limit exceeded, retry in 1 minute', { status: 429, resetAt });

describe('describeLoadError', () => {
  it('says when a rate limit lets the user try again', () => {
    expect(describeLoadError(limited(new Date('2026-11-27T12:00:42.000Z')), now)).toBe(
      'The tracker is limiting requests from this connection. Try again in 42 seconds.',
    );
    expect(describeLoadError(limited(new Date('2026-11-27T12:04:10.000Z')), now)).toBe(
      'The tracker is limiting requests from this connection. Try again in 5 minutes.',
    );
    expect(describeLoadError(limited(new Date('2026-11-27T12:00:00.500Z')), now)).toMatch(/Try again now\.$/);
  });

  it('names the clock time for a long wait', () => {
    const resetAt = new Date('2026-11-27T15:30:00.000Z');
    const time = resetAt.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    expect(describeLoadError(limited(resetAt), now)).toBe(
      `The tracker is limiting requests from this connection. Try again after ${time}.`,
    );
  });

  it('falls back to a minute when the tracker did not say', () => {
    expect(describeLoadError(limited(null), now)).toMatch(/Try again in a minute\.$/);
  });

  it('passes other errors’ words through', () => {
    expect(describeLoadError(new TrackerClientError('timeout', 'No answer within 10 s.'), now)).toBe(
      'No answer within 10 s.',
    );
    expect(describeLoadError(new Error('boom'), now)).toBe('boom');
  });
});
