/**
 * Database failure under load, against a real PostgreSQL that this file owns (a private throwaway cluster, so
 * stopping it disturbs no other test): the pixel keeps answering 200 at once, the API and /readyz report the
 * outage quickly, and when the database returns every hit answered with 200 is recorded exactly once. A
 * tracker stopped cleanly during the outage loses nothing; one killed with SIGKILL loses at most the hits of
 * its last flush window, and nothing it had spooled.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canRunPrivateCluster,
  startPrivateCluster,
  type PrivateCluster,
} from './storage/postgres-private-cluster';
import { loadPixel, percentile, type PixelLoadResult } from './support/pixel-load';
import { createAccountAndTracker, startTrackerProcess, type TrackerProcess } from './support/tracker-process';

const runnable = canRunPrivateCluster();
const SECRET = 'outage-test-secret-0123456789abcdef0123456789';
const FLUSH_INTERVAL_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function summarize(label: string, load: PixelLoadResult, extra: Record<string, unknown> = {}): void {
  const ms = load.timings.map((t) => t.ms);
  console.log(
    `[${label}] ${JSON.stringify({
      sent: load.sent,
      answered200: load.answered200,
      failed: load.failed,
      p50Ms: Number(percentile(ms, 50).toFixed(1)),
      p99Ms: Number(percentile(ms, 99).toFixed(1)),
      maxMs: Number(Math.max(0, ...ms).toFixed(1)),
      ...extra,
    })}`,
  );
}

describe.skipIf(!runnable)('PostgreSQL outage and tracker crash under pixel load', () => {
  let cluster: PrivateCluster;
  let workDir: string;
  let db: pg.Pool;
  const trackers: TrackerProcess[] = [];

  beforeAll(async () => {
    // Commit times let the crash test measure how long a hit really waits between acceptance and commit.
    cluster = await startPrivateCluster({ track_commit_timestamp: 'on' });
    workDir = await mkdtemp(join(tmpdir(), 'politely-outage-'));
    db = new pg.Pool({ connectionString: cluster.url, max: 2 });
    db.on('error', () => undefined);
  });

  afterAll(async () => {
    await Promise.all(trackers.map((tracker) => tracker.stop('SIGKILL')));
    await db?.end();
    await cluster?.destroy();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function startTracker(name: string): Promise<TrackerProcess> {
    const tracker = await startTrackerProcess({
      DATABASE_URL: cluster.url,
      TRACKER_SECRET: SECRET,
      DATA_DIR: join(workDir, name),
      HIT_SPOOL_PATH: join(workDir, name, 'hit-spool.ndjson'),
      HIT_FLUSH_INTERVAL_MS: String(FLUSH_INTERVAL_MS),
    });
    trackers.push(tracker);
    return tracker;
  }

  async function createTrackerAt(baseUrl: string) {
    const { apiKey, trackerId, pixelUrl } = await createAccountAndTracker(baseUrl);
    return { apiKey, trackerId, pixelPath: new URL(pixelUrl).pathname };
  }

  /** Hits counted in the tracker's tally: every recorded hit, including those past the detail cap. */
  async function recordedHits(trackerId: string): Promise<number> {
    const { rows } = await db.query<{ count: number }>(
      'SELECT hit_count AS count FROM trackers WHERE id = $1',
      [trackerId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Waits until the count stops changing for a while (the spool and retries have drained), then returns it. */
  async function settledCount(trackerId: string, timeoutMs = 20_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let last = -1;
    let stableSince = Date.now();
    for (;;) {
      const count = await recordedHits(trackerId).catch(() => -1);
      if (count !== last) {
        last = count;
        stableSince = Date.now();
      } else if (count >= 0 && Date.now() - stableSince > 1500) {
        return count;
      }
      if (Date.now() > deadline) return last;
      await sleep(100);
    }
  }

  it('answers every pixel with 200 through a database stop and start, and records each of them exactly once', async () => {
    const tracker = await startTracker('outage');
    const { apiKey, trackerId, pixelPath } = await createTrackerAt(tracker.url);

    const loading = loadPixel(tracker.url, pixelPath, { durationMs: 4000, concurrency: 16 });
    await sleep(800);
    const stoppedAt = Date.now();
    await cluster.stop();

    // While it is down: readiness and the API say so promptly, with a message, instead of hanging.
    await sleep(300);
    const ready = await timed(() => fetch(`${tracker.url}/readyz`));
    const api = await timed(() =>
      fetch(`${tracker.url}/api/v1/trackers`, { headers: { authorization: `Bearer ${apiKey}` } }),
    );
    const apiBody = (await api.value.json()) as { message?: string };
    await sleep(1000);
    await cluster.start();
    const downMs = Date.now() - stoppedAt;
    const load = await loading;

    const recorded = await settledCount(trackerId);
    summarize('postgres outage', load, {
      databaseDownMs: downMs,
      recorded,
      readyzStatus: ready.value.status,
      readyzMs: Math.round(ready.ms),
      apiStatus: api.value.status,
      apiMs: Math.round(api.ms),
    });

    expect(load.failed).toBe(0);
    expect(load.answered200).toBeGreaterThan(100);
    // "At once": no pixel waited for the database (whose connection attempts give up after 2 s).
    expect(Math.max(...load.timings.map((t) => t.ms))).toBeLessThan(2000);
    expect(ready.value.status).toBe(503);
    expect(api.value.status).toBe(503);
    expect(apiBody.message).toMatch(/storage|database/i);
    expect(ready.ms).toBeLessThan(5000);
    expect(api.ms).toBeLessThan(5000);
    expect(recorded).toBe(load.answered200);
    expect((await fetch(`${tracker.url}/readyz`)).status).toBe(200);
  });

  it('keeps what it spooled during an outage through a kill -9, and the next process writes it', async () => {
    const first = await startTracker('crash-during-outage');
    const { trackerId, pixelPath } = await createTrackerAt(first.url);

    await cluster.stop();
    const load = await loadPixel(first.url, pixelPath, { durationMs: 1000, concurrency: 8 });
    // Past one flush window every accepted hit has failed to write once and been spooled to disk.
    await sleep(FLUSH_INTERVAL_MS * 4);
    await first.stop('SIGKILL');
    await cluster.start();

    await startTracker('crash-during-outage');
    const recorded = await settledCount(trackerId);
    summarize('kill -9 during outage, restart replays spool', load, { recorded });
    expect(load.failed).toBe(0);
    expect(recorded).toBe(load.answered200);
  });

  it('stops cleanly (SIGTERM) during an outage without losing a hit: the next start writes them', async () => {
    const first = await startTracker('stop-during-outage');
    const { trackerId, pixelPath } = await createTrackerAt(first.url);

    await cluster.stop();
    const load = await loadPixel(first.url, pixelPath, { durationMs: 1000, concurrency: 8 });
    const stop = await timed(() => first.stop('SIGTERM'));
    await cluster.start();

    await startTracker('stop-during-outage');
    const recorded = await settledCount(trackerId);
    summarize('SIGTERM during outage, restart replays spool', load, {
      exitCode: stop.value,
      stopMs: Math.round(stop.ms),
      recorded,
    });
    expect(load.failed).toBe(0);
    expect(stop.value).toBe(0);
    expect(recorded).toBe(load.answered200);
  });

  it('loses at most the last flush window of hits when killed with SIGKILL under load', async () => {
    const tracker = await startTracker('kill-under-load');
    const { trackerId, pixelPath } = await createTrackerAt(tracker.url);

    let killedAt = 0;
    const loading = loadPixel(tracker.url, pixelPath, {
      durationMs: 4000,
      concurrency: 16,
      shouldStop: () => killedAt > 0,
      requestTimeoutMs: 2000,
    });
    await sleep(1500);
    killedAt = Date.now();
    await tracker.stop('SIGKILL');
    const load = await loading;

    const recorded = await settledCount(trackerId, 5000);
    const lost = load.answered200 - recorded;
    // How long accepted hits actually waited for their commit in this run (a flush interval, plus timer
    // lateness and write time, both of which a busy machine stretches), measured by the database itself on
    // the hits still kept in detail (the first and the latest ones).
    const { rows } = await db.query<{ max_ms: number | null; p50_ms: number | null }>(
      `SELECT max(lag_ms) AS max_ms, percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50_ms
       FROM (SELECT extract(epoch FROM pg_xact_commit_timestamp(xmin) - at) * 1000 AS lag_ms
             FROM hits WHERE tracker_id = $1) AS lags`,
      [trackerId],
    );
    const commitLagMaxMs = Math.round(Number(rows[0]?.max_ms ?? 0));
    // The hits a kill can take are those not yet committed: accepted within one such wait of the kill. The
    // window allows one more flush interval for a write slower than any observed, and 50 ms for the answer to
    // reach the client after the hit was accepted.
    const windowMs = Math.max(commitLagMaxMs, FLUSH_INTERVAL_MS) + FLUSH_INTERVAL_MS + 50;
    const answeredInWindow = load.timings.filter((t) => t.doneAt >= killedAt - windowMs).length;
    summarize('kill -9 under load', load, {
      recorded,
      lost,
      commitLagP50Ms: Math.round(Number(rows[0]?.p50_ms ?? 0)),
      commitLagMaxMs,
      windowMs,
      answeredInLastWindow: answeredInWindow,
    });

    expect(recorded).toBeLessThanOrEqual(load.answered200);
    expect(lost).toBeLessThanOrEqual(answeredInWindow);
  });
});
