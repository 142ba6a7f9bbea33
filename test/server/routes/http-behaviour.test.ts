import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, createAccount, createTracker, pathOf, type TestApp } from '../support/build-test-app';

describe('HTTP behaviour shared by every route', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  describe('CORS', () => {
    it('allows the configured task-pane origin, including the preflight', async () => {
      t = await buildTestApp({ config: { allowedOrigins: ['https://localhost:3000'] } });
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/trackers',
        headers: {
          origin: 'https://localhost:3000',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://localhost:3000');
      expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Authorization/);

      const actual = await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        headers: { origin: 'https://localhost:3000' },
        payload: { name: 'A' },
      });
      expect(actual.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    });

    it('lets the task pane read when a rate limit resets', async () => {
      t = await buildTestApp({ config: { apiRateLimitPerMinute: 1 } });
      const ask = () =>
        t.app.inject({ url: '/api/v1/trackers', headers: { origin: 'https://localhost:3000' } });
      const allowed = await ask();
      const limited = await ask();
      expect(limited.statusCode).toBe(429);
      for (const response of [allowed, limited]) {
        expect(response.headers['access-control-allow-origin']).toBe('https://localhost:3000');
        const exposed = String(response.headers['access-control-expose-headers']).toLowerCase().split(/,\s*/);
        expect(exposed).toEqual(
          expect.arrayContaining([
            'retry-after',
            'x-ratelimit-limit',
            'x-ratelimit-remaining',
            'x-ratelimit-reset',
          ]),
        );
      }
      // …and the headers it may read are there to read.
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['x-ratelimit-reset']).toEqual(expect.any(String));
    });

    it('gives no CORS permission to any other origin', async () => {
      t = await buildTestApp({ config: { allowedOrigins: ['https://localhost:3000'] } });
      for (const origin of [
        'https://evil.example',
        'http://localhost:3000',
        'https://localhost:3000.evil.example',
      ]) {
        const response = await t.app.inject({
          method: 'OPTIONS',
          url: '/api/v1/trackers',
          headers: { origin, 'access-control-request-method': 'GET' },
        });
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });

  it('rate-limits /api/v1 per client with a 429 and a message', async () => {
    t = await buildTestApp({ config: { apiRateLimitPerMinute: 3 } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await t.app.inject({ url: '/api/v1/trackers', remoteAddress: '192.0.2.1' })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const limited = await t.app.inject({ url: '/api/v1/trackers', remoteAddress: '192.0.2.1' });
    expect(limited.json()).toMatchObject({ statusCode: 429, message: expect.stringMatching(/rate limit/i) });
    expect((await t.app.inject({ url: '/api/v1/trackers', remoteAddress: '192.0.2.2' })).statusCode).toBe(
      401,
    );
  });

  it('limits account creation more strictly than the rest of the API', async () => {
    t = await buildTestApp({ config: { apiRateLimitPerMinute: 100, accountCreationsPerHour: 2 } });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: 'A' },
      });
      codes.push(response.statusCode);
    }
    expect(codes).toEqual([201, 201, 429]);
  });

  it('never rate-limits the pixel', async () => {
    t = await buildTestApp({ config: { apiRateLimitPerMinute: 1 } });
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ url: '/p/x.gif' })).statusCode).toBe(200);
  });

  it('sends security headers', async () => {
    t = await buildTestApp();
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('answers unknown addresses and undecodable URLs with a JSON 4xx', async () => {
    t = await buildTestApp();
    const missing = await t.app.inject({ url: '/nope?token=secret' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'There is nothing at this address.',
    });
    const undecodable = await t.app.inject({ url: '/api/v1/trackers/%E0%A4%A' });
    expect(undecodable.statusCode).toBe(400);
  });

  it('refuses oversized headers before any route runs', async () => {
    t = await buildTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
      headers: { 'x-big': 'x'.repeat(20_000) },
    });
    expect(response.status).toBe(431);
  });

  describe('health', () => {
    it('reports live and ready while storage answers', async () => {
      t = await buildTestApp();
      expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
      expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
    });

    it('reports not ready (503) while storage is down, and still live', async () => {
      t = await buildTestApp();
      t.store.ping = () => Promise.reject(new Error('down'));
      const ready = await t.app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().message).toMatch(/Storage is not answering/);
      expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    });
  });

  it('never writes tokens, keys or query strings to the log, even on errors', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await buildTestApp({ logger: { level: 'trace', stream } });
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey, { links: ['https://example.com/x'] });
    const pixelToken = pathOf(tracker.pixelUrl).slice(3, -4);
    const linkToken = pathOf(tracker.links[0]!.trackedUrl).slice(3);

    t.store.findLinkTarget = () => Promise.reject(new Error('down'));
    t.store.listTrackers = () => Promise.reject(new Error('down'));
    t.deps.hits.enqueue = () => {
      throw new Error('broken queue');
    };
    await t.app.inject({ url: `${pathOf(tracker.pixelUrl)}?secret=query-secret` });
    await t.app.inject({ url: `/l/${linkToken}?secret=query-secret` });
    await t.app.inject({
      url: '/api/v1/trackers?cursor=query-secret',
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const log = lines.join('');
    expect(log).toContain('storage unavailable');
    for (const secret of [pixelToken, linkToken, apiKey, 'query-secret']) expect(log).not.toContain(secret);
  });
});
