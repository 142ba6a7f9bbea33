import { describe, expect, it } from 'vitest';
import {
  describeLiveHit,
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
