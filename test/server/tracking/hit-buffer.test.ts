import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HitFact } from '../../../src/core/tracking/hit-facts';
import { createInMemoryLiveEvents, type LiveHit } from '../../../src/server/live/live-events';
import type { RecordedHit, TrackerStore } from '../../../src/server/storage/tracker-store';
import { createHitBuffer } from '../../../src/server/tracking/hit-buffer';

const CREATOR = '203.0.113.0|Chrome';

function hit(overrides: Partial<HitFact> = {}): HitFact {
  return {
    id: randomUUID(),
    trackerId: 't1',
    kind: 'open',
    linkIndex: null,
    at: new Date('2026-11-02T10:00:00Z'),
    signal: 'human',
    ipPrefix: '198.51.100.0',
    uaFamily: 'Firefox',
    clientKey: '198.51.100.0|Firefox',
    ...overrides,
  };
}

/** A store double that keeps hits by id (idempotent, like the real ones) and can be told to fail. */
function fakeStore() {
  const stored = new Map<string, HitFact>();
  const batches: number[] = [];
  let failing = false;
  const store: Pick<TrackerStore, 'recordHits'> = {
    recordHits(hits) {
      if (failing) return Promise.reject(new Error('database is down'));
      batches.push(hits.length);
      const fresh = hits.filter((h) => !stored.has(h.id));
      fresh.forEach((h) => stored.set(h.id, h));
      const firstOutsideAt = [...stored.values()].find((h) => h.clientKey !== CREATOR)?.at ?? null;
      return Promise.resolve(
        fresh.map((h): RecordedHit => ({
          hit: h,
          accountId: 'acct',
          creatorClientKey: CREATOR,
          firstOutsideAt,
        })),
      );
    },
  };
  return {
    store,
    stored,
    batches,
    fail: (value: boolean) => {
      failing = value;
    },
  };
}

describe('hit buffer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes hits by itself within the flush interval, in one batch', async () => {
    vi.useFakeTimers();
    const fake = fakeStore();
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 50,
    });
    for (let i = 0; i < 5; i++) buffer.enqueue(hit());
    expect(fake.stored.size).toBe(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.stored.size).toBe(5);
    expect(fake.batches).toEqual([5]);
  });

  it('never waits longer than 100 ms, whatever interval it is given', async () => {
    vi.useFakeTimers();
    const fake = fakeStore();
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 5000,
    });
    buffer.enqueue(hit());
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.stored.size).toBe(1);
  });

  it('writes at once when a batch fills, and splits a backlog into batches', async () => {
    const fake = fakeStore();
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 100,
      maxBatch: 10,
    });
    for (let i = 0; i < 25; i++) buffer.enqueue(hit());
    await buffer.flush();
    expect(fake.stored.size).toBe(25);
    expect(Math.max(...fake.batches)).toBeLessThanOrEqual(10);
  });

  it('keeps hits queued while storage fails and writes each exactly once when it returns', async () => {
    const fake = fakeStore();
    const errors: string[] = [];
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 100,
      onError: (message) => errors.push(message),
    });
    fake.fail(true);
    const hits = [hit(), hit(), hit()];
    hits.forEach((h) => buffer.enqueue(h));
    await expect(buffer.flush()).rejects.toThrow('database is down');
    expect(buffer.stats()).toMatchObject({ queued: 3, failedFlushes: 1 });
    expect(errors[0]).toContain('stay queued');

    fake.fail(false);
    await buffer.flush();
    expect([...fake.stored.keys()].sort()).toEqual(hits.map((h) => h.id).sort());
    expect(buffer.stats().queued).toBe(0);
  });

  it('reports failed writes once per interval during an outage, with a count of the rest', async () => {
    const fake = fakeStore();
    const errors: string[] = [];
    let clock = 0;
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 100,
      failureReportIntervalMs: 60_000,
      now: () => clock,
      onError: (message) => errors.push(message),
    });
    fake.fail(true);
    // Every flush fails for 50 s: one report, not fifty.
    for (let second = 0; second < 50; second++) {
      clock = second * 1000;
      buffer.enqueue(hit());
      await expect(buffer.flush()).rejects.toThrow('database is down');
    }
    expect(errors).toEqual(['Storing 1 hits failed; they stay queued (1 queued)']);

    clock = 61_000;
    await expect(buffer.flush()).rejects.toThrow('database is down');
    expect(errors).toHaveLength(2);
    // 49 folded failures of 2…50 queued hits: 2 + 3 + … + 50 = 1274.
    expect(errors[1]).toBe(
      'Storing 50 hits failed; they stay queued (50 queued); 49 more failures (1274 hits) since the last report',
    );

    clock = 62_000;
    await expect(buffer.flush()).rejects.toThrow('database is down');
    fake.fail(false);
    await buffer.flush();
    expect(errors.slice(2)).toEqual([
      'Storing hits works again; 1 more failure (50 hits) since the last report',
    ]);
    expect(fake.stored.size).toBe(50);

    // The next outage is reported at once.
    fake.fail(true);
    buffer.enqueue(hit());
    await expect(buffer.flush()).rejects.toThrow('database is down');
    expect(errors).toHaveLength(4);
  });

  it("holds a flooded tracker's live events to a burst, and its stream ends on the latest hit", async () => {
    const fake = fakeStore();
    const live = createInMemoryLiveEvents();
    const published: LiveHit[] = [];
    live.subscribe('acct', (event) => published.push(event));
    const buffer = createHitBuffer({ store: fake.store, live, flushIntervalMs: 100, liveEventBurst: 10 });
    const flood = Array.from({ length: 500 }, (_, i) =>
      hit({ at: new Date(Date.UTC(2026, 10, 2, 10, 0, i)) }),
    );
    flood.forEach((h) => buffer.enqueue(h));
    await buffer.flush();
    expect(fake.stored.size).toBe(500);
    expect(published).toHaveLength(10);

    await buffer.close(1000);
    expect(published).toHaveLength(11);
    expect(published.at(-1)?.at).toBe(flood.at(-1)?.at.toISOString());
  });

  it('retries on its own after a failure', async () => {
    const fake = fakeStore();
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 10,
    });
    fake.fail(true);
    buffer.enqueue(hit());
    await new Promise((resolve) => setTimeout(resolve, 30));
    fake.fail(false);
    await vi.waitFor(() => expect(fake.stored.size).toBe(1), { timeout: 1000, interval: 10 });
  });

  it('drops and counts hits beyond its bound instead of growing without limit', () => {
    const fake = fakeStore();
    fake.fail(true);
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 100,
      maxQueued: 2,
    });
    expect([buffer.enqueue(hit()), buffer.enqueue(hit()), buffer.enqueue(hit())]).toEqual([
      true,
      true,
      false,
    ]);
    expect(buffer.stats()).toMatchObject({ queued: 2, dropped: 1 });
    void buffer.close(0);
  });

  it('writes everything on close, including hits accepted during the last write', async () => {
    const fake = fakeStore();
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 100,
    });
    for (let i = 0; i < 3; i++) buffer.enqueue(hit());
    const closing = buffer.close();
    buffer.enqueue(hit());
    expect(await closing).toBe(0);
    expect(fake.stored.size).toBe(4);
  });

  it('reports how many hits it could not write when storage stays down through close', async () => {
    const fake = fakeStore();
    fake.fail(true);
    const buffer = createHitBuffer({
      store: fake.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 100,
    });
    buffer.enqueue(hit());
    buffer.enqueue(hit());
    expect(await buffer.close(50)).toBe(2);
  });

  it('publishes one live event per newly stored hit, with self resolved', async () => {
    const fake = fakeStore();
    const live = createInMemoryLiveEvents();
    const events: LiveHit[] = [];
    live.subscribe('acct', (e) => events.push(e));
    const buffer = createHitBuffer({ store: fake.store, live, flushIntervalMs: 100 });
    const own = hit({ clientKey: CREATOR, at: new Date('2026-11-02T09:00:00Z') });
    buffer.enqueue(own);
    await buffer.flush();
    buffer.enqueue(own); // a duplicate id: stored once, announced once
    buffer.enqueue(hit({ kind: 'click', linkIndex: 0, signal: 'proxy' }));
    await buffer.flush();
    expect(events).toEqual([
      { kind: 'open', trackerId: 't1', at: '2026-11-02T09:00:00.000Z', source: 'self' },
      { kind: 'click', trackerId: 't1', at: '2026-11-02T10:00:00.000Z', source: 'proxy' },
    ]);
  });
});

describe('hit buffer spilling while a write is still running', () => {
  it('loses no hit when the queue spills during a slow write that then succeeds', async () => {
    const written = new Set<string>();
    const spilled = new Set<string>();
    let release: () => void = () => undefined;
    let calls = 0;
    const store: Pick<TrackerStore, 'recordHits'> = {
      recordHits(hits) {
        calls++;
        // The first write is slow (a database under load); later ones answer at once.
        const wait = calls === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
        return wait.then(() => {
          hits.forEach((h) => written.add(h.id));
          return [];
        });
      },
    };
    const buffer = createHitBuffer({
      store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 1,
      maxBatch: 3,
      maxQueued: 5,
      overflow: () => ({
        spill(hits) {
          hits.forEach((h) => spilled.add(h.id));
          return hits.length;
        },
        storageAccepted: () => undefined,
        drain: () => Promise.resolve(),
        close: () => Promise.resolve(),
        stats: () => ({
          pendingHits: 0,
          pendingBytes: 0,
          spooledHits: 0,
          replayedHits: 0,
          refusedHits: 0,
          skippedLines: 0,
        }),
      }),
    });

    const accepted = Array.from({ length: 3 }, () => hit());
    accepted.forEach((h) => buffer.enqueue(h));
    await vi.waitFor(() => expect(calls).toBe(1));
    // While that batch is being written, enough hits arrive to fill the queue and spill it, and then more.
    for (let i = 0; i < 9; i++) {
      const next = hit();
      accepted.push(next);
      expect(buffer.enqueue(next)).toBe(true);
    }
    release();
    await buffer.close(1000);

    const kept = accepted.filter((h) => written.has(h.id) || spilled.has(h.id));
    expect(kept.map((h) => h.id)).toEqual(accepted.map((h) => h.id));
    expect(buffer.stats().dropped).toBe(0);
  });
});
