import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HitFact } from '../../../src/core/tracking/hit-facts';
import { createHitOverflow, hitFactCodec, type HitOverflow } from '../../../src/server/tracking/hit-overflow';
import { eventually } from '../../support/eventually';

function hitFact(n: number, overrides: Partial<HitFact> = {}): HitFact {
  return {
    id: `hit-${n}`,
    trackerId: 'tracker-1',
    kind: 'open',
    linkIndex: null,
    at: new Date(Date.UTC(2026, 10, 2, 10, 0, 0, n)),
    signal: 'human',
    ipPrefix: '198.51.100.0',
    uaFamily: 'Firefox',
    clientKey: '198.51.100.0|Firefox',
    ...overrides,
  };
}

function storage() {
  const stored = new Map<string, HitFact>();
  const state = { down: true };
  return {
    stored,
    state,
    write(batch: HitFact[]): Promise<void> {
      if (state.down) return Promise.reject(new Error('ECONNREFUSED'));
      for (const hit of batch) if (!stored.has(hit.id)) stored.set(hit.id, hit);
      return Promise.resolve();
    },
  };
}

describe('hitFactCodec', () => {
  it('round-trips every field of a hit, including a click with its link index', () => {
    const click = hitFact(1, { kind: 'click', linkIndex: 3, signal: 'scanner' });
    expect(hitFactCodec.decode(JSON.parse(JSON.stringify(hitFactCodec.encode(click))))).toEqual(click);
  });

  it('rejects a line that is not a complete hit', () => {
    const encoded = hitFactCodec.encode(hitFact(1)) as Record<string, unknown>;
    expect(hitFactCodec.decode({ ...encoded, at: 'garbled' })).toBeUndefined();
    expect(hitFactCodec.decode({ ...encoded, signal: 'self' })).toBeUndefined();
    expect(hitFactCodec.decode({ ...encoded, clientKey: undefined })).toBeUndefined();
    expect(hitFactCodec.decode('hit-1')).toBeUndefined();
  });
});

describe('hit overflow', () => {
  let dir: string;
  let path: string;
  const open: HitOverflow[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'politely-overflow-'));
    path = join(dir, 'not-yet-made', 'hit-spool.ndjson');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((overflow) => overflow.close()));
    await rm(dir, { recursive: true, force: true });
  });
  const overflowFor = (write: (hits: HitFact[]) => Promise<void>) => {
    const overflow = createHitOverflow({ path, write, retryDelayMs: { first: 20, max: 80 } });
    open.push(overflow);
    return overflow;
  };

  it('keeps retrying while storage is down and writes every spilled hit once it returns', async () => {
    const db = storage();
    const overflow = overflowFor((hits) => db.write(hits));
    const spilled = [hitFact(1), hitFact(2), hitFact(3)];
    expect(overflow.spill(spilled)).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(db.stored.size).toBe(0);

    db.state.down = false;
    await eventually(() => expect([...db.stored.values()]).toEqual(spilled));
    // The spool forgets a file only after its last batch is written.
    await eventually(() => expect(overflow.stats()).toMatchObject({ pendingHits: 0, replayedHits: 3 }));
  });

  it('replays at once when told that storage accepted a write', async () => {
    const db = storage();
    const overflow = createHitOverflow({
      path,
      write: (hits) => db.write(hits),
      retryDelayMs: { first: 60_000, max: 60_000 },
    });
    open.push(overflow);
    overflow.spill([hitFact(1)]);
    db.state.down = false;
    overflow.storageAccepted();
    await eventually(() => expect(db.stored.size).toBe(1), 1000);
  });

  it('hands hits spooled by a process that died to the next one', async () => {
    const db = storage();
    const first = overflowFor((hits) => db.write(hits));
    first.spill([hitFact(1), hitFact(2)]);
    // Simulate kill -9: the dead process's retry timer stops (left running, it raced the second one's
    // replay of the same file on a slow machine), and the lock names a process that no longer exists.
    await first.close();
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(`${path}.lock`, String(child.pid));

    db.state.down = false;
    const second = overflowFor((hits) => db.write(hits));
    expect(second.stats().pendingHits).toBe(2);
    await second.drain();
    expect([...db.stored.keys()]).toEqual(['hit-1', 'hit-2']);
  });

  it('refuses a spool file that a live process holds, naming the setting to change', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.lock`, String(holder.pid));
      expect(() => createHitOverflow({ path, write: () => Promise.resolve() })).toThrow(
        new RegExp(`in use by process ${holder.pid}.*HIT_SPOOL_PATH`),
      );
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('releases its lock on close', async () => {
    const overflow = createHitOverflow({ path, write: () => Promise.resolve() });
    expect(existsSync(`${path}.lock`)).toBe(true);
    await overflow.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});
