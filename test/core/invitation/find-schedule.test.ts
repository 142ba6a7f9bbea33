import { describe, expect, it } from 'vitest';
import { findSchedule } from '../../../src/core/invitation/find-schedule';
import { meetingStartLabel } from '../../../src/core/invitation/meeting-start-label';
import { englishSignals } from '../../../src/core/invitation/signals/en';

const timesIn = (text: string): string[] => findSchedule('', text, null, englishSignals).proposedTimes;

describe('findSchedule: proposed times as people write them', () => {
  it.each([
    ['Could you do Tue 14th, 10:00-10:30?', ['Tue 14th, 10:00-10:30']],
    ['Would 2pm EST suit you?', ['2pm EST']],
    ['Are you free at 3 or 4pm tomorrow?', ['3 or 4pm']],
    ['We could talk at 14:00 or 15:30 on Thursday.', ['14:00', '15:30']],
    ['The call is at 10am (GMT+1), on Teams.', ['10am (GMT+1)']],
    ['How about Monday 9.30am?', ['Monday 9.30am']],
    ['Shall we say between 2 and 3pm?', ['2 and 3pm']],
    ['Any slot from 9-11am works.', ['9-11am']],
  ])('%s', (text, expected) => {
    expect(timesIn(text)).toEqual(expected);
  });

  it('never takes the next word for a time zone (the "14:00 or; Wednesday" cut)', () => {
    expect(
      timesIn('Would Tuesday 8 December at 14:00 or Wednesday 9 December at 10:30 (UK time) work for you?'),
    ).toEqual(['Tuesday 8 December at 14:00', 'Wednesday 9 December at 10:30 (UK time)']);
    expect(timesIn('We meet at 10am at the office.')).toEqual(['10am']);
    expect(timesIn('Call me at 3pm est or later.')).toEqual(['3pm']);
    expect(timesIn('Anything after 4pm any time that week.')).toEqual(['4pm']);
    expect(timesIn('Either 11:00 AND 12:00 is fine.')).toEqual(['11:00', '12:00']);
  });

  it('keeps real zones as written: abbreviations in capitals, offsets, and named zones before "time"', () => {
    expect(timesIn('Thursday at 4pm CET works.')).toEqual(['Thursday at 4pm CET']);
    expect(timesIn('Is 9:00 PT too early?')).toEqual(['9:00 PT']);
    expect(timesIn('Say 1pm UTC+2 then.')).toEqual(['1pm UTC+2']);
    expect(timesIn('I can do 11am Eastern Time.')).toEqual(['11am Eastern Time']);
    expect(timesIn('Or 17:00 local time if easier.')).toEqual(['17:00 local time']);
    expect(timesIn('Call between 8:00 a.m. and 4:30 p.m. Pacific, Monday to Friday.')).toEqual([
      '8:00 a.m.',
      '4:30 p.m. Pacific',
    ]);
    // An unknown capitalised word is not a zone, and a closing parenthesis stays outside the quote.
    expect(timesIn('Meet 10:00 OR 11:00.')).toEqual(['10:00', '11:00']);
    expect(timesIn('Lunch is at 12:30 This time we eat in.')).toEqual(['12:30']);
    expect(timesIn('(we are free 2pm EST)')).toEqual(['2pm EST']);
  });

  it('starts the next time right after a rejected zone word', () => {
    expect(timesIn('Is 2pm Mon 3rd March or 10am Tue 4th March better?')).toEqual([
      '2pm',
      'Mon 3rd March',
      '10am',
      'Tue 4th March',
    ]);
  });

  it('puts a meeting request’s own start first, then the times in the text', () => {
    const { proposedTimes } = findSchedule(
      'Interview',
      'If this slot does not suit, 3pm Friday works too.',
      {
        start: new Date('2027-01-12T14:00:00Z'),
        end: new Date('2027-01-12T14:45:00Z'),
        location: 'Teams',
      },
      englishSignals,
    );
    expect(proposedTimes).toEqual(['2027-01-12 14:00–14:45 UTC', '3pm']);
  });
});

describe('findSchedule: what is not a time, or not part of one', () => {
  it('reads no time out of a meeting link, and leaves a sentence’s full stop out of the quote', () => {
    expect(timesIn('Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZTk3NmY4YjMt')).toEqual([]);
    expect(timesIn('Please reply by 10 December. Thanks!')).toEqual(['10 December']);
    expect(timesIn('Is Tues. 9 Sept. at 9 p.m. ok?')).toEqual(['Tues. 9 Sept. at 9 p.m.']);
    expect(timesIn('Time: 9h00 AM, Friday 21/11/2025')).toEqual(['9h00 AM', 'Friday 21/11/2025']);
    expect(timesIn('Starts 20 June. Bring ID.')).toEqual(['20 June']);
    // A one-to-one on an agenda is not the end of a time range.
    expect(timesIn('9:30 – 1:1 with Dev\n10:30 – Design review')).toEqual(['9:30', '10:30']);
    expect(timesIn('Core hours 10:00-16 on site.')).toEqual(['10:00-16']);
  });
});

describe('meetingStartLabel', () => {
  it('names the meeting’s time in UTC, with the end when it is later, and nothing for an invalid start', () => {
    const start = new Date('2027-01-12T14:00:00Z');
    expect(meetingStartLabel(start, new Date('2027-01-12T14:45:00Z'))).toBe('2027-01-12 14:00–14:45 UTC');
    expect(meetingStartLabel(start, new Date('2027-01-12T13:00:00Z'))).toBe('2027-01-12 14:00 UTC');
    expect(meetingStartLabel(start, null)).toBe('2027-01-12 14:00 UTC');
    expect(meetingStartLabel(new Date(Number.NaN), null)).toBeNull();
    expect(meetingStartLabel('2027-01-12', null)).toBeNull();
  });
});
