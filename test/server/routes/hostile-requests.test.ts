/**
 * The tracker as an attacker or a careless client meets it: every authenticated route without or with a bad
 * key, another account's ids and cursors, hostile bodies and headers, spoofed X-Forwarded-For, and what is
 * really written to the database file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../../src/server/http/authenticate';
import { createTokenSigner } from '../../../src/server/tracking/token-signer';
import { createTrackingTokens } from '../../../src/server/tracking/tracking-tokens';
import { createSqliteTrackerStore } from '../../../src/server/storage/sqlite/sqlite-tracker-store';
import {
  CHROME_UA,
  TEST_SECRET,
  buildTestApp,
  createAccount,
  createTracker,
  pathOf,
  type TestApp,
} from '../support/build-test-app';

const STACK_FRAME = /at .*\.(ts|js):\d+/;

describe('hostile and careless requests', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  const auth = (apiKey: string) => ({ authorization: `Bearer ${apiKey}` });

  describe('every authenticated route', () => {
    const someId = 'AAAAAAAAAAAAAAAAAAAAAA';
    const routes = [
      ['POST', '/api/v1/trackers'],
      ['GET', '/api/v1/trackers'],
      ['GET', `/api/v1/trackers/${someId}`],
      ['DELETE', `/api/v1/trackers/${someId}`],
      ['POST', '/api/v1/events/tickets'],
      ['GET', '/api/v1/events'],
    ] as const;
    const badHeaders: [string, Record<string, string>][] = [
      ['no key', {}],
      ['a wrong key', { authorization: 'Bearer pk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
      ['a Basic credential', { authorization: 'Basic dXNlcjpwdw==' }],
      ['an empty bearer', { authorization: 'Bearer ' }],
      ['a 10 KB key', { authorization: `Bearer pk_${'A'.repeat(10_000)}` }],
      ['a key with a control character', { authorization: 'Bearer pk_abc\u0001def' }],
    ];

    it.each(
      routes.flatMap(([method, url]) =>
        badHeaders.map(([label, headers]) => [method, url, label, headers] as const),
      ),
    )('%s %s answers 401 with %s, before looking at the body', async (method, url, _label, headers) => {
      t = await buildTestApp();
      await createAccount(t.app);
      const response = await t.app.inject({
        method,
        url,
        headers: method === 'POST' ? { ...headers, 'content-type': 'application/json' } : headers,
        payload: method === 'POST' ? '{"subject": 42, "junk": true}' : undefined,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect(response.json().message).toMatch(/API key/);
    });
  });

  describe('isolation between accounts', () => {
    it("never lists another account's trackers, even with a cursor taken from that account", async () => {
      t = await buildTestApp();
      const alice = await createAccount(t.app, 'Alice');
      const mallory = await createAccount(t.app, 'Mallory');
      const aliceIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        aliceIds.push((await createTracker(t.app, alice.apiKey, { subject: `alice ${i}` })).id);
        t.deps.clock.advance(1000);
      }
      const mine = (await createTracker(t.app, mallory.apiKey, { subject: 'mallory' })).id;
      const firstPage = await t.app.inject({ url: '/api/v1/trackers?limit=1', headers: auth(alice.apiKey) });
      const aliceCursor = firstPage.json().nextCursor as string;
      expect(aliceCursor).toEqual(expect.any(String));

      // A cursor only positions within the caller's own list; it names no account.
      const replayed = await t.app.inject({
        url: `/api/v1/trackers?cursor=${aliceCursor}`,
        headers: auth(mallory.apiKey),
      });
      expect(replayed.statusCode).toBe(200);
      const seen = (replayed.json().trackers as { id: string }[]).map((tracker) => tracker.id);
      expect(seen.filter((id) => aliceIds.includes(id))).toEqual([]);

      const own = await t.app.inject({ url: '/api/v1/trackers', headers: auth(mallory.apiKey) });
      expect((own.json().trackers as { id: string }[]).map((tracker) => tracker.id)).toEqual([mine]);
    });

    it("gives an event ticket only for the caller's own stream, and a ticket cannot be used as an API key", async () => {
      t = await buildTestApp();
      const alice = await createAccount(t.app, 'Alice');
      const issued = await t.app.inject({
        method: 'POST',
        url: '/api/v1/events/tickets',
        headers: auth(alice.apiKey),
      });
      const { ticket } = issued.json() as { ticket: string };
      const asKey = await t.app.inject({ url: '/api/v1/trackers', headers: auth(ticket) });
      expect(asKey.statusCode).toBe(401);
      expect(t.deps.tokens.readEventTicket(ticket, t.deps.clock.now())?.accountId).toBe(alice.accountId);
    });
  });

  it('stores the API key only as a hash: the key appears nowhere in the database files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'politely-keys-'));
    try {
      const store = createSqliteTrackerStore({ path: join(dir, 'tracker.sqlite') });
      t = await buildTestApp({ store });
      const { apiKey } = await createAccount(t.app, 'Ada');
      await createTracker(t.app, apiKey);
      await t.close();
      const files = readdirSync(dir);
      expect(files).toContain('tracker.sqlite');
      const everything = Buffer.concat(files.map((file) => readFileSync(join(dir, file))));
      // The scan is real: the account's name and the key's hash are in the files, the key is not.
      expect(everything.includes(Buffer.from('Ada'))).toBe(true);
      expect(everything.includes(Buffer.from(hashApiKey(apiKey)))).toBe(true);
      expect(everything.includes(Buffer.from(apiKey.slice(3)))).toBe(false);
    } finally {
      t = await buildTestApp();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('bodies and parameters', () => {
    it.each([
      ['text/plain', 'text/plain', 'hello', 400],
      ['form encoding', 'application/x-www-form-urlencoded', 'subject=x', 415],
      ['junk JSON', 'application/json', '{subject: nope', 400],
      ['a JSON array', 'application/json', '[1,2,3]', 400],
      ['a JSON string', 'application/json', '"subject"', 400],
      ['JSON null', 'application/json', 'null', 400],
      ['a __proto__ key', 'application/json', '{"__proto__": {"admin": true}}', 400],
      ['a constructor.prototype key', 'application/json', '{"constructor": {"prototype": {"x": 1}}}', 400],
      ['deeply nested arrays', 'application/json', `{"links": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 400],
      ['a body over 16 KiB', 'application/json', JSON.stringify({ subject: 'x'.repeat(17_000) }), 413],
    ])('refuses %s with a %i JSON error, no stack', async (_label, contentType, payload, status) => {
      t = await buildTestApp();
      const { apiKey } = await createAccount(t.app);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/trackers',
        headers: { ...auth(apiKey), 'content-type': contentType },
        payload,
      });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ statusCode: status, message: expect.any(String) });
      expect(response.body).not.toMatch(STACK_FRAME);
    });

    it('keeps unicode, control characters and markup in subject and recipient as data, returned intact as JSON', async () => {
      t = await buildTestApp();
      const { apiKey } = await createAccount(t.app);
      const subject = 'Re: Entretien — 面接 🎉 <script>alert(1)</script> \u202e\r\nBcc: x@evil.example';
      const recipient = '"Zoë \u0007" <zoë@exämple.com>';
      const created = await createTracker(t.app, apiKey, { subject, recipient });
      const read = await t.app.inject({ url: `/api/v1/trackers/${created.id}`, headers: auth(apiKey) });
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toMatch(/^application\/json/);
      expect(read.json()).toMatchObject({ subject, recipient });
    });

    it.each([
      ['limit=0', /limit/],
      ['limit=101', /limit/],
      ['limit=-1', /limit/],
      ['limit=1e2', /limit/],
      ['limit=10&limit=20', /limit/],
      ['cursor=', /cursor/],
      [`cursor=${'A'.repeat(201)}`, /cursor/],
      [
        `cursor=${Buffer.from('99999999999999999999.AAAAAAAAAAAAAAAAAAAAAA').toString('base64url')}`,
        /cursor/,
      ],
      [`cursor=${Buffer.from('1.AAAA').toString('base64url')}`, /cursor/],
      ['cursor=%FF%FE', /cursor/],
    ])('refuses ?%s with a 400 naming the parameter', async (query, message) => {
      t = await buildTestApp();
      const { apiKey } = await createAccount(t.app);
      const response = await t.app.inject({ url: `/api/v1/trackers?${query}`, headers: auth(apiKey) });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(message);
    });

    it.each([
      ['too short', 'abc'],
      ['too long', 'A'.repeat(23)],
      ['percent-encoded junk', '%00%0d%0aAAAAAAAAAAAAAAAAAA'],
      ['non-ASCII', 'ÄAAAAAAAAAAAAAAAAAAAAA'],
      ['a path traversal', '..%2F..%2Fetc%2Fpasswd'],
    ])('refuses a tracker id that is %s with a 400, on read and delete', async (_label, id) => {
      t = await buildTestApp();
      const { apiKey } = await createAccount(t.app);
      for (const method of ['GET', 'DELETE'] as const) {
        const response = await t.app.inject({ method, url: `/api/v1/trackers/${id}`, headers: auth(apiKey) });
        expect(response.statusCode).toBe(400);
        expect(response.json().message).toMatch(/id/);
      }
    });
  });

  describe('tokens in URLs', () => {
    it('answers a 150 KB pixel or link path with the GIF or a 4xx, never a 500', async () => {
      t = await buildTestApp();
      const long = 'A'.repeat(150_000);
      const pixel = await t.app.inject({ url: `/p/${long}.gif` });
      expect(pixel.statusCode).toBe(200);
      expect(pixel.headers['content-type']).toBe('image/gif');
      const link = await t.app.inject({ url: `/l/${long}` });
      expect(link.statusCode).toBe(404);
      expect(t.deps.hits.stats().queued).toBe(0);
    });

    it('answers the GIF for a deleted tracker and records nothing, without failing the batch', async () => {
      t = await buildTestApp();
      const { apiKey, accountId } = await createAccount(t.app);
      const tracker = await createTracker(t.app, apiKey);
      await t.app.inject({ method: 'DELETE', url: `/api/v1/trackers/${tracker.id}`, headers: auth(apiKey) });
      const pixel = await t.app.inject({ url: pathOf(tracker.pixelUrl) });
      expect(pixel.statusCode).toBe(200);
      await t.deps.hits.flush();
      expect(t.deps.hits.stats()).toMatchObject({ queued: 0, failedFlushes: 0 });
      expect(await t.store.getTracker(accountId, tracker.id)).toBeNull();
    });
  });

  it('keeps recording pixels signed with a rotated-out secret, and stops once that secret is removed', async () => {
    const store = createSqliteTrackerStore({ path: ':memory:' });
    const before = await buildTestApp({ store });
    const { apiKey, accountId } = await createAccount(before.app);
    const tracker = await createTracker(before.app, apiKey);
    const withSecrets = (secrets: string[]) =>
      buildTestApp({ store, deps: { tokens: createTrackingTokens(createTokenSigner(secrets)) } });
    const opensAfterLoad = async (app: TestApp) => {
      expect(
        (await app.app.inject({ url: pathOf(tracker.pixelUrl), remoteAddress: '198.51.100.9' })).statusCode,
      ).toBe(200);
      await app.deps.hits.flush();
      return (await store.getTracker(accountId, tracker.id))?.hits.length;
    };
    const rotated = await withSecrets(['a-new-secret-a-new-secret-a-new-secret-0', TEST_SECRET]);
    expect(await opensAfterLoad(rotated)).toBe(1);
    const retired = await withSecrets(['a-new-secret-a-new-secret-a-new-secret-0']);
    expect(await opensAfterLoad(retired)).toBe(1);
    await retired.app.close();
    await rotated.app.close();
    t = before;
  });

  describe('X-Forwarded-For', () => {
    async function storedPrefixes(app: TestApp, pixelUrl: string, id: string, apiKeyAccount: string) {
      await app.deps.hits.flush();
      const found = await app.store.getTracker(apiKeyAccount, id);
      return found?.hits.map((hit) => hit.ipPrefix) ?? [];
    }

    it('is ignored when no proxy is trusted: the socket address is stored, truncated', async () => {
      t = await buildTestApp();
      const { apiKey, accountId } = await createAccount(t.app);
      const tracker = await createTracker(t.app, apiKey);
      await t.app.inject({
        url: pathOf(tracker.pixelUrl),
        headers: { 'user-agent': CHROME_UA, 'x-forwarded-for': '192.0.2.99' },
        remoteAddress: '198.51.100.77',
      });
      expect(await storedPrefixes(t, tracker.pixelUrl, tracker.id, accountId)).toEqual(['198.51.100.0']);
    });

    it('is believed only from a configured proxy, and from a proxy an IPv4-mapped client is stored as its /24', async () => {
      t = await buildTestApp({ config: { trustedProxies: ['10.0.0.1'] } });
      const { apiKey, accountId } = await createAccount(t.app);
      const tracker = await createTracker(t.app, apiKey);
      const load = (remoteAddress: string, forwarded: string) =>
        t.app.inject({
          url: pathOf(tracker.pixelUrl),
          headers: { 'user-agent': CHROME_UA, 'x-forwarded-for': forwarded },
          remoteAddress,
        });
      await load('10.0.0.1', '::ffff:192.0.2.55');
      await load('10.0.0.1', '2001:db8:abcd:1234::1, 10.0.0.1');
      await load('198.51.100.77', '192.0.2.99');
      expect((await storedPrefixes(t, tracker.pixelUrl, tracker.id, accountId)).sort()).toEqual(
        ['192.0.2.0', '198.51.100.0', '2001:db8:abcd::'].sort(),
      );
    });

    it('cannot dodge the /api/v1 rate limit with a made-up X-Forwarded-For', async () => {
      t = await buildTestApp({ config: { apiRateLimitPerMinute: 2 } });
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await t.app.inject({
          url: '/api/v1/trackers',
          headers: { 'x-forwarded-for': `192.0.2.${i}` },
          remoteAddress: '198.51.100.5',
        });
        codes.push(response.statusCode);
      }
      expect(codes).toEqual([401, 401, 429, 429]);
    });
  });

  describe('CORS edge origins', () => {
    it.each([
      'null',
      'https://localhost:3000/',
      'https://localhost:3001',
      'https://LOCALHOST:3000',
      'https://localhost',
      'https://user@localhost:3000',
    ])('gives %s no permission, on the preflight and on the actual request', async (origin) => {
      t = await buildTestApp({ config: { allowedOrigins: ['https://localhost:3000'] } });
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/trackers',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const actual = await t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        headers: { origin },
        payload: { name: 'A' },
      });
      expect(actual.headers['access-control-allow-origin']).toBeUndefined();
      expect(actual.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });
});
