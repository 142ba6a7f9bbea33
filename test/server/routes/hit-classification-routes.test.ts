import { afterEach, describe, expect, it } from 'vitest';
import {
  CHROME_UA,
  OUTLOOK_UA,
  buildTestApp,
  createAccount,
  createTracker,
  pathOf,
  type TestApp,
} from '../support/build-test-app';

const GMAIL_PROXY =
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

interface Detail {
  status: string;
  opens: number;
  machineOpens: number;
  clicks: number;
  events: { source: string; kind: string; client?: string }[];
}

describe('what an open means, through the HTTP routes', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  async function setUp(config: Parameters<typeof buildTestApp>[0] = {}) {
    t = await buildTestApp(config);
    const { apiKey } = await createAccount(t.app);
    // The creator is Chrome at 203.0.113.7 (see createTracker).
    const tracker = await createTracker(t.app, apiKey);
    const load = (headers: Record<string, string>, remoteAddress: string) =>
      t.app.inject({ url: pathOf(tracker.pixelUrl), headers, remoteAddress });
    const detail = async (): Promise<Detail> => {
      await t.deps.hits.flush();
      const response = await t.app.inject({
        url: `/api/v1/trackers/${tracker.id}`,
        headers: { authorization: `Bearer ${apiKey}` },
      });
      return response.json();
    };
    return { load, detail, tracker, apiKey };
  }

  it.each([
    ['human', { 'user-agent': OUTLOOK_UA }, '198.51.100.20', 1, 0],
    ['proxy', { 'user-agent': GMAIL_PROXY }, '66.249.84.10', 1, 0],
    ['apple-mpp', { 'user-agent': 'Mozilla/5.0' }, '17.58.1.2', 0, 1],
    ['prefetch', { 'user-agent': CHROME_UA, 'sec-purpose': 'prefetch' }, '198.51.100.20', 0, 1],
    ['scanner', { 'user-agent': 'curl/8.5.0' }, '192.0.2.9', 0, 1],
    ['self', { 'user-agent': CHROME_UA }, '203.0.113.99', 0, 0],
  ])('classifies a %s load and counts it honestly', async (source, headers, ip, opens, machineOpens) => {
    const { load, detail } = await setUp();
    expect((await load(headers, ip)).statusCode).toBe(200);
    const result = await detail();
    expect(result.events.map((e) => e.source)).toEqual([source]);
    expect(result).toMatchObject({ opens, machineOpens, status: opens ? 'opened' : 'unopened' });
  });

  it("treats classic Outlook's compose window as the sender when the pane (Edge WebView2) created the tracker", async () => {
    t = await buildTestApp();
    const { apiKey } = await createAccount(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/trackers',
      headers: { authorization: `Bearer ${apiKey}`, 'user-agent': `${CHROME_UA} Edg/131.0.0.0` },
      remoteAddress: '203.0.113.7',
      payload: {},
    });
    const tracker = created.json<{ id: string; pixelUrl: string }>();
    await t.app.inject({
      url: pathOf(tracker.pixelUrl),
      headers: { 'user-agent': OUTLOOK_UA },
      remoteAddress: '203.0.113.7',
    });
    await t.deps.hits.flush();
    const detail = await t.app.inject({
      url: `/api/v1/trackers/${tracker.id}`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(detail.json()).toMatchObject({
      status: 'unopened',
      events: [{ source: 'self', client: 'Outlook' }],
    });
  });

  it("counts the creator's loads after the recipient's first open, as a person reading again", async () => {
    const { load, detail } = await setUp();
    await load({ 'user-agent': CHROME_UA }, '203.0.113.7');
    t.deps.clock.advance(1000);
    await load({ 'user-agent': OUTLOOK_UA }, '198.51.100.20');
    t.deps.clock.advance(1000);
    await load({ 'user-agent': CHROME_UA }, '203.0.113.7');
    const result = await detail();
    expect(result.events.map((e) => e.source)).toEqual(['self', 'human', 'human']);
    expect(result.status).toBe('reopened');
  });

  it('folds loads within 60 s and reopens after (status from the server clock)', async () => {
    const { load, detail } = await setUp();
    await load({ 'user-agent': OUTLOOK_UA }, '198.51.100.20');
    t.deps.clock.advance(59_000);
    await load({ 'user-agent': OUTLOOK_UA }, '198.51.100.20');
    expect(await detail()).toMatchObject({ status: 'opened', opens: 1 });
    t.deps.clock.advance(1_000);
    await load({ 'user-agent': OUTLOOK_UA }, '198.51.100.20');
    expect(await detail()).toMatchObject({ status: 'reopened', opens: 2 });
  });

  describe('development preview client', () => {
    it('in dev mode, makes a load from the creator machine a distinct client, never self', async () => {
      const { load, detail } = await setUp({ config: { devMode: true } });
      await load({ 'user-agent': CHROME_UA, 'x-politely-preview-client': 'recipient' }, '203.0.113.7');
      const result = await detail();
      expect(result.events).toEqual([
        expect.objectContaining({ source: 'human', client: 'Preview: recipient' }),
      ]);
      expect(result.status).toBe('opened');
    });

    it('outside dev mode, ignores the header entirely (the load stays self)', async () => {
      const { load, detail } = await setUp({ config: { devMode: false } });
      await load({ 'user-agent': CHROME_UA, 'x-politely-preview-client': 'recipient' }, '203.0.113.7');
      const result = await detail();
      expect(result.events.map((e) => e.source)).toEqual(['self']);
      expect(result.status).toBe('unopened');
    });

    it('ignores a preview name with unexpected characters', async () => {
      const { load, detail } = await setUp({ config: { devMode: true } });
      await load({ 'user-agent': CHROME_UA, 'x-politely-preview-client': '<script>' }, '203.0.113.7');
      expect((await detail()).events.map((e) => e.source)).toEqual(['self']);
    });
  });

  describe('POST /dev/clock', () => {
    it('moves the server clock forward in dev mode, so a reopen needs no waiting', async () => {
      const { load, detail } = await setUp({ config: { devMode: true } });
      await load({ 'user-agent': CHROME_UA, 'x-politely-preview-client': 'recipient' }, '203.0.113.7');
      const moved = await t.app.inject({ method: 'POST', url: '/dev/clock', payload: { advanceMs: 61_000 } });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toEqual({ now: '2026-11-02T10:01:01.000Z' });
      await load({ 'user-agent': CHROME_UA, 'x-politely-preview-client': 'recipient' }, '203.0.113.7');
      expect(await detail()).toMatchObject({ status: 'reopened', opens: 2 });
    });

    it('refuses a negative or missing advance with a 400', async () => {
      await setUp({ config: { devMode: true } });
      for (const payload of [{ advanceMs: -1 }, {}, { advanceMs: 'soon' }]) {
        const response = await t.app.inject({ method: 'POST', url: '/dev/clock', payload });
        expect(response.statusCode).toBe(400);
      }
    });

    it('does not exist outside dev mode', async () => {
      await setUp({ config: { devMode: false } });
      const response = await t.app.inject({
        method: 'POST',
        url: '/dev/clock',
        payload: { advanceMs: 1000 },
      });
      expect(response.statusCode).toBe(404);
      expect(t.deps.clock.now().toISOString()).toBe('2026-11-02T10:00:00.000Z');
    });
  });
});
