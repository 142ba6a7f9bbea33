import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHitSpool, type HitCodec } from '../../../src/server/tracking/hit-spool';

interface TestHit {
  id: string;
  at: Date;
}

const codec: HitCodec<TestHit> = {
  encode: (hit) => ({ id: hit.id, at: hit.at.toISOString() }),
  decode: (value) => {
    if (typeof value !== 'object' || value === null) return undefined;
    const { id, at } = value as { id?: unknown; at?: unknown };
    return typeof id === 'string' && typeof at === 'string' ? { id, at: new Date(at) } : undefined;
  },
};

const hits = (from: number, count: number): TestHit[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `hit-${from + i}`,
    at: new Date(Date.UTC(2026, 10, 2, 10, 0, from + i)),
  }));

/** Stands in for the database: stores by id (a repeated id is a no-op, as ON CONFLICT DO NOTHING) and can be down. */
function idempotentStorage() {
  const stored = new Map<string, TestHit>();
  let writes = 0;
  const state = { down: false, failAfterWrites: Infinity };
  return {
    stored,
    state,
    write(batch: TestHit[]): Promise<void> {
      writes += 1;
      if (state.down || writes > state.failAfterWrites)
        return Promise.reject(new Error('connection refused'));
      for (const hit of batch) if (!stored.has(hit.id)) stored.set(hit.id, hit);
      return Promise.resolve();
    },
  };
}

describe('hit spool', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'politely-spool-'));
    path = join(dir, 'spool', 'hits.ndjson');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes spooled hits back to storage with their facts intact, then forgets them', async () => {
    const storage = idempotentStorage();
    const spool = createHitSpool({ path, codec, write: (batch) => storage.write(batch), replayBatchSize: 7 });
    const spooled = hits(0, 20);
    expect(spool.append(spooled)).toBe(20);
    expect(spool.stats()).toMatchObject({ pendingHits: 20, spooledHits: 20 });

    expect(await spool.replay()).toBe(20);
    expect([...storage.stored.values()]).toEqual(spooled);
    expect(spool.hasPending()).toBe(false);
    expect(spool.stats()).toMatchObject({ pendingHits: 0, pendingBytes: 0, replayedHits: 20 });
    expect(readdirSync(join(dir, 'spool'))).toEqual([]);
  });

  it('keeps the hits when storage fails mid-replay, and records each exactly once on the next replay', async () => {
    const storage = idempotentStorage();
    const spool = createHitSpool({
      path,
      codec,
      write: (batch) => storage.write(batch),
      replayBatchSize: 10,
    });
    spool.append(hits(0, 35));
    storage.state.failAfterWrites = 2;

    await expect(spool.replay()).rejects.toThrow('connection refused');
    expect(storage.stored.size).toBe(20);
    expect(spool.hasPending()).toBe(true);

    storage.state.failAfterWrites = Infinity;
    expect(await spool.replay()).toBe(35);
    expect(storage.stored.size).toBe(35);
    expect(spool.hasPending()).toBe(false);
  });

  it('keeps hits appended while a replay is running for the next replay', async () => {
    const storage = idempotentStorage();
    let appendDuringReplay: (() => void) | undefined;
    const spool = createHitSpool<TestHit>({
      path,
      codec,
      write: async (batch) => {
        appendDuringReplay?.();
        appendDuringReplay = undefined;
        await storage.write(batch);
      },
    });
    spool.append(hits(0, 5));
    appendDuringReplay = () => spool.append(hits(5, 3));

    expect(await spool.replay()).toBe(5);
    expect(spool.hasPending()).toBe(true);
    expect(spool.stats().pendingHits).toBe(3);
    expect(await spool.replay()).toBe(3);
    expect([...storage.stored.keys()]).toEqual(hits(0, 8).map((hit) => hit.id));
  });

  it('finds and replays what a crashed process left behind, skipping a torn last line', async () => {
    const storage = idempotentStorage();
    storage.state.down = true;
    const first = createHitSpool({ path, codec, write: (batch) => storage.write(batch) });
    first.append(hits(0, 4));
    await expect(first.replay()).rejects.toThrow();
    first.append(hits(4, 2));
    appendFileSync(path, '{"id":"hit-torn","at":"2026-11');

    storage.state.down = false;
    const warnings: string[] = [];
    const second = createHitSpool({
      path,
      codec,
      write: (batch) => storage.write(batch),
      onWarning: (message) => warnings.push(message),
    });
    expect(second.hasPending()).toBe(true);
    expect(second.stats().pendingHits).toBe(7);
    expect(await second.replay()).toBe(6);
    expect([...storage.stored.keys()].sort()).toEqual(
      hits(0, 6)
        .map((hit) => hit.id)
        .sort(),
    );
    expect(second.stats().skippedLines).toBe(1);
    expect(warnings.join('\n')).toMatch(/torn/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses hits beyond its size bound and says how many were lost', () => {
    const warnings: string[] = [];
    const spool = createHitSpool({
      path,
      codec,
      write: () => Promise.resolve(),
      maxBytes: 500,
      onWarning: (message) => warnings.push(message),
    });
    const kept = spool.append(hits(0, 50));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(50);
    expect(spool.stats()).toMatchObject({ refusedHits: 50 - kept, pendingHits: kept });
    expect(spool.stats().pendingBytes).toBeLessThanOrEqual(500);
    expect(warnings[0]).toContain(`${50 - kept} hit(s) were refused`);
  });

  it('says so once a minute while it stays full, with a count of the hits lost since', () => {
    const warnings: string[] = [];
    let clock = 0;
    const spool = createHitSpool({
      path,
      codec,
      write: () => Promise.resolve(),
      maxBytes: 500,
      now: () => clock,
      onWarning: (message) => warnings.push(message),
    });
    const kept = spool.append(hits(0, 50));
    for (let second = 1; second <= 30; second++) {
      clock = second * 1000;
      expect(spool.append(hits(100 + second * 10, 10))).toBe(0);
    }
    expect(warnings).toHaveLength(1);
    clock = 61_000;
    spool.append(hits(1000, 10));
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(
      /10 hit\(s\) were refused and are lost; 30 more failures \(300 hits\) since the last report$/,
    );
    expect(spool.stats().refusedHits).toBe(50 - kept + 310);
  });
});
