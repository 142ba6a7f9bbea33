/**
 * The behaviour every TrackerStore adapter must show, as one reusable suite: call
 * describeTrackerStoreContract from an adapter's test file with a factory that gives a fresh, empty store
 * (with the hit-detail limits asked for, or the defaults).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_TALLY, tallyOf } from '../../../src/core/tracking/open-tally';
import {
  MAX_HIT_PAGE,
  type HitCursor,
  type HitDetailLimits,
  type HitFact,
  type NewTracker,
  type TrackerStore,
} from '../../../src/server/storage/tracker-store';

export interface StoreUnderTest {
  store: TrackerStore;
  cleanup: () => Promise<void>;
}

export interface StoreOptions {
  hitDetail?: HitDetailLimits;
}

const t0 = new Date('2026-11-02T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

export function describeTrackerStoreContract(
  name: string,
  makeStore: (options?: StoreOptions) => Promise<StoreUnderTest>,
): void {
  describe(`TrackerStore contract: ${name}`, () => {
    let store: TrackerStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    async function account(label = 'acct'): Promise<string> {
      const id = `${label}-${randomUUID()}`;
      await store.createAccount({ id, name: label, apiKeyHash: `hash-${id}`, createdAt: t0 });
      return id;
    }

    function tracker(accountId: string, overrides: Partial<NewTracker> = {}): NewTracker {
      return {
        id: randomUUID(),
        accountId,
        subject: 'Re: Interview',
        recipient: 'recruiter@example.com',
        template: 'not-looking',
        links: [],
        creatorClientKey: '203.0.113.0|Chrome',
        createdAt: t0,
        ...overrides,
      };
    }

    function hit(trackerId: string, overrides: Partial<HitFact> = {}): HitFact {
      return {
        id: randomUUID(),
        trackerId,
        kind: 'open',
        linkIndex: null,
        at: at(1000),
        signal: 'human',
        ipPrefix: '198.51.100.0',
        uaFamily: 'Firefox',
        clientKey: '198.51.100.0|Firefox',
        ...overrides,
      };
    }

    describe('accounts', () => {
      it('finds an account by the hash of its key, and nothing for an unknown hash', async () => {
        const id = await account('ada');
        const found = await store.findAccountByKeyHash(`hash-${id}`);
        expect(found).toEqual({ id, name: 'ada', createdAt: t0 });
        expect(await store.findAccountByKeyHash('no-such-hash')).toBeNull();
      });

      it('rejects a second account with the same key hash', async () => {
        const id = await account();
        await expect(
          store.createAccount({ id: randomUUID(), name: 'twin', apiKeyHash: `hash-${id}`, createdAt: t0 }),
        ).rejects.toThrow();
      });
    });

    describe('trackers', () => {
      it('returns a created tracker exactly as stored, with no hits yet', async () => {
        const owner = await account();
        const created = tracker(owner, {
          links: ['https://example.com/a', 'https://example.com/b?x=1'],
          subject: null,
          template: null,
        });
        expect(await store.createTracker(created, null)).toBe('created');
        expect(await store.getTracker(owner, created.id)).toEqual({
          tracker: created,
          tally: EMPTY_TALLY,
          hits: [],
          next: null,
        });
      });

      it("never shows, lists or deletes another account's tracker", async () => {
        const owner = await account('owner');
        const intruder = await account('intruder');
        const created = tracker(owner);
        await store.createTracker(created, null);

        expect(await store.getTracker(intruder, created.id)).toBeNull();
        expect((await store.listTrackers(intruder, { limit: 10, after: null })).trackers).toEqual([]);
        expect(await store.deleteTracker(intruder, created.id)).toBe(false);
        expect(await store.getTracker(owner, created.id)).not.toBeNull();
      });

      it('deletes a tracker with its hits, and drops hits that arrive for it afterwards', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        await store.recordHits([hit(created.id)]);

        expect(await store.deleteTracker(owner, created.id)).toBe(true);
        expect(await store.getTracker(owner, created.id)).toBeNull();
        expect(await store.deleteTracker(owner, created.id)).toBe(false);
        expect(await store.recordHits([hit(created.id)])).toEqual([]);
      });

      it('finds a link target by tracker and index only when both exist', async () => {
        const owner = await account();
        const created = tracker(owner, { links: ['https://example.com/a', 'https://example.com/b'] });
        await store.createTracker(created, null);
        expect(await store.findLinkTarget(created.id, 1)).toBe('https://example.com/b');
        expect(await store.findLinkTarget(created.id, 2)).toBeNull();
        expect(await store.findLinkTarget(randomUUID(), 0)).toBeNull();
      });
    });

    describe('keyset pagination', () => {
      it('pages newest first with no tracker missed or repeated, even when creation times tie', async () => {
        const owner = await account();
        const other = await account('other');
        const created: NewTracker[] = [];
        for (let i = 0; i < 7; i++) {
          // Pairs share a creation time, so the id must break ties.
          const item = tracker(owner, { createdAt: at(Math.floor(i / 2) * 1000) });
          created.push(item);
          await store.createTracker(item, null);
        }
        await store.createTracker(tracker(other, { createdAt: at(500) }), null);

        const seen: string[] = [];
        let after = null;
        let pages = 0;
        do {
          const page = await store.listTrackers(owner, { limit: 3, after });
          seen.push(...page.trackers.map((t) => t.tracker.id));
          after = page.next;
          pages++;
        } while (after && pages < 10);

        const expected = [...created]
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
          .map((t) => t.id);
        expect(seen).toEqual(expected);
        expect(pages).toBe(3);
      });

      it('says no page follows when the last page is exactly full', async () => {
        const owner = await account();
        for (let i = 0; i < 2; i++) await store.createTracker(tracker(owner, { createdAt: at(i) }), null);
        const page = await store.listTrackers(owner, { limit: 2, after: null });
        expect(page.trackers).toHaveLength(2);
        expect(page.next).toBeNull();
      });

      it('lists each tracker with the tally of its hits, and no hits', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        const recorded = hit(created.id);
        await store.recordHits([recorded]);
        const page = await store.listTrackers(owner, { limit: 5, after: null });
        expect(page.trackers).toEqual([
          { tracker: created, tally: tallyOf([recorded], created.creatorClientKey) },
        ]);
      });
    });

    describe('monthly quota', () => {
      it('refuses the tracker over the limit and counts a new period afresh', async () => {
        const owner = await account();
        const quota = { limit: 2, period: '2026-11' };
        expect(await store.createTracker(tracker(owner), quota)).toBe('created');
        expect(await store.createTracker(tracker(owner), quota)).toBe('created');
        const refused = tracker(owner);
        expect(await store.createTracker(refused, quota)).toBe('quota-exceeded');
        expect(await store.getTracker(owner, refused.id)).toBeNull();
        expect(await store.createTracker(tracker(owner), { limit: 2, period: '2026-12' })).toBe('created');
      });

      it('keeps each account to its own quota', async () => {
        const a = await account('a');
        const b = await account('b');
        const quota = { limit: 1, period: '2026-11' };
        expect(await store.createTracker(tracker(a), quota)).toBe('created');
        expect(await store.createTracker(tracker(b), quota)).toBe('created');
        expect(await store.createTracker(tracker(a), quota)).toBe('quota-exceeded');
      });

      it('does not give a slot back when a tracker is deleted', async () => {
        const owner = await account();
        const quota = { limit: 1, period: '2026-11' };
        const first = tracker(owner);
        await store.createTracker(first, quota);
        await store.deleteTracker(owner, first.id);
        expect(await store.createTracker(tracker(owner), quota)).toBe('quota-exceeded');
      });

      it('creates exactly as many trackers as slots remain when creates race', async () => {
        const owner = await account();
        const quota = { limit: 3, period: '2026-11' };
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, () => store.createTracker(tracker(owner), quota)),
        );
        expect(outcomes.filter((o) => o === 'created')).toHaveLength(3);
        expect((await store.listTrackers(owner, { limit: 100, after: null })).trackers).toHaveLength(3);
      });

      it('counts trackers made without a quota, so a quota set later starts from the truth', async () => {
        const owner = await account();
        await store.createTracker(tracker(owner), null);
        expect(await store.createTracker(tracker(owner), { limit: 1, period: '2026-11' })).toBe(
          'quota-exceeded',
        );
      });
    });

    describe('hits', () => {
      it('stores hits and reports each new one with its account and the self facts', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        const own = hit(created.id, { at: at(100), clientKey: created.creatorClientKey });
        const outside = hit(created.id, { at: at(200) });

        const recorded = await store.recordHits([own, outside]);
        expect(recorded).toEqual([
          { hit: own, accountId: owner, creatorClientKey: created.creatorClientKey, firstOutsideAt: at(200) },
          {
            hit: outside,
            accountId: owner,
            creatorClientKey: created.creatorClientKey,
            firstOutsideAt: at(200),
          },
        ]);
        expect((await store.getTracker(owner, created.id))?.hits).toEqual([own, outside]);
      });

      it('reports no outside hit while only the creator has loaded it', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        const [recorded] = await store.recordHits([hit(created.id, { clientKey: created.creatorClientKey })]);
        expect(recorded?.firstOutsideAt).toBeNull();
      });

      it('stores a hit id once, whether repeated in a batch or in a retried batch', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        const once = hit(created.id);
        const second = hit(created.id, { at: at(2000) });

        expect(await store.recordHits([once, once])).toHaveLength(1);
        const retried = await store.recordHits([once, second]);
        expect(retried.map((r) => r.hit.id)).toEqual([second.id]);
        expect((await store.getTracker(owner, created.id))?.hits).toHaveLength(2);
      });

      it('drops hits for unknown trackers without failing the rest of the batch', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        const kept = hit(created.id);
        const recorded = await store.recordHits([hit(randomUUID()), kept]);
        expect(recorded.map((r) => r.hit.id)).toEqual([kept.id]);
      });

      it('returns hits ordered by time, then id, whatever the write order', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        const late = hit(created.id, { at: at(5000) });
        const early = hit(created.id, { at: at(10), kind: 'click', linkIndex: 0 });
        await store.recordHits([late]);
        await store.recordHits([early]);
        expect((await store.getTracker(owner, created.id))?.hits).toEqual([early, late]);
      });

      it('deletes only hits older than the retention cutoff', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        const old = hit(created.id, { at: at(0) });
        const recent = hit(created.id, { at: at(10_000) });
        await store.recordHits([old, recent]);
        expect(await store.deleteHitsOlderThan(at(5000))).toBe(1);
        const after = await store.getTracker(owner, created.id);
        expect(after?.hits).toEqual([recent]);
        // The detail goes; what the user was told (two opens, first at 1 s) stays.
        expect(after?.tally).toEqual(tallyOf([old, recent], created.creatorClientKey));
      });
    });

    describe('hit cap: every hit counted, a bounded number kept in detail', () => {
      const limits = { firstKept: 3, recentKept: 4 };
      let capped: TrackerStore;
      let closeCapped: () => Promise<void>;
      beforeEach(async () => {
        ({ store: capped, cleanup: closeCapped } = await makeStore({ hitDetail: limits }));
      });
      afterEach(async () => {
        await closeCapped();
      });

      async function cappedTracker(): Promise<{ owner: string; created: NewTracker }> {
        const owner = `capped-${randomUUID()}`;
        await capped.createAccount({ id: owner, name: 'capped', apiKeyHash: `hash-${owner}`, createdAt: t0 });
        const created = tracker(owner);
        await capped.createTracker(created, null);
        return { owner, created };
      }

      /** A flood: a reader every 61 s (each one an open), with a scanner and the sender's own copy between. */
      function flood(trackerId: string, count: number, fromMs = 0): HitFact[] {
        return Array.from({ length: count }, (_, i) =>
          hit(trackerId, {
            id: `${String(fromMs + i).padStart(8, '0')}-${randomUUID()}`,
            at: at(fromMs + i * 61_000),
            ...(i % 3 === 1
              ? { signal: 'scanner', uaFamily: 'Scanner', clientKey: '192.0.2.0|Scanner' }
              : i % 3 === 2
                ? { clientKey: '203.0.113.0|Chrome', uaFamily: 'Chrome', ipPrefix: '203.0.113.0' }
                : {}),
          }),
        );
      }

      async function allKept(owner: string, trackerId: string, pageSize: number): Promise<HitFact[][]> {
        const pages: HitFact[][] = [];
        let before: HitCursor | null = null;
        do {
          const page = await capped.listHits(owner, trackerId, { limit: pageSize, before });
          if (!page) throw new Error('tracker not found');
          expect(page.hits.length).toBeLessThanOrEqual(pageSize);
          pages.push(page.hits);
          before = page.next;
        } while (before && pages.length < 20);
        return pages;
      }

      it('keeps the first and the latest hits, and counts all of them', async () => {
        const { owner, created } = await cappedTracker();
        const hits = flood(created.id, 20);
        for (let i = 0; i < hits.length; i += 3) {
          expect(await capped.recordHits(hits.slice(i, i + 3))).toHaveLength(Math.min(3, hits.length - i));
        }

        const found = await capped.getTracker(owner, created.id);
        const expected = tallyOf(hits, created.creatorClientKey);
        expect(found?.tally).toEqual(expected);
        expect(found?.tally).toMatchObject({
          hits: 20,
          // 7 reader loads and the sender's 6 (after the reader's first, they count as anyone's); 7 scans.
          opens: 13,
          machineOpens: 7,
          firstOpenedAt: at(0),
          lastOpenedAt: at(18 * 61_000),
        });
        const kept = (await allKept(owner, created.id, 2)).reverse().flat();
        expect(kept.map((h) => h.id)).toEqual([...hits.slice(0, 3), ...hits.slice(16)].map((h) => h.id));
      });

      it('does not count a retried batch twice once the tracker is past the cap', async () => {
        const { owner, created } = await cappedTracker();
        const hits = flood(created.id, 12);
        await capped.recordHits(hits.slice(0, 9));
        await capped.recordHits(hits.slice(9));
        const before = (await capped.getTracker(owner, created.id))?.tally;

        expect(await capped.recordHits(hits.slice(9))).toEqual([]);
        expect((await capped.getTracker(owner, created.id))?.tally).toEqual(before);
      });

      it('pages back through the kept hits newest first, each page bounded, none missed or repeated', async () => {
        const { owner, created } = await cappedTracker();
        const hits = flood(created.id, 7);
        await capped.recordHits(hits);

        const latest = await capped.getTracker(owner, created.id, 3);
        expect(latest?.hits.map((h) => h.id)).toEqual(hits.slice(4).map((h) => h.id));
        expect(latest?.next).not.toBeNull();
        const pages = await allKept(owner, created.id, 3);
        expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
        expect(pages.reverse().flat()).toEqual(hits);
        const huge = await capped.getTracker(owner, created.id, 10_000);
        expect(huge?.hits.length).toBeLessThanOrEqual(MAX_HIT_PAGE);
        expect(await capped.listHits('someone-else', created.id, { limit: 3, before: null })).toBeNull();
      });

      it('recounts exactly when a hit arrives late while every hit is kept', async () => {
        const { owner, created } = await cappedTracker();
        // The sender's own load at 10 s looks like `self` until the recipient's load at 5 s arrives late.
        const own = hit(created.id, { at: at(10_000), clientKey: created.creatorClientKey });
        const recipient = hit(created.id, { at: at(5000) });
        await capped.recordHits([own]);
        expect((await capped.getTracker(owner, created.id))?.tally.opens).toBe(0);
        const [late] = await capped.recordHits([recipient]);

        expect(late?.firstOutsideAt).toEqual(at(5000));
        expect((await capped.getTracker(owner, created.id))?.tally).toEqual(
          tallyOf([own, recipient], created.creatorClientKey),
        );
      });

      const drawnHit = fc.record({
        atSeconds: fc.integer({ min: 0, max: 240 }),
        client: fc.constantFrom('203.0.113.0|Chrome', '198.51.100.0|Firefox', '192.0.2.0|GoogleImageProxy'),
        kind: fc.constantFrom<HitFact['kind']>('open', 'open', 'click'),
        signal: fc.constantFrom<HitFact['signal']>('human', 'proxy', 'scanner'),
      });

      type DrawnHit = { atSeconds: number; client: string; kind: HitFact['kind']; signal: HitFact['signal'] };

      function hitsFrom(trackerId: string, drawn: DrawnHit[]): HitFact[] {
        return drawn.map((d, i) =>
          hit(trackerId, {
            id: `${String(i).padStart(3, '0')}-${randomUUID()}`,
            at: at(d.atSeconds * 1000),
            clientKey: d.client,
            kind: d.kind,
            linkIndex: d.kind === 'click' ? 0 : null,
            signal: d.signal,
          }),
        );
      }

      /** Splits `hits` into consecutive batches at the given cut points. */
      function batches(hits: HitFact[], cuts: number[]): HitFact[][] {
        const points = [...new Set(cuts.map((c) => c % (hits.length + 1)))].sort((a, b) => a - b);
        return [...points, hits.length].map((to, i, all) => hits.slice(i === 0 ? 0 : all[i - 1], to));
      }

      it('tallies exactly while every hit is kept, whatever the order, batching and retries', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(drawnHit, { minLength: 1, maxLength: limits.firstKept + limits.recentKept }),
            fc.array(fc.nat(), { maxLength: 4 }),
            fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
            fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
            async (drawn, cuts, order, retry) => {
              const { owner, created } = await cappedTracker();
              const hits = hitsFrom(created.id, drawn);
              const shuffled = hits
                .map((h, i) => ({ h, key: order[i] ?? i }))
                .sort((a, b) => a.key - b.key)
                .map(({ h }) => h);
              for (const [i, batch] of batches(shuffled, cuts).entries()) {
                await capped.recordHits(batch);
                if (retry[i]) expect(await capped.recordHits(batch)).toEqual([]);
              }
              const found = await capped.getTracker(owner, created.id);
              expect(found?.tally).toEqual(tallyOf(hits, created.creatorClientKey));
              expect(found?.hits).toHaveLength(hits.length);
            },
          ),
          { numRuns: 25 },
        );
      });

      it('tallies exactly past the cap when batches come in time order, keeping first and latest', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(drawnHit, { minLength: 1, maxLength: 30 }),
            fc.array(fc.nat(), { maxLength: 6 }),
            async (drawn, cuts) => {
              const { owner, created } = await cappedTracker();
              // Distinct, increasing times, so every batch is later than the one before.
              const hits = hitsFrom(created.id, drawn).map((h, i) => ({ ...h, at: at(i * 7000) }));
              for (const batch of batches(hits, cuts)) await capped.recordHits(batch);
              const found = await capped.getTracker(owner, created.id, MAX_HIT_PAGE);
              expect(found?.tally).toEqual(tallyOf(hits, created.creatorClientKey));
              const kept =
                hits.length <= limits.firstKept + limits.recentKept
                  ? hits
                  : [...hits.slice(0, limits.firstKept), ...hits.slice(-limits.recentKept)];
              expect(found?.hits.map((h) => h.id)).toEqual(kept.map((h) => h.id));
            },
          ),
          { numRuns: 25 },
        );
      });

      it('still counts a late hit once the tracker is past the cap', async () => {
        const { owner, created } = await cappedTracker();
        await capped.recordHits(flood(created.id, 10, 100_000));
        const late = hit(created.id, { at: at(0), clientKey: '198.18.0.0|Safari', uaFamily: 'Safari' });
        expect(await capped.recordHits([late])).toHaveLength(1);
        const tally = (await capped.getTracker(owner, created.id))?.tally;
        expect(tally).toMatchObject({ hits: 11, opens: 8, firstOpenedAt: at(0) });
      });
    });

    describe('event tickets', () => {
      it('lets each ticket be claimed once, even by racing claims, and forgets claims once expired', async () => {
        const expiresAt = at(60_000);
        const claims = await Promise.all(
          Array.from({ length: 5 }, () => store.claimEventTicket('ticket-a', expiresAt, at(0))),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.claimEventTicket('ticket-a', expiresAt, at(1000))).toBe(false);
        expect(await store.claimEventTicket('ticket-b', expiresAt, at(1000))).toBe(true);
        // Past its expiry the claim is forgotten (the ticket itself is refused by then).
        expect(await store.claimEventTicket('ticket-c', at(120_000), at(60_000))).toBe(true);
        expect(await store.claimEventTicket('ticket-a', at(120_000), at(60_000))).toBe(true);
      });
    });

    describe('lifecycle', () => {
      it('answers a ping while open and rejects work after close', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.ping()).rejects.toThrow();
      });
    });
  });
}
