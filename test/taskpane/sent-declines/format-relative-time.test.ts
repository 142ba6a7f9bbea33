import { describe, expect, it } from 'vitest';
import {
  formatExactTime,
  formatRelativeTime,
} from '../../../src/taskpane/sent-declines/format-relative-time';

const now = new Date('2026-11-27T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [44_000, 'just now'],
    [-90_000, 'just now'],
    [50_000, '1 minute ago'],
    [5 * MIN, '5 minutes ago'],
    [59 * MIN, '59 minutes ago'],
    [60 * MIN, '1 hour ago'],
    [23 * 60 * MIN, '23 hours ago'],
    [25 * 60 * MIN, 'yesterday'],
    [3 * 24 * 60 * MIN, '3 days ago'],
    [14 * 24 * 60 * MIN, '2 weeks ago'],
    [65 * 24 * 60 * MIN, '2 months ago'],
    [800 * 24 * 60 * MIN, '2 years ago'],
  ])('%i ms before now reads "%s"', (elapsed, text) => {
    expect(formatRelativeTime(ago(elapsed), now)).toBe(text);
  });

  it('does not pretend a time far in the future is now', () => {
    expect(formatRelativeTime(new Date(now.getTime() + 60 * MIN), now)).toBe('in the future');
  });
});

describe('formatExactTime', () => {
  it('gives the date and time to the second', () => {
    // Punctuation varies between ICU versions; the parts a reader needs do not.
    const text = formatExactTime(new Date('2026-11-27T14:05:09Z'), 'en-GB', 'UTC');
    expect(text).toMatch(/^Fri,? 27 Nov 2026,? 14:05:09$/);
  });
});
