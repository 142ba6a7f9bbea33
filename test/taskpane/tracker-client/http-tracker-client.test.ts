import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHttpTrackerClient,
  type HttpTrackerClientOptions,
} from '../../../src/taskpane/tracker-client/http-tracker-client';
import {
  TrackerClientError,
  type LiveHit,
  type LiveConnectionState,
} from '../../../src/taskpane/tracker-client/tracker-client';

interface RecordedCall {
  url: string;
  method: string;
  authorization: string | null;
  body: string | null;
}

type Responder = (call: RecordedCall, signal: AbortSignal) => Promise<Response> | Response;

/** A fetch double that records each request and answers from a queue of responders. */
function createFakeFetch(responders: Responder[]) {
  const calls: RecordedCall[] = [];
  const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: RecordedCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      body: typeof init?.body === 'string' ? init.body : null,
    };
    calls.push(call);
    const responder = responders.shift();
    if (!responder) throw new Error(`unexpected request ${call.method} ${call.url}`);
    return responder(call, init?.signal ?? new AbortController().signal);
  }) as typeof fetch;
  return { fetch: fakeFetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Answers only when the request is aborted, like a server that never replies. */
const neverAnswers: Responder = (_call, signal) =>
  new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () =>
      reject(new DOMException('The operation was aborted.', 'AbortError')),
    );
  });

const trackerCreated = {
  id: 't1',
  pixelUrl: 'https://tracker.example/p/abc.gif',
  links: [],
  createdAt: '2026-11-27T10:00:00.000Z',
};

function makeClient(responders: Responder[], overrides: Partial<HttpTrackerClientOptions> = {}) {
  const fake = createFakeFetch(responders);
  let storedKey: string | null = 'key-old';
  const register = vi.fn(async () => {
    storedKey = `key-new-${register.mock.calls.length}`;
    return storedKey;
  });
  const client = createHttpTrackerClient({
    baseUrl: 'https://tracker.example/',
    fetch: fake.fetch,
    getApiKey: async () => storedKey,
    register,
    timeoutMs: 5_000,
    now: () => new Date('2026-11-27T12:00:00.000Z'),
    ...overrides,
  });
  return { client, calls: fake.calls, register, setKey: (key: string | null) => (storedKey = key) };
}

async function rejection(promise: Promise<unknown>): Promise<TrackerClientError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TrackerClientError);
    return error as TrackerClientError;
  }
  throw new Error('expected the call to reject');
}

describe('createHttpTrackerClient', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates a tracker with the stored key and the request as JSON', async () => {
    const { client, calls } = makeClient([() => json(201, trackerCreated)]);
    const created = await client.createTracker({
      subject: 'Interview',
      recipient: 'ana@corp.example',
      template: 'other-offer',
    });
    expect(created.pixelUrl).toBe('https://tracker.example/p/abc.gif');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: 'https://tracker.example/api/v1/trackers',
      method: 'POST',
      authorization: 'Bearer key-old',
    });
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      subject: 'Interview',
      recipient: 'ana@corp.example',
      template: 'other-offer',
    });
  });

  it('registers first when the mailbox has no key yet', async () => {
    const { client, calls, register, setKey } = makeClient([
      () => json(200, { trackers: [], nextCursor: null }),
    ]);
    setKey(null);
    await client.listTrackers({ limit: 20 });
    expect(register).toHaveBeenCalledTimes(1);
    expect(calls[0]?.authorization).toBe('Bearer key-new-1');
    expect(calls[0]?.url).toBe('https://tracker.example/api/v1/trackers?limit=20');
  });

  describe('timeouts', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });

    it('rejects with a timeout error when the tracker does not answer in time', async () => {
      const { client } = makeClient([neverAnswers]);
      const pending = rejection(client.createTracker({ subject: 'x' }));
      await vi.advanceTimersByTimeAsync(4_999);
      let settled = false;
      void pending.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await pending;
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('did not answer within 5 s');
    });

    it('counts a body that stalls after the headers against the same limit', async () => {
      const stalledBody: Responder = (_call, signal) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"trackers": ['));
              signal.addEventListener('abort', () =>
                controller.error(new DOMException('aborted', 'AbortError')),
              );
            },
          }),
          { status: 200 },
        );
      const { client } = makeClient([stalledBody]);
      const pending = rejection(client.listTrackers());
      await vi.advanceTimersByTimeAsync(5_000);
      expect((await pending).kind).toBe('timeout');
    });
  });

  describe('401 leads to one re-registration', () => {
    it('re-registers once and retries the request with the new key', async () => {
      const { client, calls, register } = makeClient([
        () => json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unknown API key' }),
        () => json(201, trackerCreated),
      ]);
      const created = await client.createTracker({ subject: 'x' });
      expect(created.id).toBe('t1');
      expect(register).toHaveBeenCalledTimes(1);
      expect(calls.map((c) => c.authorization)).toEqual(['Bearer key-old', 'Bearer key-new-1']);
    });

    it('gives up with an unauthorized error when the fresh key is refused too', async () => {
      const refused = () => json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unknown API key' });
      const { client, calls, register } = makeClient([refused, refused]);
      const error = await rejection(client.getTracker('t1'));
      expect(error.kind).toBe('unauthorized');
      expect(register).toHaveBeenCalledTimes(1);
      expect(calls).toHaveLength(2);
    });

    it('shares one registration between requests refused at the same time', async () => {
      const refused = () => json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unknown API key' });
      const ok = () => json(200, { trackers: [], nextCursor: null });
      const { client, register } = makeClient([refused, refused, ok, ok]);
      await Promise.all([client.listTrackers(), client.listTrackers()]);
      expect(register).toHaveBeenCalledTimes(1);
    });

    it('reports a failed registration as the reason', async () => {
      const { client } = makeClient(
        [() => json(401, { statusCode: 401, error: 'Unauthorized', message: 'no' })],
        {
          register: async () => {
            throw new TrackerClientError('rejected', 'Registration needs the X-Registration-Secret header.', {
              status: 403,
            });
          },
        },
      );
      const error = await rejection(client.deleteTracker('t1'));
      expect(error.kind).toBe('rejected');
      expect(error.message).toBe('Registration needs the X-Registration-Secret header.');
    });
  });

  describe('tracker detail and older events', () => {
    const summary = {
      id: 't1',
      subject: 'RE: Interview',
      recipient: null,
      template: null,
      createdAt: '2026-11-27T10:00:00.000Z',
      status: 'opened',
      opens: 1,
      machineOpens: 0,
      clicks: 0,
      firstOpenedAt: '2026-11-27T11:00:00.000Z',
      lastOpenedAt: '2026-11-27T11:00:00.000Z',
    };
    const opened = { at: '2026-11-27T11:00:00.000Z', kind: 'open', source: 'human', client: 'Gmail' };

    it('reads eventCount and olderEventsCursor from a current tracker', async () => {
      const { client } = makeClient([
        () => json(200, { ...summary, events: [opened], eventCount: 5_000, olderEventsCursor: 'ZS45MDE' }),
      ]);
      const detail = await client.getTracker('t1');
      expect(detail.eventCount).toBe(5_000);
      expect(detail.olderEventsCursor).toBe('ZS45MDE');
      expect(detail.events).toEqual([opened]);
    });

    it('accepts an older server that sends neither field', async () => {
      const { client } = makeClient([() => json(200, { ...summary, events: [opened] })]);
      const detail = await client.getTracker('t1');
      expect(detail.events).toHaveLength(1);
      expect('eventCount' in detail).toBe(false);
      expect('olderEventsCursor' in detail).toBe(false);
    });

    it('drops a paging field of the wrong type instead of failing the whole read', async () => {
      const { client } = makeClient([
        () => json(200, { ...summary, events: [opened], eventCount: '12', olderEventsCursor: 7 }),
      ]);
      const detail = await client.getTracker('t1');
      expect(detail.status).toBe('opened');
      expect('eventCount' in detail).toBe(false);
      expect('olderEventsCursor' in detail).toBe(false);
    });

    it('refuses a detail whose events are not events', async () => {
      const { client } = makeClient([() => json(200, { ...summary, events: [{ at: 3 }] })]);
      const error = await rejection(client.getTracker('t1'));
      expect(error.kind).toBe('server');
      expect(error.message).toContain('unexpected answer');
    });

    it('pages back with the cursor and limit, escaping the id', async () => {
      const { client, calls } = makeClient([() => json(200, { events: [opened], nextCursor: 'ZS44MDE' })]);
      const page = await client.listTrackerEvents('t/1', { cursor: 'ZS45MDE', limit: 200 });
      expect(page).toEqual({ events: [opened], nextCursor: 'ZS44MDE' });
      expect(calls[0]).toMatchObject({
        url: 'https://tracker.example/api/v1/trackers/t%2F1/events?cursor=ZS45MDE&limit=200',
        method: 'GET',
        authorization: 'Bearer key-old',
      });
    });

    it('says when the oldest page is reached', async () => {
      const { client, calls } = makeClient([() => json(200, { events: [], nextCursor: null })]);
      expect(await client.listTrackerEvents('t1')).toEqual({ events: [], nextCursor: null });
      expect(calls[0]?.url).toBe('https://tracker.example/api/v1/trackers/t1/events');
    });

    it('re-registers once when an older page is refused', async () => {
      const { client, calls, register } = makeClient([
        () => json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unknown API key' }),
        () => json(200, { events: [], nextCursor: null }),
      ]);
      await client.listTrackerEvents('t1', { cursor: 'ZS45MDE' });
      expect(register).toHaveBeenCalledTimes(1);
      expect(calls.map((c) => c.authorization)).toEqual(['Bearer key-old', 'Bearer key-new-1']);
    });

    it('passes the server’s words through for a stale cursor and a deleted tracker', async () => {
      const { client } = makeClient([
        () =>
          json(400, {
            statusCode: 400,
            error: 'Bad Request',
            message: 'The cursor is not valid; use olderEventsCursor or nextCursor from a previous answer.',
          }),
        () =>
          json(404, {
            statusCode: 404,
            error: 'Not Found',
            message: 'No tracker with this id in your account.',
          }),
      ]);
      const stale = await rejection(client.listTrackerEvents('t1', { cursor: 'bad' }));
      expect(stale).toMatchObject({ kind: 'rejected', status: 400 });
      expect(stale.message).toContain('cursor is not valid');
      expect((await rejection(client.listTrackerEvents('gone', { cursor: 'ZS45MDE' }))).kind).toBe(
        'not-found',
      );
    });

    it('refuses a page that is not the contract’s shape', async () => {
      const { client } = makeClient([() => json(200, { events: [opened] })]);
      expect((await rejection(client.listTrackerEvents('t1'))).kind).toBe('server');
    });

    it('reports a rate-limited page with when to try again', async () => {
      const { client } = makeClient([
        () =>
          json(
            429,
            {
              statusCode: 429,
              error: 'Too Many Requests',
              message: 'Rate limit exceeded, retry in 1 minute',
            },
            { 'retry-after': '30' },
          ),
      ]);
      const error = await rejection(client.listTrackerEvents('t1', { cursor: 'ZS45MDE' }));
      expect(error.kind).toBe('rate-limited');
      expect(error.resetAt?.toISOString()).toBe('2026-11-27T12:00:30.000Z');
    });

    describe('timeouts', () => {
      beforeEach(() => {
        vi.useFakeTimers();
      });

      it('gives up on an older page after the time limit', async () => {
        const { client } = makeClient([neverAnswers]);
        const pending = rejection(client.listTrackerEvents('t1', { cursor: 'ZS45MDE' }));
        await vi.advanceTimersByTimeAsync(5_000);
        expect((await pending).kind).toBe('timeout');
      });
    });
  });

  describe('429', () => {
    it('reports a used-up quota with the reset time quoted in the message', async () => {
      const { client } = makeClient([
        () =>
          json(429, {
            statusCode: 429,
            error: 'Too Many Requests',
            message: 'Monthly tracker quota of 100 reached; it resets at 2026-12-01T00:00:00.000Z.',
          }),
      ]);
      const error = await rejection(client.createTracker({ subject: 'x' }));
      expect(error.kind).toBe('quota');
      expect(error.status).toBe(429);
      expect(error.resetAt?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
      expect(error.message).toContain('Monthly tracker quota of 100 reached');
    });

    it('reports a rate limit with the reset time from Retry-After', async () => {
      const { client, register } = makeClient([
        () =>
          json(
            429,
            {
              statusCode: 429,
              error: 'Too Many Requests',
              message: 'Rate limit exceeded, retry in 1 minute',
            },
            { 'retry-after': '60' },
          ),
      ]);
      const error = await rejection(client.listTrackers());
      expect(error.kind).toBe('rate-limited');
      expect(error.resetAt?.toISOString()).toBe('2026-11-27T12:01:00.000Z');
      expect(register).not.toHaveBeenCalled();
    });
    it('reads X-RateLimit-Reset when the tracker sends no Retry-After', async () => {
      const { client } = makeClient([
        () =>
          json(
            429,
            { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' },
            { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '42' },
          ),
      ]);
      const error = await rejection(client.getTracker('t1'));
      expect(error.kind).toBe('rate-limited');
      expect(error.resetAt?.toISOString()).toBe('2026-11-27T12:00:42.000Z');
    });

    it('leaves the reset time unknown when a cross-origin answer hides the headers', async () => {
      // Before the tracker exposed them through CORS, the browser withheld both headers from the pane.
      const { client } = makeClient([
        () => json(429, { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' }),
      ]);
      const error = await rejection(client.listTrackers());
      expect(error.kind).toBe('rate-limited');
      expect(error.resetAt).toBeNull();
    });
  });

  describe('network failure and other answers', () => {
    it('turns a failed fetch into a network error that names the tracker', async () => {
      const { client } = makeClient([
        () => {
          throw new TypeError('Failed to fetch');
        },
      ]);
      const error = await rejection(client.createTracker({ subject: 'x' }));
      expect(error.kind).toBe('network');
      expect(error.message).toContain('https://tracker.example could not be reached (Failed to fetch)');
    });

    it('passes a 4xx message through', async () => {
      const { client } = makeClient([
        () =>
          json(400, {
            statusCode: 400,
            error: 'Bad Request',
            message: 'body/subject must NOT have more than 300 characters',
          }),
      ]);
      const error = await rejection(client.createTracker({ subject: 'x'.repeat(301) }));
      expect(error).toMatchObject({
        kind: 'rejected',
        status: 400,
        message: 'body/subject must NOT have more than 300 characters',
      });
    });

    it('says so when the answer is not a tracker at all', async () => {
      const { client } = makeClient([() => new Response('<html>Welcome to nginx</html>', { status: 200 })]);
      const error = await rejection(client.createTracker({ subject: 'x' }));
      expect(error.kind).toBe('server');
      expect(error.message).toContain('not JSON');
    });

    it('maps a missing tracker to not-found', async () => {
      const { client } = makeClient([
        () => json(404, { statusCode: 404, error: 'Not Found', message: 'No such tracker' }),
      ]);
      expect((await rejection(client.deleteTracker('gone'))).kind).toBe('not-found');
    });
  });
});

describe('live events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An SSE response whose body the test writes to. */
  function openStream() {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    const encoder = new TextEncoder();
    return {
      responder: ((_call: RecordedCall, signal: AbortSignal) => {
        signal.addEventListener('abort', () => {
          try {
            controller.error(new DOMException('aborted', 'AbortError'));
          } catch {
            // already closed
          }
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
      }) satisfies Responder,
      write: (text: string) => controller.enqueue(encoder.encode(text)),
      end: () => controller.close(),
    };
  }

  it('delivers open events split across chunks and reconnects with backoff after the stream ends', async () => {
    const first = openStream();
    const second = openStream();
    const { client, calls } = makeClient(
      [
        first.responder,
        () => {
          throw new TypeError('Failed to fetch');
        },
        second.responder,
      ],
      {
        reconnectDelayMs: 1_000,
      },
    );
    const hits: LiveHit[] = [];
    const states: LiveConnectionState[] = [];
    const subscription = client.subscribe({
      onHit: (hit) => hits.push(hit),
      onStateChange: (s) => states.push(s),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0]).toMatchObject({
      url: 'https://tracker.example/api/v1/events',
      authorization: 'Bearer key-old',
    });
    first.write(': heartbeat\n\nevent: open\ndata: {"trackerId":"t1","at":"2026-11-27T12:00:00.000Z",');
    first.write(
      '"source":"human"}\n\nevent: click\r\ndata: {"trackerId":"t1","at":"2026-11-27T12:00:01.000Z","source":"human"}\r\n\r\n',
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(hits).toEqual([
      { kind: 'open', trackerId: 't1', at: '2026-11-27T12:00:00.000Z', source: 'human' },
      { kind: 'click', trackerId: 't1', at: '2026-11-27T12:00:01.000Z', source: 'human' },
    ]);

    first.end();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2); // fails: network
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    second.write(
      'event: open\ndata: {"trackerId":"t2","at":"2026-11-27T12:05:00.000Z","source":"proxy"}\n\n',
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(hits.map((h) => h.trackerId)).toEqual(['t1', 't1', 't2']);
    expect(states).toEqual([
      'connecting',
      'live',
      'reconnecting',
      'reconnecting',
      'reconnecting',
      'reconnecting',
      'live',
    ]);

    subscription.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    expect(states.at(-1)).toBe('closed');
  });

  it('re-registers once when the stream is refused, then stops without retrying forever', async () => {
    const refused = () => json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unknown API key' });
    const { client, calls, register } = makeClient([refused, refused]);
    const states: LiveConnectionState[] = [];
    client.subscribe({ onHit: () => {}, onStateChange: (s) => states.push(s) });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(register).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
    expect(states).toEqual(['connecting', 'closed']);
  });
});
