import { describe, expect, it } from 'vitest';
import type { TrackerDetail, TrackerEvent } from '../../../src/core/tracking/api-contract';
import {
  initialSentDeclinesState,
  sentDeclinesReducer,
  type SentDeclinesAction,
  type SentDeclinesState,
} from '../../../src/taskpane/sent-declines/sent-declines-state';
import { trackerDetail } from './fake-tracker-client';

/** Event n happened n minutes after 10:00; the source tells them apart in assertions. */
const event = (n: number): TrackerEvent => ({
  at: new Date(Date.UTC(2026, 10, 27, 10, n)).toISOString(),
  kind: 'open',
  source: 'scanner',
  client: `c${n}`,
});
const range = (from: number, to: number): TrackerEvent[] =>
  Array.from({ length: to - from + 1 }, (_, i) => event(from + i));
const numbers = (events: TrackerEvent[]) => events.map((e) => Number(e.client?.slice(1)));

/** A tracker with `count` events numbered 1..count, of which the server sends the latest `window`. */
function flooded(count: number, window = 3): TrackerDetail {
  return trackerDetail({
    id: 't1',
    events: range(count - window + 1, count),
    eventCount: count,
    olderEventsCursor: `before-${count - window + 1}`,
  });
}

function run(actions: SentDeclinesAction[], from: SentDeclinesState = initialSentDeclinesState) {
  return actions.reduce(sentDeclinesReducer, from);
}

function history(state: SentDeclinesState) {
  if (state.detail.status !== 'ready') throw new Error(`detail is ${state.detail.status}`);
  return state.detail.history;
}

const opened = (tracker: TrackerDetail): SentDeclinesAction[] => [
  { type: 'detail-opened', id: tracker.id },
  { type: 'detail-loaded', tracker },
];
const olderPage = (
  cursor: string,
  from: number,
  to: number,
  nextCursor: string | null,
): SentDeclinesAction => ({
  type: 'older-loaded',
  id: 't1',
  cursor,
  page: { events: range(from, to), nextCursor },
});

describe('the open tracker’s activity', () => {
  it('adds older pages below what is shown, until the oldest kept event', () => {
    const state = run([
      ...opened(flooded(10)),
      { type: 'older-loading', id: 't1' },
      olderPage('before-8', 5, 7, 'before-5'),
      { type: 'older-loading', id: 't1' },
      olderPage('before-5', 1, 4, null),
    ]);
    expect(numbers(history(state).events)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(history(state).olderCursor).toBeNull();
    expect(history(state)).toMatchObject({ pagesAdded: 2, lastPageSize: 4, older: { status: 'idle' } });
  });

  it('keeps everything shown when a page fails, and loads the same page on the next try', () => {
    const loaded = run([
      ...opened(flooded(10)),
      { type: 'older-loading', id: 't1' },
      olderPage('before-8', 5, 7, 'before-5'),
      { type: 'older-loading', id: 't1' },
      { type: 'older-failed', id: 't1', message: 'The tracker did not answer within 10 s.' },
    ]);
    expect(numbers(history(loaded).events)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(history(loaded).older).toEqual({
      status: 'failed',
      message: 'The tracker did not answer within 10 s.',
    });
    expect(history(loaded).olderCursor).toBe('before-5');
    const retried = run([{ type: 'older-loading', id: 't1' }], loaded);
    expect(history(retried).older.status).toBe('loading');
  });

  it('before earlier activity is asked for, a refresh replaces the list with the latest events', () => {
    const state = run([...opened(flooded(10)), { type: 'tracker-updated', tracker: flooded(500) }]);
    expect(numbers(history(state).events)).toEqual([498, 499, 500]);
    expect(history(state).olderCursor).toBe('before-498');
  });

  it('after, a refresh adds just the new events and keeps the older pages', () => {
    const state = run([
      ...opened(flooded(10)),
      { type: 'older-loading', id: 't1' },
      olderPage('before-8', 5, 7, 'before-5'),
      { type: 'tracker-updated', tracker: flooded(12) },
    ]);
    expect(numbers(history(state).events)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(history(state).olderCursor).toBe('before-5');
    expect(history(state).newerNotShown).toBe(false);
  });

  it('places a late event by its time, and a refresh with nothing new changes nothing', () => {
    const late = { ...event(9), client: 'late' };
    const withLate = trackerDetail({
      id: 't1',
      events: [event(9), late, event(10)],
      eventCount: 11,
      olderEventsCursor: 'before-9',
    });
    const state = run([
      ...opened(flooded(10)),
      { type: 'older-loading', id: 't1' },
      { type: 'tracker-updated', tracker: withLate },
      { type: 'tracker-updated', tracker: withLate },
    ]);
    expect(history(state).events.map((e) => e.client)).toEqual(['c8', 'c9', 'late', 'c10']);
  });

  it('stops following, and says so, when a refresh brings more than it can place exactly', () => {
    const before = run([
      ...opened(flooded(10)),
      { type: 'older-loading', id: 't1' },
      olderPage('before-8', 5, 7, 'before-5'),
    ]);
    const state = run([{ type: 'tracker-updated', tracker: flooded(200) }], before);
    expect(numbers(history(state).events)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(history(state).newerNotShown).toBe(true);
    // The summary still follows: counts and status come from the latest read.
    expect(state.detail.status === 'ready' && state.detail.tracker.eventCount).toBe(200);

    const latest = run([{ type: 'latest-shown', id: 't1' }], state);
    expect(numbers(history(latest).events)).toEqual([198, 199, 200]);
    expect(history(latest)).toMatchObject({
      olderCursor: 'before-198',
      anchored: false,
      newerNotShown: false,
    });
  });

  it('ignores a page that arrives after the list was reset to the latest events', () => {
    const state = run([
      ...opened(flooded(10)),
      { type: 'older-loading', id: 't1' },
      { type: 'tracker-updated', tracker: flooded(200) },
      { type: 'latest-shown', id: 't1' },
      olderPage('before-8', 5, 7, 'before-5'),
    ]);
    expect(numbers(history(state).events)).toEqual([198, 199, 200]);
  });

  it('ignores a page for another tracker', () => {
    const state = run([
      ...opened(flooded(10)),
      { type: 'older-loading', id: 't1' },
      {
        type: 'older-loaded',
        id: 'other',
        cursor: 'before-8',
        page: { events: [event(1)], nextCursor: null },
      },
    ]);
    expect(numbers(history(state).events)).toEqual([8, 9, 10]);
    expect(history(state).older.status).toBe('loading');
  });

  it('has nothing to page through from a server that predates paging', () => {
    const old = trackerDetail({ id: 't1', events: range(1, 3) });
    const state = run([...opened(old), { type: 'older-loading', id: 't1' }]);
    expect(history(state)).toMatchObject({ olderCursor: null, eventCount: null, older: { status: 'idle' } });
  });
});
