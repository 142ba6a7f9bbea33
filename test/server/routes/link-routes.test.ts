import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRandomId } from '../../../src/server/tracking/tracking-tokens';
import {
  OUTLOOK_UA,
  buildTestApp,
  createAccount,
  createTracker,
  pathOf,
  type TestApp,
} from '../support/build-test-app';

describe('GET /l/<token>', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  async function withLinks() {
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey, {
      links: ['https://example.com/careers', 'https://example.org/other?x=1'],
    });
    return { apiKey, tracker };
  }

  it('redirects to the stored target and counts a click (and an open)', async () => {
    const { apiKey, tracker } = await withLinks();
    const response = await t.app.inject({
      url: pathOf(tracker.links[1]!.trackedUrl),
      headers: { 'user-agent': OUTLOOK_UA },
      remoteAddress: '198.51.100.20',
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('https://example.org/other?x=1');
    expect(response.headers['cache-control']).toBe('no-store');

    await t.deps.hits.flush();
    const detail = await t.app.inject({
      url: `/api/v1/trackers/${tracker.id}`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(detail.json()).toMatchObject({
      clicks: 1,
      opens: 1,
      status: 'opened',
      events: [{ kind: 'click', source: 'human' }],
    });
  });

  it('ignores any target given in the request (no open redirect)', async () => {
    const { tracker } = await withLinks();
    const url = `${pathOf(tracker.links[0]!.trackedUrl)}?url=https://evil.example&redirect=https://evil.example`;
    const response = await t.app.inject({ url });
    expect(response.headers.location).toBe('https://example.com/careers');
  });

  it.each([
    ['a forged token', (token: string) => token.slice(0, -2) + 'xx'],
    ['a garbled token', () => 'garbage'],
    ['a pixel token', (_: string, pixel: string) => pixel],
    ['a genuine token of an unknown tracker', () => t.deps.tokens.linkToken(newRandomId(), 0)],
  ])('answers 404 for %s, and records nothing', async (_label, forge) => {
    const { tracker } = await withLinks();
    const token = pathOf(tracker.links[0]!.trackedUrl).slice(3);
    const pixel = pathOf(tracker.pixelUrl).slice(3, -4);
    const response = await t.app.inject({ url: `/l/${forge(token, pixel)}` });
    expect(response.statusCode).toBe(404);
    expect(response.headers.location).toBeUndefined();
    expect(response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(t.deps.hits.stats().queued).toBe(0);
  });

  it('answers 404 once the tracker is deleted', async () => {
    const { apiKey, tracker } = await withLinks();
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/trackers/${tracker.id}`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect((await t.app.inject({ url: pathOf(tracker.links[0]!.trackedUrl) })).statusCode).toBe(404);
  });

  it.each([
    [
      'an internationalised host and path',
      'https://例え.jp/パス?q=ü#frag',
      'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%C3%BC#frag',
    ],
    ['a Latin-1 host', 'https://bücher.example/straße', 'https://xn--bcher-kva.example/stra%C3%9Fe'],
    ['a space', 'https://example.com/a b', 'https://example.com/a%20b'],
    ['a backslash before @', 'https://example.com\\@evil.example/', 'https://example.com/@evil.example/'],
  ])(
    'redirects a target with %s to its ASCII form, the host a browser would reach',
    async (_label, link, location) => {
      const { apiKey } = await createAccount(t.app);
      const tracker = await createTracker(t.app, apiKey, { links: [link] });
      expect(tracker.links[0]!.url).toBe(link);
      const response = await t.app.inject({ url: pathOf(tracker.links[0]!.trackedUrl) });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe(location);
    },
  );

  it.each([
    ['a line break', 'https://example.com/a\r\nSet-Cookie: x=1'],
    ['an http URL', 'http://example.com/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['credentials', 'https://user:pw@evil.example/'],
  ])('answers 404, never a 500 or a redirect, for a stored target with %s', async (_label, stored) => {
    const { tracker } = await withLinks();
    // As if stored under older rules or altered in the database.
    t.store.findLinkTarget = () => Promise.resolve(stored);
    const response = await t.app.inject({ url: pathOf(tracker.links[0]!.trackedUrl) });
    expect(response.statusCode).toBe(404);
    expect(response.headers.location).toBeUndefined();
    expect(t.deps.hits.stats().queued).toBe(0);
  });

  it('answers 503 when storage cannot say where the link goes', async () => {
    const { tracker } = await withLinks();
    t.store.findLinkTarget = () => Promise.reject(new Error('down'));
    const response = await t.app.inject({ url: pathOf(tracker.links[0]!.trackedUrl) });
    expect(response.statusCode).toBe(503);
    expect(response.json().message).toMatch(/try again/);
  });
});
