import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../../src/server/http/authenticate';
import { buildTestApp, createAccount, createTracker, type TestApp } from '../support/build-test-app';

describe('accounts and trackers API', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const auth = (apiKey: string) => ({ authorization: `Bearer ${apiKey}` });

  describe('POST /api/v1/accounts', () => {
    it('creates an account whose key works, and stores only its hash', async () => {
      const { accountId, apiKey } = await createAccount(t.app, 'Ada');
      expect(apiKey).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
      expect(await t.store.findAccountByKeyHash(hashApiKey(apiKey))).toMatchObject({
        id: accountId,
        name: 'Ada',
      });
      expect(await t.store.findAccountByKeyHash(apiKey)).toBeNull();
      const list = await t.app.inject({ url: '/api/v1/trackers', headers: auth(apiKey) });
      expect(list.statusCode).toBe(200);
    });

    it.each([
      ['no body', undefined, /body/],
      ['no name', {}, /name/],
      ['an empty name', { name: '' }, /name/],
      ['a name of 101 characters', { name: 'x'.repeat(101) }, /name/],
      ['a number as name', { name: 42 }, /name/],
    ])('refuses %s with a 400 that says what is wrong', async (_label, payload, message) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', message });
    });

    it('refuses malformed JSON and a body over the size limit with a 4xx, never a 500', async () => {
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        headers: { 'content-type': 'application/json' },
        payload: '{"name": ',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/JSON/i);
      const huge = await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: 'x'.repeat(20_000) },
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.body).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it('needs the registration secret when one is configured', async () => {
      const locked = await buildTestApp({ config: { registrationSecret: 'let-me-in' } });
      const post = (headers: Record<string, string>) =>
        locked.app.inject({ method: 'POST', url: '/api/v1/accounts', headers, payload: { name: 'A' } });
      const missing = await post({});
      expect(missing.statusCode).toBe(403);
      expect(missing.json().message).toMatch(/registration secret/);
      expect((await post({ 'x-registration-secret': 'let-me-out' })).statusCode).toBe(403);
      expect((await post({ 'x-registration-secret': 'let-me-in' })).statusCode).toBe(201);
      await locked.close();
    });
  });

  describe('authentication', () => {
    it.each([
      ['no Authorization header', {}, /API key/],
      ['a wrong key', { authorization: 'Bearer pk_wrong' }, /not valid/],
      ['a Basic credential', { authorization: 'Basic dXNlcjpwYXNz' }, /API key/],
      ['an empty bearer', { authorization: 'Bearer ' }, /API key/],
    ])('answers 401 for %s', async (_label, headers, message) => {
      const response = await t.app.inject({ url: '/api/v1/trackers', headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized', message });
    });

    it('refuses before validating the body', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/trackers',
        payload: { links: 'nope' },
      });
      expect(response.statusCode).toBe(401);
    });
  });

  describe('POST /api/v1/trackers', () => {
    it('answers 201 with pixel and tracked-link URLs on the public URL', async () => {
      const { apiKey } = await createAccount(t.app);
      const created = await createTracker(t.app, apiKey, {
        subject: 'Re: Interview',
        links: ['https://example.com/a', 'https://example.com/b?q=1'],
      });
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(created.pixelUrl).toMatch(/^https:\/\/track\.example\.test\/p\/.+\.gif$/);
      expect(created.links.map((l) => l.url)).toEqual(['https://example.com/a', 'https://example.com/b?q=1']);
      expect(created.links[0]?.trackedUrl).toMatch(/^https:\/\/track\.example\.test\/l\//);
      expect(created.createdAt).toBe('2026-11-02T10:00:00.000Z');
    });

    it.each([
      ['a subject over 300 characters', { subject: 'x'.repeat(301) }, /subject/],
      ['a recipient over 320 characters', { recipient: 'x'.repeat(321) }, /recipient/],
      ['a template over 64 characters', { template: 'x'.repeat(65) }, /template/],
      ['an http link', { links: ['http://example.com'] }, /links/],
      ['a javascript: link', { links: ['javascript:alert(1)'] }, /links/],
      ['a link that is only a scheme', { links: ['https://'] }, /links/],
      ['a link with credentials', { links: ['https://user:pw@example.com/'] }, /links\[0\]/],
      ['a malformed https link', { links: ['https://exa mple.com/'] }, /links\[0\]/],
      // A URL parser drops or encodes these silently, and a raw one in a Location header is a 500.
      ['a link with a line break', { links: ['https://example.com/a\r\nSet-Cookie: x=1'] }, /control/],
      ['a link with a tab', { links: ['https://example.com/\tcareers'] }, /links\[0\].*control/],
      ['a link with a NUL', { links: ['https://example.com/\u0000'] }, /control/],
      ['a protocol-relative link', { links: ['//evil.example/x'] }, /links/],
      ['21 links', { links: Array.from({ length: 21 }, (_, i) => `https://example.com/${i}`) }, /links/],
      ['links that are not a list', { links: 'https://example.com' }, /links/],
    ])('refuses %s with a 400 naming the field', async (_label, payload, message) => {
      const { apiKey } = await createAccount(t.app);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/trackers',
        headers: auth(apiKey),
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(message);
    });

    it('accepts a tracker with no fields at all', async () => {
      const { apiKey } = await createAccount(t.app);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/trackers',
        headers: auth(apiKey),
        payload: {},
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().links).toEqual([]);
    });
  });

  describe('monthly quota', () => {
    it('answers 429 over the quota, saying when it resets, and allows again next month', async () => {
      const limited = await buildTestApp({ config: { monthlyTrackerQuota: 2, devMode: true } });
      const { apiKey } = await createAccount(limited.app);
      await createTracker(limited.app, apiKey);
      await createTracker(limited.app, apiKey);
      const refused = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/trackers',
        headers: auth(apiKey),
        payload: {},
      });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().message).toBe(
        'Monthly tracker quota of 2 reached; it resets on 2026-12-01 at 00:00 UTC (2026-12-01T00:00:00.000Z).',
      );
      expect(Number(refused.headers['retry-after'])).toBe(
        (Date.parse('2026-12-01T00:00:00Z') - Date.parse('2026-11-02T10:00:00Z')) / 1000,
      );

      limited.deps.clock.advance(Date.parse('2026-12-01T00:00:00Z') - Date.parse('2026-11-02T10:00:00Z'));
      expect((await createTracker(limited.app, apiKey)).createdAt).toBe('2026-12-01T00:00:00.000Z');
      await limited.close();
    });
  });

  describe('reading and deleting', () => {
    it('lists newest first with a keyset cursor that walks every tracker once', async () => {
      const { apiKey } = await createAccount(t.app);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await createTracker(t.app, apiKey, { subject: `n${i}` })).id);
        t.deps.clock.advance(1000);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const page = await t.app.inject({ url: `/api/v1/trackers${query}`, headers: auth(apiKey) });
        expect(page.statusCode).toBe(200);
        const body = page.json<{ trackers: { id: string; status: string }[]; nextCursor: string | null }>();
        seen.push(...body.trackers.map((tr) => tr.id));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
    });

    it('gives a summary with no stored internals', async () => {
      const { apiKey } = await createAccount(t.app);
      await createTracker(t.app, apiKey);
      const page = await t.app.inject({ url: '/api/v1/trackers', headers: auth(apiKey) });
      expect(Object.keys(page.json().trackers[0]).sort()).toEqual(
        [
          'clicks',
          'createdAt',
          'firstOpenedAt',
          'id',
          'lastOpenedAt',
          'machineOpens',
          'opens',
          'recipient',
          'status',
          'subject',
          'template',
        ].sort(),
      );
    });

    it.each([
      ['limit=0', /limit/],
      ['limit=101', /limit/],
      ['limit=ten', /limit/],
      ['cursor=garbage', /cursor/],
      [`cursor=${Buffer.from('123.short').toString('base64url')}`, /cursor/],
    ])('refuses ?%s with a 400', async (query, message) => {
      const { apiKey } = await createAccount(t.app);
      const response = await t.app.inject({ url: `/api/v1/trackers?${query}`, headers: auth(apiKey) });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(message);
    });

    it("answers 404 for another account's tracker, on read and on delete, and leaves it alone", async () => {
      const owner = await createAccount(t.app, 'owner');
      const intruder = await createAccount(t.app, 'intruder');
      const tracker = await createTracker(t.app, owner.apiKey);
      for (const method of ['GET', 'DELETE'] as const) {
        const response = await t.app.inject({
          method,
          url: `/api/v1/trackers/${tracker.id}`,
          headers: auth(intruder.apiKey),
        });
        expect(response.statusCode).toBe(404);
        expect(response.json().message).toMatch(/No tracker/);
      }
      const list = await t.app.inject({ url: '/api/v1/trackers', headers: auth(intruder.apiKey) });
      expect(list.json().trackers).toEqual([]);
      const still = await t.app.inject({
        url: `/api/v1/trackers/${tracker.id}`,
        headers: auth(owner.apiKey),
      });
      expect(still.statusCode).toBe(200);
    });

    it('deletes a tracker (204), after which it is gone (404)', async () => {
      const { apiKey } = await createAccount(t.app);
      const tracker = await createTracker(t.app, apiKey);
      const gone = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/trackers/${tracker.id}`,
        headers: auth(apiKey),
      });
      expect(gone.statusCode).toBe(204);
      expect(gone.body).toBe('');
      const again = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/trackers/${tracker.id}`,
        headers: auth(apiKey),
      });
      expect(again.statusCode).toBe(404);
      const read = await t.app.inject({ url: `/api/v1/trackers/${tracker.id}`, headers: auth(apiKey) });
      expect(read.statusCode).toBe(404);
    });

    it('refuses a malformed tracker id with a 400', async () => {
      const { apiKey } = await createAccount(t.app);
      const response = await t.app.inject({ url: '/api/v1/trackers/not-an-id', headers: auth(apiKey) });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/id/);
    });
  });

  describe('when storage is down', () => {
    it('answers 503 with a clear message on the API, not a hang or a 500', async () => {
      const { apiKey } = await createAccount(t.app);
      t.store.listTrackers = () => Promise.reject(new Error('connection refused'));
      const response = await t.app.inject({ url: '/api/v1/trackers', headers: auth(apiKey) });
      expect(response.statusCode).toBe(503);
      expect(response.json().message).toMatch(/storage/);
      expect(response.body).not.toMatch(/connection refused/);
    });

    it('answers 503 when storage does not answer in time', async () => {
      const slow = await buildTestApp({ storageTimeoutMs: 50 });
      const { apiKey } = await createAccount(slow.app);
      slow.store.listTrackers = () => new Promise(() => undefined);
      const response = await slow.app.inject({ url: '/api/v1/trackers', headers: auth(apiKey) });
      expect(response.statusCode).toBe(503);
      await slow.close();
    });
  });
});
