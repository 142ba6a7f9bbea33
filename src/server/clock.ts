/**
 * The server's clock, injected everywhere time matters. The adjustable clock lets development mode (and
 * tests) move time forward without waiting; it never moves backwards.
 */
export interface Clock {
  now(): Date;
}

export interface AdjustableClock extends Clock {
  /** Moves this clock forward; resolves the new time. */
  advance(ms: number): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function createAdjustableClock(base: Clock = systemClock): AdjustableClock {
  let offsetMs = 0;
  return {
    now: () => new Date(base.now().getTime() + offsetMs),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
      offsetMs += ms;
      return new Date(base.now().getTime() + offsetMs);
    },
  };
}
