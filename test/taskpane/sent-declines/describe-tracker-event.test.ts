import { describe, expect, it } from 'vitest';
import {
  describeLiveHit,
  describeShownActivity,
  describeTrackerEvent,
  statusLabel,
} from '../../../src/taskpane/sent-declines/describe-tracker-event';

describe('statusLabel', () => {
  it('names the three statuses, with the open count when reopened', () => {
    expect(statusLabel({ status: 'unopened', opens: 0 })).toBe('Unopened');
    expect(statusLabel({ status: 'opened', opens: 1 })).toBe('Opened');
    expect(statusLabel({ status: 'reopened', opens: 3 })).toBe('Reopened (3)');
  });
});

describe('describeTrackerEvent', () => {
  it('explains a Gmail open through Google’s proxy', () => {
    expect(describeTrackerEvent({ kind: 'open', source: 'proxy', client: 'Gmail' })).toEqual({
      text: "Opened, Gmail (through Google's image proxy)",
      counted: true,
    });
  });

  it('says an Apple Mail Privacy Protection preload may not be a read', () => {
    expect(describeTrackerEvent({ kind: 'open', source: 'apple-mpp', client: 'Apple Mail' })).toEqual({
      text: 'Preloaded by Apple Mail Privacy Protection: may not mean it was read',
      counted: false,
    });
  });

  it('marks the sender’s own copy as not counted', () => {
    expect(describeTrackerEvent({ kind: 'open', source: 'self', client: 'Chrome' })).toEqual({
      text: 'Your own copy, not counted',
      counted: false,
    });
  });

  it.each([
    [{ kind: 'open', source: 'human', client: 'Outlook' }, 'Opened, Outlook', true],
    [{ kind: 'open', source: 'human' }, 'Opened', true],
    [{ kind: 'click', source: 'human', client: 'Firefox' }, 'Link clicked, Firefox', true],
    [
      { kind: 'open', source: 'proxy', client: 'Yahoo Mail' },
      "Opened, Yahoo Mail (through Yahoo's image proxy)",
      true,
    ],
    [{ kind: 'open', source: 'proxy' }, "Opened (through a mail provider's image proxy)", true],
    [
      { kind: 'open', source: 'prefetch' },
      'Fetched automatically by a mail server soon after delivery: not counted',
      false,
    ],
    [{ kind: 'click', source: 'scanner' }, 'Link checked by a security scanner: not counted', false],
  ] as const)('%o reads "%s"', (event, text, counted) => {
    expect(describeTrackerEvent(event)).toEqual({ text, counted });
  });
});

describe('describeLiveHit', () => {
  const tracker = {
    subject: 'RE: Interview',
    recipient: 'ana@corp.example',
    status: 'opened',
    opens: 1,
  } as const;

  it('announces a first open, and a reopen with the count, in one plain sentence', () => {
    expect(describeLiveHit({ kind: 'open', source: 'human' }, tracker)).toBe(
      '“RE: Interview” was opened by ana@corp.example.',
    );
    expect(
      describeLiveHit({ kind: 'open', source: 'proxy' }, { ...tracker, status: 'reopened', opens: 3 }),
    ).toBe('“RE: Interview” was opened again by ana@corp.example: 3 opens so far.');
  });

  it('stays quiet for machine and own loads', () => {
    expect(describeLiveHit({ kind: 'open', source: 'scanner' }, tracker)).toBeNull();
    expect(describeLiveHit({ kind: 'open', source: 'self' }, tracker)).toBeNull();
  });
});

describe('describeShownActivity', () => {
  const events = (n: number) =>
    Array.from({ length: n }, () => ({
      at: '2026-11-27T10:00:00.000Z',
      kind: 'open' as const,
      source: 'human' as const,
    }));

  it('says how much of a long history is shown while older pages remain', () => {
    expect(
      describeShownActivity({ events: events(100), olderCursor: 'c', newerNotShown: false }, 5_000),
    ).toBe('Showing the latest 100 of 5,000 events.');
  });

  it('drops “latest” once the list has stopped following new events', () => {
    expect(describeShownActivity({ events: events(300), olderCursor: 'c', newerNotShown: true }, 9_000)).toBe(
      'Showing 300 of 9,000 events.',
    );
  });

  it('says nothing when everything is shown, or the server does not count', () => {
    expect(
      describeShownActivity({ events: events(3), olderCursor: null, newerNotShown: false }, 3),
    ).toBeNull();
    expect(
      describeShownActivity({ events: events(100), olderCursor: null, newerNotShown: false }, null),
    ).toBeNull();
  });

  it('explains, at the end of the kept events, that the rest were counted but not kept', () => {
    expect(
      describeShownActivity({ events: events(2_500), olderCursor: null, newerNotShown: false }, 30_000),
    ).toBe(
      'Showing the 2,500 events kept in detail. All 30,000 were counted; only a tracker’s first and latest events are kept.',
    );
  });
});
