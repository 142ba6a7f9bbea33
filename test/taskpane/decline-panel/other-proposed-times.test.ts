import { describe, expect, it } from 'vitest';
import { otherProposedTimes } from '../../../src/taskpane/decline-panel/other-proposed-times';

describe('otherProposedTimes', () => {
  const meeting = {
    start: new Date('2027-01-12T14:00:00Z'),
    end: new Date('2027-01-12T14:45:00Z'),
    location: 'Teams',
  };

  it('leaves out the meeting request’s own time, which the Meeting line shows in local time', () => {
    expect(otherProposedTimes(['2027-01-12 14:00–14:45 UTC', 'Friday 3pm'], meeting)).toEqual(['Friday 3pm']);
  });

  it('keeps every time of an ordinary email, and a text time that only resembles the meeting’s', () => {
    expect(otherProposedTimes(['2027-01-12 14:00–14:45 UTC', 'Friday 3pm'], null)).toEqual([
      '2027-01-12 14:00–14:45 UTC',
      'Friday 3pm',
    ]);
    expect(otherProposedTimes(['2027-01-12 14:00 UTC'], meeting)).toEqual(['2027-01-12 14:00 UTC']);
  });
});
