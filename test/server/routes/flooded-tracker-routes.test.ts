/**
 * A tracker whose pixel is loaded far more often than any reader would (someone holding the URL and looping):
 * the API still reports every open correctly, and what it answers no longer grows with the number of hits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackerDetail, TrackerEventPage } from '../../../src/core/tracking/api-contract';
import { createSqliteTrackerStore } from '../../../src/server/storage/sqlite/sqlite-tracker-store';
import {
  buildTestApp,
  createAccount,
  createTracker,
  pathOf,
  START,
  type CreatedTracker,
  type TestApp,
} from '../support/build-test-app';

const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const KEPT = { firstKept: 5, recentKept: 150 };

describe('a flooded tracker through the API', () => {
  let t: TestApp;
  let apiKey: string;
  let tracker: CreatedTracker;
  beforeEach(async () => {
    t = await buildTestApp({ store: createSqliteTrackerStore({ path: ':memory:', hitDetail: KEPT }) });
    ({ apiKey } = await createAccount(t.app));
    tracker = await createTracker(t.app, apiKey);
  });
  afterEach(async () => {
    await t.close();
  });

  const auth = () => ({ authorization: `Bearer ${apiKey}` });

  /** Loads the pixel `count` times as one reader, 61 s apart, so that every load is an open of its own. */
  async function loadAsReader(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      t.deps.clock.advance(61_000);
      await t.app.inject({
        url: pathOf(tracker.pixelUrl),
        headers: { 'user-agent': FIREFOX_UA },
        remoteAddress: '198.51.100.7',
      });
    }
    await t.deps.hits.flush();
  }

  async function detail(): Promise<{ body: TrackerDetail; bytes: number }> {
    const response = await t.app.inject({ url: `/api/v1/trackers/${tracker.id}`, headers: auth() });
    expect(response.statusCode).toBe(200);
    return { body: response.json(), bytes: Buffer.byteLength(response.body) };
  }

  it('reports every open, first and last, with the latest 100 events, and no bigger answer as hits grow', async () => {
    await loadAsReader(300);
    const first = await detail();
    expect(first.body).toMatchObject({
      status: 'reopened',
      opens: 300,
      machineOpens: 0,
      eventCount: 300,
      firstOpenedAt: new Date(START.getTime() + 61_000).toISOString(),
      lastOpenedAt: new Date(START.getTime() + 300 * 61_000).toISOString(),
    });
    expect(first.body.events).toHaveLength(100);
    expect(first.body.events.at(-1)?.at).toBe(first.body.lastOpenedAt);
    expect(first.body.olderEventsCursor).toEqual(expect.any(String));

    await loadAsReader(300);
    const later = await detail();
    expect(later.body).toMatchObject({ opens: 600, eventCount: 600 });
    expect(later.body.events).toHaveLength(100);
    expect(Math.abs(later.bytes - first.bytes)).toBeLessThan(16);

    const list = await t.app.inject({ url: '/api/v1/trackers', headers: auth() });
    expect(list.json().trackers[0]).toMatchObject({ id: tracker.id, opens: 600, status: 'reopened' });
  });

  it('pages back through every kept event, once each, oldest page last', async () => {
    await loadAsReader(400);
    const { body } = await detail();
    const seen = [...body.events];
    let cursor = body.olderEventsCursor ?? null;
    let pages = 0;
    while (cursor !== null && pages < 10) {
      const response = await t.app.inject({
        url: `/api/v1/trackers/${tracker.id}/events?limit=40&cursor=${cursor}`,
        headers: auth(),
      });
      expect(response.statusCode).toBe(200);
      const page = response.json<TrackerEventPage>();
      expect(page.events.length).toBeLessThanOrEqual(40);
      seen.unshift(...page.events);
      cursor = page.nextCursor;
      pages++;
    }
    // The first 5 and the latest 150 of 400 are kept in detail; the 250 between are only counted.
    expect(seen).toHaveLength(KEPT.firstKept + KEPT.recentKept);
    const times = seen.map((event) => event.at);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    expect(times[0]).toBe(new Date(START.getTime() + 61_000).toISOString());
    expect(times[KEPT.firstKept]).toBe(new Date(START.getTime() + 251 * 61_000).toISOString());
  });

  it.each([
    ['cursor=garbage', /cursor/],
    [`cursor=${Buffer.from('e.0').toString('base64url')}`, /cursor/],
    ['limit=0', /limit/],
    ['limit=201', /limit/],
  ])('refuses ?%s on the events page with a 400', async (query, message) => {
    const response = await t.app.inject({
      url: `/api/v1/trackers/${tracker.id}/events?${query}`,
      headers: auth(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(message);
  });

  it("answers 404 for another account's tracker events", async () => {
    const intruder = await createAccount(t.app, 'intruder');
    const response = await t.app.inject({
      url: `/api/v1/trackers/${tracker.id}/events`,
      headers: { authorization: `Bearer ${intruder.apiKey}` },
    });
    expect(response.statusCode).toBe(404);
  });
});
