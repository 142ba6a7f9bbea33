import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_STREAMS_PER_ACCOUNT } from '../../../src/server/routes/event-stream-routes';
import {
  CHROME_UA,
  OUTLOOK_UA,
  buildTestApp,
  createAccount,
  createTracker,
  pathOf,
  type TestApp,
} from '../support/build-test-app';

interface SseEvent {
  event: string;
  data: unknown;
}

/** Opens an event stream over real HTTP and collects its events. */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  let buffer = '';
  let ended = false;
  const reading = (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  return {
    response,
    events,
    isEnded: () => ended,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('GET /api/v1/events', () => {
  let t: TestApp;
  let base: string;
  beforeEach(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await t.close();
  });

  async function loadPixel(pixelUrl: string, userAgent: string, remoteAddress: string) {
    await t.app.inject({ url: pathOf(pixelUrl), headers: { 'user-agent': userAgent }, remoteAddress });
    await t.deps.hits.flush();
  }

  it("streams the account's opens and clicks with their source, and nothing of other accounts", async () => {
    const mine = await createAccount(t.app, 'mine');
    const theirs = await createAccount(t.app, 'theirs');
    const tracker = await createTracker(t.app, mine.apiKey, { links: ['https://example.com/'] });
    const otherTracker = await createTracker(t.app, theirs.apiKey);

    const stream = await openStream(`${base}/api/v1/events`, { authorization: `Bearer ${mine.apiKey}` });
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toBe('no-store');

    await loadPixel(tracker.pixelUrl, CHROME_UA, '203.0.113.7');
    await loadPixel(otherTracker.pixelUrl, OUTLOOK_UA, '198.51.100.20');
    await loadPixel(tracker.pixelUrl, OUTLOOK_UA, '198.51.100.20');
    await t.app.inject({
      url: pathOf(tracker.links[0]!.trackedUrl),
      remoteAddress: '198.51.100.20',
      headers: { 'user-agent': OUTLOOK_UA },
    });
    await t.deps.hits.flush();

    await waitFor(() => stream.events.length >= 3, 'three events');
    expect(stream.events).toEqual([
      { event: 'open', data: { trackerId: tracker.id, at: '2026-11-02T10:00:00.000Z', source: 'self' } },
      { event: 'open', data: { trackerId: tracker.id, at: '2026-11-02T10:00:00.000Z', source: 'human' } },
      { event: 'click', data: { trackerId: tracker.id, at: '2026-11-02T10:00:00.000Z', source: 'human' } },
    ]);
    await stream.close();
  });

  it('lets a browser EventSource in with a short-lived ticket instead of a header', async () => {
    const { apiKey } = await createAccount(t.app);
    const tracker = await createTracker(t.app, apiKey);
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events/tickets',
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(issued.statusCode).toBe(201);
    const { ticket, expiresAt } = issued.json<{ ticket: string; expiresAt: string }>();
    expect(expiresAt).toBe('2026-11-02T10:01:00.000Z');

    const stream = await openStream(`${base}/api/v1/events?ticket=${encodeURIComponent(ticket)}`);
    expect(stream.response.status).toBe(200);
    await loadPixel(tracker.pixelUrl, OUTLOOK_UA, '198.51.100.20');
    await waitFor(() => stream.events.length === 1, 'the open');
    await stream.close();
  });

  it('opens one stream per ticket: the same ticket again, even at once, is refused', async () => {
    const { apiKey } = await createAccount(t.app);
    const issue = async () =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/events/tickets',
          headers: { authorization: `Bearer ${apiKey}` },
        })
      ).json<{ ticket: string }>().ticket;
    const ticket = await issue();
    const stream = await openStream(`${base}/api/v1/events?ticket=${encodeURIComponent(ticket)}`);
    expect(stream.response.status).toBe(200);
    await stream.close();

    const again = await t.app.inject({ url: `/api/v1/events?ticket=${encodeURIComponent(ticket)}` });
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toMatch(/already used.*new one/);

    // A fresh ticket opens a fresh stream (what an EventSource client does when its stream ends).
    const next = await openStream(`${base}/api/v1/events?ticket=${encodeURIComponent(await issue())}`);
    expect(next.response.status).toBe(200);
    await next.close();
  });

  it('refuses a missing key, a wrong key, a forged ticket and an expired one with 401', async () => {
    const { apiKey } = await createAccount(t.app);
    const { ticket } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/events/tickets',
        headers: { authorization: `Bearer ${apiKey}` },
      })
    ).json<{ ticket: string }>();

    const attempts = [
      { url: '/api/v1/events' },
      { url: '/api/v1/events', headers: { authorization: 'Bearer pk_nope' } },
      { url: `/api/v1/events?ticket=${encodeURIComponent(ticket.slice(0, -2) + 'xx')}` },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject(attempt);
      expect(response.statusCode).toBe(401);
      expect(response.json().statusCode).toBe(401);
    }
    t.deps.clock.advance(60_000);
    const expired = await t.app.inject({ url: `/api/v1/events?ticket=${encodeURIComponent(ticket)}` });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/expired/);
  });

  it('limits how many streams one account may hold open, and frees a slot when one closes', async () => {
    const { apiKey } = await createAccount(t.app);
    const headers = { authorization: `Bearer ${apiKey}` };
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_ACCOUNT; i++)
      streams.push(await openStream(`${base}/api/v1/events`, headers));
    expect(streams.every((s) => s.response.status === 200)).toBe(true);

    const refused = await fetch(`${base}/api/v1/events`, { headers });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toMatch(/live event streams/);

    await streams.pop()!.close();
    let again: Awaited<ReturnType<typeof openStream>> | null = null;
    for (let attempt = 0; attempt < 50 && again?.response.status !== 200; attempt++) {
      await again?.close();
      again = await openStream(`${base}/api/v1/events`, headers);
      if (again.response.status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(again?.response.status).toBe(200);
    await again?.close();
    await Promise.all(streams.map((s) => s.close()));
  });

  it('cuts off a client that stops reading, instead of holding its events in memory without limit', async () => {
    const { apiKey, accountId } = await createAccount(t.app);
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    let received = 0;
    let closed = false;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.on('error', () => undefined);
    socket.on('close', () => (closed = true));
    socket.write(`GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${apiKey}\r\n\r\n`);
    await waitFor(() => received > 0, 'the stream to open');
    socket.pause();

    // 40 MB of events, far beyond what the kernel's socket buffers can take from a client that never reads.
    const event = {
      kind: 'open' as const,
      trackerId: 'A'.repeat(22),
      at: new Date(0).toISOString(),
      source: 'human' as const,
    };
    let published = 0;
    for (let round = 0; round < 400 && !closed; round++) {
      for (let i = 0; i < 1000; i++) await t.deps.live.publish(accountId, event);
      published += 1000;
      await new Promise((resolve) => setImmediate(resolve));
    }
    socket.resume();
    await waitFor(() => closed, 'the server to cut the stalled stream');
    const eventBytes =
      `event: open\ndata: ${JSON.stringify({ trackerId: event.trackerId, at: event.at, source: event.source })}\n\n`
        .length;
    expect(received).toBeLessThan(published * eventBytes);
    // The slot is free again: the account can open a fresh stream.
    const again = await openStream(`${base}/api/v1/events`, { authorization: `Bearer ${apiKey}` });
    expect(again.response.status).toBe(200);
    await again.close();
  });

  it('ends open streams when the server closes, so stopping never hangs', async () => {
    const { apiKey } = await createAccount(t.app);
    const stream = await openStream(`${base}/api/v1/events`, { authorization: `Bearer ${apiKey}` });
    await t.app.close();
    await waitFor(() => stream.isEnded(), 'the stream to end');
  });
});
