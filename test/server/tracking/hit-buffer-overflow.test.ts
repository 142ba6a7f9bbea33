import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HitFact } from '../../../src/core/tracking/hit-facts';
import { createInMemoryLiveEvents, type LiveHit } from '../../../src/server/live/live-events';
import type { RecordedHit, TrackerStore } from '../../../src/server/storage/tracker-store';
import { createHitBuffer, type HitBuffer } from '../../../src/server/tracking/hit-buffer';
import { createHitOverflow } from '../../../src/server/tracking/hit-overflow';
import { eventually } from '../../support/eventually';

function hit(): HitFact {
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
  };
}

/** Keeps hits by id, as the real stores do, and can be taken down. */
function database() {
  const stored = new Map<string, HitFact>();
  const state = { down: false, writes: 0 };
  const store: Pick<TrackerStore, 'recordHits'> = {
    recordHits(hits) {
      state.writes++;
      if (state.down) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
      const fresh = hits.filter((h) => !stored.has(h.id));
      fresh.forEach((h) => stored.set(h.id, h));
      return Promise.resolve(
        fresh.map((h): RecordedHit => ({
          hit: h,
          accountId: 'acct',
          creatorClientKey: 'c',
          firstOutsideAt: h.at,
        })),
      );
    },
  };
  return { store, stored, state };
}

describe('hit buffer with a disk overflow', () => {
  let dir: string;
  let spoolPath: string;
  const buffers: HitBuffer[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'politely-buffer-overflow-'));
    spoolPath = join(dir, 'hit-spool.ndjson');
  });
  afterEach(async () => {
    await Promise.all(buffers.splice(0).map((buffer) => buffer.close(1000)));
    await rm(dir, { recursive: true, force: true });
  });

  function bufferFor(db: ReturnType<typeof database>, live = createInMemoryLiveEvents(), maxQueued?: number) {
    const buffer = createHitBuffer({
      store: db.store,
      live,
      flushIntervalMs: 10,
      maxQueued,
      // Every hit of the one tracker here gets its live event (the flood throttle is tested on its own).
      liveEventBurst: 1000,
      overflow: (write) =>
        createHitOverflow({ path: spoolPath, write, retryDelayMs: { first: 20, max: 50 } }),
    });
    buffers.push(buffer);
    return buffer;
  }

  it('records every hit accepted during an outage exactly once, and publishes each when it lands', async () => {
    const db = database();
    const live = createInMemoryLiveEvents();
    const published: LiveHit[] = [];
    live.subscribe('acct', (event) => published.push(event));
    const buffer = bufferFor(db, live);

    db.state.down = true;
    const accepted = Array.from({ length: 300 }, hit);
    for (const h of accepted.slice(0, 150)) expect(buffer.enqueue(h)).toBe(true);
    await eventually(() => expect(db.state.writes).toBeGreaterThan(0));
    for (const h of accepted.slice(150)) expect(buffer.enqueue(h)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(db.stored.size).toBe(0);
    expect(buffer.stats().dropped).toBe(0);

    db.state.down = false;
    await eventually(() => expect(db.stored.size).toBe(300));
    expect([...db.stored.keys()].sort()).toEqual(accepted.map((h) => h.id).sort());
    await eventually(() => expect(published).toHaveLength(300));
  });

  it('spills to disk instead of dropping when the queue is full', async () => {
    const db = database();
    db.state.down = true;
    // Keep writes from ever starting, so only the size bound can move hits to disk.
    const buffer = bufferFor(db, createInMemoryLiveEvents(), 10);
    const accepted = Array.from({ length: 35 }, hit);
    for (const h of accepted) expect(buffer.enqueue(h)).toBe(true);
    expect(buffer.stats().dropped).toBe(0);
    expect(buffer.stats().queued).toBeLessThanOrEqual(10);

    db.state.down = false;
    await eventually(() => expect(db.stored.size).toBe(35));
  });

  it('keeps what it could not write on a stop for the next process, which writes it', async () => {
    const db = database();
    db.state.down = true;
    const first = createHitBuffer({
      store: db.store,
      live: createInMemoryLiveEvents(),
      flushIntervalMs: 50,
      overflow: (write) => createHitOverflow({ path: spoolPath, write }),
    });
    const accepted = Array.from({ length: 20 }, hit);
    accepted.forEach((h) => first.enqueue(h));
    expect(await first.close(200)).toBe(0);
    expect(db.stored.size).toBe(0);

    db.state.down = false;
    bufferFor(db);
    await eventually(() => expect(db.stored.size).toBe(20));
  });
});
