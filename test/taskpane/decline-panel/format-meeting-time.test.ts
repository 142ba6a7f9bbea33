import { describe, expect, it } from 'vitest';
import { formatMeetingTime } from '../../../src/taskpane/decline-panel/format-meeting-time';
import { replySubject } from '../../../src/taskpane/decline-panel/reply-subject';

describe('formatMeetingTime', () => {
  const start = new Date('2027-01-12T14:00:00Z');
  const end = new Date('2027-01-12T14:45:00Z');

  it('gives one date and a time range for a same-day meeting, in the user’s zone, named, with the location', () => {
    expect(formatMeetingTime({ start, end, location: 'Teams' }, 'en-GB', 'Europe/London')).toBe(
      'Tue, 12 Jan 2027, 14:00–14:45 GMT · Teams',
    );
    expect(formatMeetingTime({ start, end, location: 'Teams' }, 'en-GB', 'Europe/Berlin')).toBe(
      'Tue, 12 Jan 2027, 15:00–15:45 CET · Teams',
    );
  });

  it('spells out both days when the meeting crosses midnight where the user is, and omits a missing location', () => {
    const late = new Date('2027-01-13T01:00:00Z');
    expect(formatMeetingTime({ start, end: late, location: null }, 'en-GB', 'Europe/London')).toBe(
      'Tue, 12 Jan 2027, 14:00 – Wed, 13 Jan 2027, 01:00 GMT',
    );
    // The same meeting, seen from New York, ends the same day.
    expect(formatMeetingTime({ start, end: late, location: null }, 'en-US', 'America/New_York')).toBe(
      'Tue, Jan 12, 2027, 09:00 AM–08:00 PM EST',
    );
  });

  it('returns null without a valid start, and shows the start alone when the end is missing or invalid', () => {
    expect(formatMeetingTime({ start: null, end, location: 'Teams' })).toBeNull();
    expect(formatMeetingTime({ start: new Date(Number.NaN), end, location: 'Teams' })).toBeNull();
    expect(
      formatMeetingTime({ start, end: new Date(Number.NaN), location: null }, 'en-GB', 'Europe/London'),
    ).toBe('Tue, 12 Jan 2027, 14:00 GMT');
  });
});

describe('replySubject', () => {
  it.each([
    ['Interview', 'RE: Interview'],
    ['Re: Interview', 'Re: Interview'],
    ['  ', 'RE:'],
    [null, 'RE:'],
  ])('%j → %j', (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
  });
});
