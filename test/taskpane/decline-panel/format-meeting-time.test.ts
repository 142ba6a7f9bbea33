import { describe, expect, it } from 'vitest';
import { formatMeetingTime } from '../../../src/taskpane/decline-panel/format-meeting-time';
import { replySubject } from '../../../src/taskpane/decline-panel/reply-subject';

describe('formatMeetingTime', () => {
  const start = new Date(2027, 0, 12, 14, 0);
  const end = new Date(2027, 0, 12, 14, 45);

  it('gives one date and a time range for a same-day meeting, with the location', () => {
    expect(formatMeetingTime({ start, end, location: 'Teams' }, 'en-GB')).toBe(
      'Tue, 12 Jan 2027, 14:00–14:45 · Teams',
    );
  });

  it('spells out both days when the meeting crosses midnight, and omits a missing location', () => {
    const late = new Date(2027, 0, 13, 1, 0);
    expect(formatMeetingTime({ start, end: late, location: null }, 'en-GB')).toBe(
      'Tue, 12 Jan 2027, 14:00 – Wed, 13 Jan 2027, 01:00',
    );
  });

  it('returns null without a start', () => {
    expect(formatMeetingTime({ start: null, end, location: 'Teams' })).toBeNull();
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
