/**
 * The behaviour every TrackerStore adapter must show, as one reusable suite: call
 * describeTrackerStoreContract from an adapter's test file with a factory that gives a fresh, empty store.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HitFact, NewTracker, TrackerStore } from '../../../src/server/storage/tracker-store';

export interface StoreUnderTest {
  store: TrackerStore;
  cleanup: () => Promise<void>;
}

const t0 = new Date('2026-11-02T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

export function describeTrackerStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
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
        expect(await store.getTracker(owner, created.id)).toEqual({ tracker: created, hits: [] });
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

      it('lists each tracker with its hits', async () => {
        const owner = await account();
        const created = tracker(owner);
        await store.createTracker(created, null);
        const recorded = hit(created.id);
        await store.recordHits([recorded]);
        const page = await store.listTrackers(owner, { limit: 5, after: null });
        expect(page.trackers[0]?.hits).toEqual([recorded]);
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
        expect((await store.getTracker(owner, created.id))?.hits).toEqual([recent]);
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
