import { describe, expect, it } from 'vitest';
import type { HitFact } from '../../../src/core/tracking/hit-facts';
import {
  OPEN_FOLD_WINDOW_MS,
  resolveHitSource,
  statusFromOpens,
  summarizeOpens,
} from '../../../src/core/tracking/summarize-opens';

const CREATOR = '203.0.113.0|Chrome';
const RECIPIENT = '198.51.100.0|Outlook';
const t0 = Date.parse('2026-11-02T10:00:00.000Z');
let counter = 0;

function hit(atMs: number, overrides: Partial<HitFact> = {}): HitFact {
  counter++;
  return {
    id: `hit-${String(counter).padStart(4, '0')}`,
    trackerId: 't1',
    kind: 'open',
    linkIndex: null,
    at: new Date(t0 + atMs),
    signal: 'human',
    ipPrefix: '198.51.100.0',
    uaFamily: 'Outlook',
    clientKey: RECIPIENT,
    ...overrides,
  };
}

const own = (atMs: number, overrides: Partial<HitFact> = {}) =>
  hit(atMs, { clientKey: CREATOR, ipPrefix: '203.0.113.0', uaFamily: 'Chrome', ...overrides });

describe('summarizeOpens', () => {
  it('reports a tracker with no hits as unopened', () => {
    expect(summarizeOpens([], CREATOR)).toEqual({
      status: 'unopened',
      opens: 0,
      machineOpens: 0,
      clicks: 0,
      firstOpenedAt: null,
      lastOpenedAt: null,
      events: [],
    });
  });

  it("does not count the sender's own loads before anyone else's", () => {
    const summary = summarizeOpens([own(0), own(90_000)], CREATOR);
    expect(summary.events.map((e) => e.source)).toEqual(['self', 'self']);
    expect(summary).toMatchObject({ status: 'unopened', opens: 0, machineOpens: 0 });
  });

  it('judges the creator like anyone else once an outside hit has been seen', () => {
    const summary = summarizeOpens([own(0), hit(10_000), own(200_000)], CREATOR);
    expect(summary.events.map((e) => e.source)).toEqual(['self', 'human', 'human']);
    expect(summary).toMatchObject({ status: 'reopened', opens: 2 });
  });

  it('treats a machine fetch as the first outside hit too (the mail has left the sender)', () => {
    const summary = summarizeOpens(
      [hit(0, { signal: 'apple-mpp', clientKey: '17.0.0.0|AMPP' }), own(5_000)],
      CREATOR,
    );
    expect(summary.events.map((e) => e.source)).toEqual(['apple-mpp', 'human']);
  });

  it('folds repeats from one client within 60 s and counts a load 60 s later as a reopen', () => {
    const folded = summarizeOpens([hit(0), hit(1_000), hit(OPEN_FOLD_WINDOW_MS - 1)], CREATOR);
    expect(folded).toMatchObject({ status: 'opened', opens: 1 });
    const reopened = summarizeOpens([hit(0), hit(30_000), hit(OPEN_FOLD_WINDOW_MS)], CREATOR);
    expect(reopened).toMatchObject({ status: 'reopened', opens: 2 });
  });

  it('counts two different clients within the window as two opens', () => {
    const summary = summarizeOpens([hit(0), hit(5_000, { clientKey: '192.0.2.0|Firefox' })], CREATOR);
    expect(summary.opens).toBe(2);
  });

  it("counts a proxy load (Gmail's image proxy) as an open", () => {
    const summary = summarizeOpens(
      [hit(0, { signal: 'proxy', uaFamily: 'GoogleImageProxy', clientKey: '66.249.84.0|GoogleImageProxy' })],
      CREATOR,
    );
    expect(summary).toMatchObject({ status: 'opened', opens: 1, machineOpens: 0 });
    expect(summary.events[0]).toMatchObject({ source: 'proxy', client: 'Gmail' });
  });

  it.each(['apple-mpp', 'prefetch', 'scanner'] as const)(
    'counts a %s hit as a machine open, not an open',
    (signal) => {
      const summary = summarizeOpens([hit(0, { signal })], CREATOR);
      expect(summary).toMatchObject({ status: 'unopened', opens: 0, machineOpens: 1, firstOpenedAt: null });
      expect(summary.events[0]?.source).toBe(signal);
    },
  );

  it('counts a click as an open, folded with the pixel load just before it, and always as a click', () => {
    const clickOnly = summarizeOpens([hit(0, { kind: 'click', linkIndex: 0 })], CREATOR);
    expect(clickOnly).toMatchObject({ status: 'opened', opens: 1, clicks: 1 });
    const loadThenClick = summarizeOpens([hit(0), hit(20_000, { kind: 'click', linkIndex: 0 })], CREATOR);
    expect(loadThenClick).toMatchObject({ opens: 1, clicks: 1 });
  });

  it("does not count a scanner's click as a click", () => {
    const summary = summarizeOpens([hit(0, { kind: 'click', linkIndex: 0, signal: 'scanner' })], CREATOR);
    expect(summary).toMatchObject({ clicks: 0, machineOpens: 1, opens: 0 });
  });

  it('never calls a preview client self, even from the creator machine', () => {
    const summary = summarizeOpens(
      [hit(0, { clientKey: 'preview:recipient', ipPrefix: '203.0.113.0', uaFamily: 'Chrome' })],
      CREATOR,
    );
    expect(summary.events[0]).toMatchObject({ source: 'human', client: 'Preview: recipient' });
  });

  it('gives first and last opened times of counted opens only', () => {
    const summary = summarizeOpens(
      [
        own(0),
        hit(10_000),
        hit(20_000),
        hit(100_000),
        hit(150_000, { signal: 'scanner', clientKey: 'x|Scanner' }),
      ],
      CREATOR,
    );
    expect(summary.firstOpenedAt).toBe(new Date(t0 + 10_000).toISOString());
    expect(summary.lastOpenedAt).toBe(new Date(t0 + 100_000).toISOString());
  });

  it('gives the same answer whatever order the facts arrive in', () => {
    const hits = [
      own(0),
      hit(10_000),
      hit(20_000),
      own(30_000),
      hit(95_000),
      hit(96_000, { signal: 'scanner' }),
    ];
    const reversed = [...hits].reverse();
    expect(summarizeOpens(reversed, CREATOR)).toEqual(summarizeOpens(hits, CREATOR));
  });
});

describe('resolveHitSource', () => {
  it('agrees with the summary for every hit, given the first outside time', () => {
    const hits = [own(0), own(1_000), hit(2_000, { signal: 'prefetch' }), own(3_000), hit(4_000)];
    const firstOutside = new Date(t0 + 2_000);
    const live = hits.map((h) => resolveHitSource(h, CREATOR, firstOutside));
    expect(live).toEqual(summarizeOpens(hits, CREATOR).events.map((e) => e.source));
  });

  it('calls a creator hit at the same instant as the first outside hit not self', () => {
    expect(resolveHitSource(own(5), CREATOR, new Date(t0 + 5))).toBe('human');
  });
});

describe('statusFromOpens', () => {
  it.each([
    [0, 'unopened'],
    [1, 'opened'],
    [2, 'reopened'],
    [7, 'reopened'],
  ] as const)('%i opens → %s', (opens, status) => {
    expect(statusFromOpens(opens)).toBe(status);
  });
});
