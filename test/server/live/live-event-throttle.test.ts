import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveHit } from '../../../src/server/live/live-events';
import { createLiveEventThrottle } from '../../../src/server/live/live-event-throttle';

const event = (trackerId: string, n: number, kind: LiveHit['kind'] = 'open'): LiveHit => ({
  kind,
  trackerId,
  at: new Date(Date.UTC(2026, 10, 2, 10, 0, 0, n)).toISOString(),
  source: 'human',
});

describe('live event throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 2, 10) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp() {
    const sent: { accountId: string; event: LiveHit }[] = [];
    const throttle = createLiveEventThrottle({
      burst: 3,
      perSecond: 1,
      publish: (accountId, e) => sent.push({ accountId, event: e }),
    });
    return { sent, throttle };
  }

  it('passes a few events at once, in order, untouched', () => {
    const { sent, throttle } = setUp();
    [1, 2, 3].forEach((n) => throttle.offer('acct', event('t1', n)));
    expect(sent.map((s) => s.event)).toEqual([event('t1', 1), event('t1', 2), event('t1', 3)]);
  });

  it('holds a flood to about one event a second per tracker, ending on the latest of each kind', () => {
    const { sent, throttle } = setUp();
    for (let n = 1; n <= 1000; n++) throttle.offer('acct', event('t1', n, n === 500 ? 'click' : 'open'));
    throttle.offer('acct', event('t2', 1));
    // The burst of t1, then t2 unaffected by t1's flood.
    expect(sent.map((s) => `${s.event.trackerId}:${s.event.at.slice(20, 23)}`)).toEqual([
      't1:001',
      't1:002',
      't1:003',
      't2:001',
    ]);

    vi.advanceTimersByTime(1000);
    // One more slot: the latest open and the latest click that waited.
    expect(sent.slice(4).map((s) => s.event)).toEqual([event('t1', 1000), event('t1', 500, 'click')]);
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(6);
  });

  it('refills: after a quiet spell the tracker gets its burst again', () => {
    const { sent, throttle } = setUp();
    for (let n = 1; n <= 10; n++) throttle.offer('acct', event('t1', n));
    vi.advanceTimersByTime(10_000);
    const before = sent.length;
    [11, 12, 13].forEach((n) => throttle.offer('acct', event('t1', n)));
    expect(sent.length - before).toBe(3);
  });

  it('sends what waits at once when flushed (on shutdown)', () => {
    const { sent, throttle } = setUp();
    for (let n = 1; n <= 5; n++) throttle.offer('acct', event('t1', n));
    throttle.flush();
    expect(sent.at(-1)?.event).toEqual(event('t1', 5));
    vi.advanceTimersByTime(5000);
    expect(sent).toHaveLength(4);
  });
});
