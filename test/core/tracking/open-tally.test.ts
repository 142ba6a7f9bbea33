import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HitFact } from '../../../src/core/tracking/hit-facts';
import {
  addToTally,
  createTallyBuilder,
  EMPTY_TALLY,
  isLaterThan,
  MAX_REMEMBERED_CLIENTS,
  OPEN_FOLD_WINDOW_MS,
  tallyOf,
} from '../../../src/core/tracking/open-tally';

const CREATOR = '203.0.113.0|Chrome';
const t0 = Date.parse('2026-11-02T10:00:00.000Z');

const hitArbitrary = fc.record({
  atSeconds: fc.integer({ min: 0, max: 400 }),
  client: fc.constantFrom(CREATOR, '198.51.100.0|Outlook', '192.0.2.0|GoogleImageProxy', '192.0.2.0|Scanner'),
  kind: fc.constantFrom<HitFact['kind']>('open', 'open', 'click'),
  signal: fc.constantFrom<HitFact['signal']>('human', 'human', 'proxy', 'scanner', 'apple-mpp', 'prefetch'),
});

function toHits(
  drawn: fc.Arbitrary<
    { atSeconds: number; client: string; kind: HitFact['kind']; signal: HitFact['signal'] }[]
  >,
) {
  return drawn.map((list) =>
    list
      .map((d, index): HitFact => ({
        id: `h${String(index).padStart(4, '0')}`,
        trackerId: 't1',
        kind: d.kind,
        linkIndex: d.kind === 'click' ? 0 : null,
        // Whole seconds with repeats, so ties in time and folds at exactly 60 s both happen.
        at: new Date(t0 + d.atSeconds * 1000),
        signal: d.signal,
        ipPrefix: d.client.split('|')[0] ?? '',
        uaFamily: d.client.split('|')[1] ?? '',
        clientKey: d.client,
      }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1)),
  );
}

describe('open tally', () => {
  it('added batch by batch in time order, equals the tally of all the hits at once', () => {
    fc.assert(
      fc.property(
        toHits(fc.array(hitArbitrary, { maxLength: 60 })),
        fc.array(fc.nat(), { maxLength: 8 }),
        (hits, cuts) => {
          // Cut only where time moves on, since a batch must be strictly later than everything before it.
          const boundaries = [...new Set(cuts.map((c) => (hits.length === 0 ? 0 : c % hits.length)))]
            .filter((i) => i > 0 && hits[i - 1]!.at.getTime() < hits[i]!.at.getTime())
            .sort((a, b) => a - b);
          let tally = EMPTY_TALLY;
          let from = 0;
          for (const to of [...boundaries, hits.length]) {
            const batch = hits.slice(from, to);
            expect(isLaterThan(tally, batch)).toBe(true);
            tally = addToTally(tally, batch, CREATOR);
            from = to;
          }
          const whole = tallyOf(hits, CREATOR);
          expect(tally).toEqual(whole);
          expect(tally.hits).toBe(hits.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('built page by page in time order, pages cut anywhere (even within one instant), equals the whole tally', () => {
    fc.assert(
      fc.property(
        toHits(fc.array(hitArbitrary, { maxLength: 60 })),
        fc.array(fc.nat(), { maxLength: 10 }),
        (hits, cuts) => {
          const points = [...new Set(cuts.map((c) => c % (hits.length + 1)))].sort((a, b) => a - b);
          const builder = createTallyBuilder(CREATOR);
          let from = 0;
          for (const to of [...points, hits.length]) {
            builder.add(hits.slice(from, to));
            from = to;
          }
          expect(builder.finish()).toEqual(tallyOf(hits, CREATOR));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts the creator as self until an outside hit, even one listed after it at the same instant', () => {
    const own = (s: number, id: string): HitFact => ({
      id,
      trackerId: 't1',
      kind: 'open',
      linkIndex: null,
      at: new Date(t0 + s * 1000),
      signal: 'human',
      ipPrefix: '203.0.113.0',
      uaFamily: 'Chrome',
      clientKey: CREATOR,
    });
    const outside: HitFact = { ...own(5, 'a'), clientKey: '198.51.100.0|Outlook', uaFamily: 'Outlook' };
    // The creator's load at 5 s ties with the recipient's: it is not before it, so it is not self.
    const tally = addToTally(
      addToTally(EMPTY_TALLY, [own(1, 'z')], CREATOR),
      [own(5, 'b'), outside],
      CREATOR,
    );
    expect(tally).toMatchObject({ hits: 3, opens: 2, machineOpens: 0, firstOutsideAt: new Date(t0 + 5000) });
    expect(isLaterThan(tally, [own(5, 'c')])).toBe(false);
  });

  it('remembers only clients that can still fold a later hit, and at most a bounded number of them', () => {
    const flood: HitFact[] = Array.from({ length: MAX_REMEMBERED_CLIENTS + 50 }, (_, i) => ({
      id: `f${i}`,
      trackerId: 't1',
      kind: 'open',
      linkIndex: null,
      at: new Date(t0 + i * 10),
      signal: 'human',
      ipPrefix: `10.0.${i}.0`,
      uaFamily: 'Firefox',
      clientKey: `10.0.${i}.0|Firefox`,
    }));
    const tally = tallyOf(flood, CREATOR);
    expect(tally.opens).toBe(flood.length);
    expect(Object.keys(tally.recentOpens)).toHaveLength(MAX_REMEMBERED_CLIENTS);
    const later = addToTally(
      tally,
      [{ ...flood[0]!, id: 'late', at: new Date(t0 + OPEN_FOLD_WINDOW_MS * 3) }],
      CREATOR,
    );
    expect(later.opens).toBe(flood.length + 1);
    expect(Object.keys(later.recentOpens)).toEqual(['10.0.0.0|Firefox']);
  });
});
