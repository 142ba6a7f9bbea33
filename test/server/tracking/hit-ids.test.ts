import { describe, expect, it } from 'vitest';
import { newHitId } from '../../../src/server/tracking/hit-ids';

describe('newHitId', () => {
  it('never repeats, even within one millisecond', () => {
    const at = new Date('2026-11-02T10:00:00Z');
    const ids = Array.from({ length: 10_000 }, () => newHitId(at));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts later hits after earlier ones, so storage appends rather than scatters', () => {
    const earlier = newHitId(new Date('2026-11-02T10:00:00Z'));
    const later = newHitId(new Date('2026-11-02T10:00:00.001Z'));
    const muchLater = newHitId(new Date('2030-01-01T00:00:00Z'));
    expect([muchLater, later, earlier].sort()).toEqual([earlier, later, muchLater]);
  });
});
