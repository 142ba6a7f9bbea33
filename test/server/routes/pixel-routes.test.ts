import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackerStore } from '../../../src/server/storage/tracker-store';
import { createSqliteTrackerStore } from '../../../src/server/storage/sqlite/sqlite-tracker-store';
import { createTokenSigner } from '../../../src/server/tracking/token-signer';
import { createTrackingTokens, newRandomId } from '../../../src/server/tracking/tracking-tokens';
import { TRANSPARENT_GIF } from '../../../src/server/tracking/transparent-gif';
import {
  CHROME_UA,
  OUTLOOK_UA,
  buildTestApp,
  createAccount,
  createTracker,
  pathOf,
  type TestApp,
} from '../support/build-test-app';

const CACHE_CONTROL = 'no-store, no-cache, must-revalidate, private';

function expectGif(response: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('image/gif');
  expect(response.headers['cache-control']).toBe(CACHE_CONTROL);
  expect(response.rawPayload.equals(TRANSPARENT_GIF)).toBe(true);
}

describe('GET /p/<token>.gif', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  async function hitsOf(apiKey: string, id: string) {
    await t.deps.hits.flush();
    const response = await t.app.inject({
      url: `/api/v1/trackers/${id}`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    return response.json<{ opens: number; events: { source: string }[] }>();
  }

  it('answers the 43-byte transparent GIF, uncacheable, and records the open', async () => {
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey);
    expect(tracker.pixelUrl).toMatch(/^https:\/\/track\.example\.test\/p\/[A-Za-z0-9_.-]+\.gif$/);

    const response = await t.app.inject({
      url: pathOf(tracker.pixelUrl),
      headers: { 'user-agent': OUTLOOK_UA },
      remoteAddress: '198.51.100.20',
    });
    expectGif(response);
    expect(response.rawPayload).toHaveLength(43);
    const detail = await hitsOf(apiKey, tracker.id);
    expect(detail.opens).toBe(1);
    expect(detail.events).toEqual([
      expect.objectContaining({ kind: 'open', source: 'human', client: 'Outlook' }),
    ]);
  });

  it('lets the GIF be embedded by other sites (cross-origin resource policy)', async () => {
    const response = await t.app.inject({ url: '/p/anything.gif' });
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it.each([
    ['a forged tag', (token: string) => token.slice(0, -3) + 'AAA'],
    [
      'a token signed with another secret',
      () => {
        const foreign = createTrackingTokens(createTokenSigner(['some-other-secret-some-other-secret-9']));
        return foreign.pixelToken(newRandomId());
      },
    ],
    ['a garbled token', () => '%%%not-a-token'],
    ['an empty token', () => ''],
    ['a huge token', () => 'A'.repeat(5000)],
    ['a link token used as a pixel', (_token: string, linkToken: string) => linkToken],
  ])('answers the GIF for %s and records nothing', async (_label, forge) => {
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey, { links: ['https://example.com/jobs'] });
    const token = pathOf(tracker.pixelUrl).slice(3, -4);
    const linkToken = pathOf(tracker.links[0]!.trackedUrl).slice(3);
    const response = await t.app.inject({
      url: `/p/${forge(token, linkToken)}.gif`,
      remoteAddress: '198.51.100.20',
    });
    expectGif(response);
    expect(t.deps.hits.stats().queued).toBe(0);
    expect((await hitsOf(apiKey, tracker.id)).events).toEqual([]);
  });

  it('answers the GIF for a genuine token of an unknown tracker, and stores nothing', async () => {
    const token = t.deps.tokens.pixelToken(newRandomId());
    expectGif(await t.app.inject({ url: `/p/${token}.gif` }));
    await t.deps.hits.flush();
    expect(t.deps.hits.stats()).toMatchObject({ queued: 0, dropped: 0 });
  });

  it('answers the GIF without the .gif suffix, with a query string, and to HEAD (which records nothing)', async () => {
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey);
    const token = pathOf(tracker.pixelUrl).slice(3, -4);
    expectGif(await t.app.inject({ url: `/p/${token}?utm=1`, remoteAddress: '198.51.100.20' }));
    const head = await t.app.inject({ method: 'HEAD', url: pathOf(tracker.pixelUrl) });
    expect(head.statusCode).toBe(200);
    expect(head.headers['cache-control']).toBe(CACHE_CONTROL);
    expect((await hitsOf(apiKey, tracker.id)).events).toHaveLength(1);
  });

  it('answers at once even while storage never answers', async () => {
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey);
    t.store.recordHits = () => new Promise(() => undefined);
    expectGif(await t.app.inject({ url: pathOf(tracker.pixelUrl) }));
  });
});

describe('GET /p/<token>.gif when storage fails', () => {
  it('still answers the GIF, and the hit is written once storage is back', async () => {
    const store = createSqliteTrackerStore({ path: ':memory:' });
    const t = await buildTestApp({ store });
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey);

    const recordHits = store.recordHits.bind(store);
    const broken: TrackerStore = { ...store };
    store.recordHits = () => Promise.reject(new Error('disk full'));
    store.ping = () => Promise.reject(new Error('disk full'));
    expectGif(await t.app.inject({ url: pathOf(tracker.pixelUrl), remoteAddress: '198.51.100.20' }));
    await expect(t.deps.hits.flush()).rejects.toThrow();
    expect(t.deps.hits.stats().queued).toBe(1);
    void broken;

    store.recordHits = recordHits;
    await t.deps.hits.flush();
    const detail = await t.app.inject({
      url: `/api/v1/trackers/${tracker.id}`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(detail.json().opens).toBe(1);
    await t.close();
  });

  it('still answers the GIF when even queueing the hit throws', async () => {
    const t = await buildTestApp();
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey);
    t.deps.hits.enqueue = () => {
      throw new Error('queue broken');
    };
    expectGif(await t.app.inject({ url: pathOf(tracker.pixelUrl), headers: { 'user-agent': CHROME_UA } }));
    await t.close();
  });
});

describe('GET /p/<token>.gif over real HTTP (served ahead of Fastify routing)', () => {
  it('answers exactly like the route: GIF, headers, and the open recorded with the socket address', async () => {
    const t = await buildTestApp();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey);

    for (const path of [pathOf(tracker.pixelUrl), '/p/forged.gif', '/p/%E0%A4%A.gif']) {
      const response = await fetch(`${base}${path}`, { headers: { 'user-agent': OUTLOOK_UA } });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL);
      expect(response.headers.get('content-type')).toBe('image/gif');
      expect(Buffer.from(await response.arrayBuffer()).equals(TRANSPARENT_GIF)).toBe(true);
    }
    await t.deps.hits.flush();
    const detail = await t.app.inject({
      url: `/api/v1/trackers/${tracker.id}`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(detail.json().events).toEqual([expect.objectContaining({ source: 'human', client: 'Outlook' })]);
    await t.close();
  });
});
