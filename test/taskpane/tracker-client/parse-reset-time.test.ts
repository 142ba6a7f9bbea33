import { describe, expect, it } from 'vitest';
import { parseResetTime } from '../../../src/taskpane/tracker-client/parse-reset-time';

const now = new Date('2026-11-27T12:00:00.000Z');

describe('parseResetTime', () => {
  it('prefers a time quoted in the message', () => {
    const at = parseResetTime({
      message: 'Quota resets at 2026-12-01T00:00:00Z',
      retryAfter: '5',
      rateLimitReset: null,
      now,
    });
    expect(at?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('reads Retry-After as an HTTP date', () => {
    const at = parseResetTime({
      message: '',
      retryAfter: 'Tue, 01 Dec 2026 00:00:00 GMT',
      rateLimitReset: null,
      now,
    });
    expect(at?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('reads X-RateLimit-Reset as seconds from now', () => {
    const at = parseResetTime({
      message: 'Rate limit exceeded',
      retryAfter: null,
      rateLimitReset: '42',
      now,
    });
    expect(at?.toISOString()).toBe('2026-11-27T12:00:42.000Z');
  });

  it('returns null rather than a guess', () => {
    expect(
      parseResetTime({ message: 'slow down', retryAfter: 'soon', rateLimitReset: null, now }),
    ).toBeNull();
  });
});
