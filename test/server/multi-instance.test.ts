/**
 * Two tracker processes on different ports share one PostgreSQL database, as behind a load balancer: what one
 * instance creates, the other serves, and an open that hits instance B reaches a live stream held by A.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, postgresForTests, type TestSchema } from './storage/postgres-test-database';
import { createAccountAndTracker, startTrackerProcess, type TrackerProcess } from './support/tracker-process';
import { eventually } from '../support/eventually';

const serverUrl = await postgresForTests();
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads server-sent events from an open response into `events` until the stream ends or is aborted. */
function collectEvents(body: ReadableStream<Uint8Array>, events: SseEvent[]): void {
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = body.getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // Aborted at the end of the test.
    }
  })();
}

describe.skipIf(serverUrl === undefined)('two tracker instances sharing one PostgreSQL', () => {
  let schema: TestSchema;
  let dataDir: string;
  let a: TrackerProcess;
  let b: TrackerProcess;

  beforeAll(async () => {
    schema = await createTestSchema(serverUrl ?? '');
    dataDir = await mkdtemp(join(tmpdir(), 'politely-multi-'));
    const shared = {
      DATABASE_URL: schema.url,
      // Token secrets are shared configuration: a pixel signed by A must verify on B.
      TRACKER_SECRET: 'multi-instance-test-secret-0123456789abcdef',
    };
    // Both start at once, so both race to migrate the empty schema (the advisory lock settles it).
    [a, b] = await Promise.all([
      startTrackerProcess({
        ...shared,
        DATA_DIR: join(dataDir, 'a'),
        HIT_SPOOL_PATH: join(dataDir, 'a', 'hit-spool.ndjson'),
      }),
      startTrackerProcess({
        ...shared,
        DATA_DIR: join(dataDir, 'b'),
        HIT_SPOOL_PATH: join(dataDir, 'b', 'hit-spool.ndjson'),
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await schema?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on two different ports', () => {
    expect(new URL(a.url).port).not.toBe(new URL(b.url).port);
  });

  it('shows an open loaded through B in the status and on the live stream read through A', async () => {
    const { apiKey, trackerId, pixelUrl } = await createAccountAndTracker(a.url);
    const pixelPath = new URL(pixelUrl).pathname;
    const auth = { authorization: `Bearer ${apiKey}` };

    const stream = new AbortController();
    const events: SseEvent[] = [];
    try {
      const response = await fetch(`${a.url}/api/v1/events`, { headers: auth, signal: stream.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      collectEvents(response.body as ReadableStream<Uint8Array>, events);

      const pixel = await fetch(`${b.url}${pixelPath}`, { headers: { 'user-agent': FIREFOX } });
      expect(pixel.status).toBe(200);
      expect(pixel.headers.get('content-type')).toBe('image/gif');

      await eventually(
        () => {
          expect(events).toEqual([
            { event: 'open', data: expect.objectContaining({ trackerId, source: 'human' }) },
          ]);
        },
        5000,
        50,
      );
    } finally {
      stream.abort();
    }

    const detail = await eventually(
      async () => {
        const response = await fetch(`${a.url}/api/v1/trackers/${trackerId}`, { headers: auth });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { status: string; opens: number; events: { kind: string }[] };
        expect(body.status).toBe('opened');
        return body;
      },
      5000,
      50,
    );
    expect(detail.opens).toBe(1);
    expect(detail.events).toEqual([expect.objectContaining({ kind: 'open', source: 'human' })]);
  });

  it('keeps no account state in one instance: B lists and deletes what A created, and A sees it gone', async () => {
    const { apiKey, trackerId } = await createAccountAndTracker(a.url);
    const auth = { authorization: `Bearer ${apiKey}` };

    const listed = await fetch(`${b.url}/api/v1/trackers`, { headers: auth });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { trackers: { id: string }[] }).trackers.map((t) => t.id)).toEqual([
      trackerId,
    ]);

    expect(
      (await fetch(`${b.url}/api/v1/trackers/${trackerId}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(204);
    expect((await fetch(`${a.url}/api/v1/trackers/${trackerId}`, { headers: auth })).status).toBe(404);
  });

  it('keeps accounts apart across instances: a key from A cannot read through B what another account made', async () => {
    const owner = await createAccountAndTracker(a.url);
    const intruder = await createAccountAndTracker(b.url);
    const response = await fetch(`${b.url}/api/v1/trackers/${owner.trackerId}`, {
      headers: { authorization: `Bearer ${intruder.apiKey}` },
    });
    expect(response.status).toBe(404);
  });
});
